import sqlite3 from 'sqlite3';
import { z } from 'zod';

export const RANGE = { start: '2022-06-01', end: '2022-06-30' };

export type Fixture = {
  token: string;
  /** 10 entries, all inside RANGE. */
  small: number;
  /** 1,000,000 entries, 1,000 a day from 2021-01-01 (30,000 inside RANGE). */
  large: number;
  /** Where the POST benchmark writes, so the two ledgers above keep their sizes. */
  posting: number;
  customers: number;
};

const tokenBody = z.object({ token: z.string() });
const idBody = z.object({ id: z.number() });

/** POSTs JSON (with a token, when given) and expects 201. */
export async function postJson(base: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A merchant with 100 customers and a 10-entry ledger, built through the running API (the large one is bulk-loaded). */
export async function seedThroughApi(base: string, customers = 100): Promise<Fixture> {
  const { token } = tokenBody.parse(await postJson(base, '/api/auth/register/', { username: 'bench-shop', password: 'bench-password' }));
  const ids: number[] = [];
  for (let i = 1; i <= customers; i++) {
    const body = { name: `Customer ${String(i).padStart(3, '0')}`, phone: '+1 555 0100', address: `${i} Market St` };
    ids.push(idBody.parse(await postJson(base, '/api/customers/', body, token)).id);
  }
  const [small, large, posting] = ids;
  if (small === undefined || large === undefined || posting === undefined) throw new Error('need at least 3 customers');
  for (let day = 1; day <= 10; day++) {
    const entry = { type: day % 3 ? 'credit' : 'debit', amount: `${day * 10}.25`, entry_date: `2022-06-${String(day).padStart(2, '0')}` };
    await postJson(base, `/api/customers/${small}/entries/`, entry, token);
  }
  return { token, small, large, posting, customers };
}

/** Sets a merchant's one-row book (merchant_totals) from its active customers, as the migration fills it. */
export const REBUILD_MERCHANT_TOTALS = `
  insert or replace into merchant_totals (owner_id, customers, total_credit, total_debit, total_reversed, customers_owing, customers_owed, to_get, to_give)
  select owner_id, count(*), sum(total_credit), sum(total_debit), sum(total_reversed),
         sum(case when total_credit > total_debit then 1 else 0 end), sum(case when total_debit > total_credit then 1 else 0 end),
         sum(case when total_credit > total_debit then total_credit - total_debit else 0 end),
         sum(case when total_debit > total_credit then total_debit - total_credit else 0 end)
  from customers where not archived and owner_id = (select owner_id from customers where id = ?) group by owner_id`;

function exec(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

/**
 * Bulk-loads `count` entries for one customer straight into SQLite: one transaction, one prepared
 * INSERT … SELECT over a generated series, then the running totals set to match the rows.
 */
export async function bulkLoad(file: string, customerId: number, count = 1_000_000): Promise<void> {
  const db = new sqlite3.Database(file);
  try {
    await exec(db, 'PRAGMA journal_mode = WAL');
    await exec(db, 'begin immediate');
    await exec(
      db,
      `insert into ledger_entries (customer_id, type, amount, note, entry_date, created_at, channel)
       with recursive seq(n) as (select 0 union all select n + 1 from seq where n + 1 < ?)
       select ?, case when n % 3 = 0 then 'debit' else 'credit' end, 100 + n % 1000, 'bulk',
              date('2021-01-01', '+' || (n / 1000) || ' days'), 1609459200000 + n, 'api'
       from seq`,
      [count, customerId],
    );
    await exec(
      db,
      `update customers set
         total_credit = (select coalesce(sum(amount), 0) from ledger_entries where customer_id = ? and type = 'credit'),
         total_debit = (select coalesce(sum(amount), 0) from ledger_entries where customer_id = ? and type = 'debit')
       where id = ?`,
      [customerId, customerId, customerId],
    );
    // The bookkeeping a posting does, done once for the whole load: the customer's days and its merchant's book.
    await exec(db, 'delete from customer_days where customer_id = ?', [customerId]);
    await exec(
      db,
      `insert into customer_days (customer_id, entry_date, entries, credit, debit, gave, got)
       select customer_id, entry_date, count(*), sum(case when type = 'credit' then amount else 0 end), sum(case when type = 'debit' then amount else 0 end),
              sum(case when type = 'credit' then amount else 0 end), sum(case when type = 'debit' then amount else 0 end)
       from ledger_entries where customer_id = ? group by customer_id, entry_date`,
      [customerId],
    );
    await exec(db, REBUILD_MERCHANT_TOTALS, [customerId]);
    await exec(db, 'commit');
    await exec(db, 'PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
