import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, sqlRows, type Harness } from '../support/harness.js';
import { auth, registerMerchant } from '../support/fixtures.js';
import { runVerify } from '../support/verify.js';

let h: Harness;
let carol: number;

beforeAll(async () => {
  h = await createHarness();
  for (const merchant of ['alice', 'bob']) {
    const token = await registerMerchant(h.app, merchant);
    for (const name of ['Carol', 'Dan']) {
      const customer = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name })).body.id;
      carol ??= customer;
      const credit = await request(h.app).post(`/api/customers/${customer}/entries/`).set(auth(token)).send({ type: 'credit', amount: '5000' });
      await request(h.app).post(`/api/customers/${customer}/entries/`).set(auth(token)).send({ type: 'debit', amount: '1234.56' });
      await request(h.app).post(`/api/customers/${customer}/entries/${credit.body.id}/reverse/`).set(auth(token)).send({});
    }
  }
});
afterAll(async () => h.close());

describe('npm run verify', () => {
  it('when every running total equals the sum of its entries, then it says so and exits 0', async () => {
    const { code, output } = await runVerify(h.databaseUrl, 'npm');
    expect(output).toContain('verify: 4 customers, 12 entries: every total matches its entries');
    expect(code).toBe(0);
  });

  it('when a customer total was tampered with in the database, then it names the customer and both sums, and exits 1', async () => {
    await sqlRows(h.db, 'update customers set total_debit = total_debit + 1 where id = ?', [carol]);
    try {
      const { code, output } = await runVerify(h.databaseUrl);
      expect(output).toContain(`MISMATCH customer ${carol} `);
      expect(output).toContain('stored credit 5000.00 debit 6234.57, from entries credit 5000.00 debit 6234.56');
      // The customer's book no longer adds up to its merchant's either.
      expect(output).toContain('MISMATCH merchant 1: total_debit stored 12469.12, from customers 12469.13; to_give stored 2469.12, from customers 2469.13');
      expect(output).toContain('2 problem(s) found');
      expect(code).toBe(1);
    } finally {
      await sqlRows(h.db, 'update customers set total_debit = total_debit - 1 where id = ?', [carol]);
    }
  });

  it('when a reversal no longer mirrors its original (totals adjusted to match), then it is reported and exit 1', async () => {
    const [reversal] = await sqlRows(h.db, 'select id, reverses_id, customer_id, entry_date from ledger_entries where reverses_id is not null order by id limit 1');
    const day = [reversal?.customer_id, reversal?.entry_date];
    await sqlRows(h.db, 'update ledger_entries set amount = amount - 1 where id = ?', [reversal?.id]);
    await sqlRows(h.db, 'update customers set total_debit = total_debit - 1, total_reversed = total_reversed - 1 where id = ?', [reversal?.customer_id]);
    await sqlRows(h.db, 'update merchant_totals set total_debit = total_debit - 1, total_reversed = total_reversed - 1, to_give = to_give - 1 where owner_id = 1');
    await sqlRows(h.db, 'update customer_days set debit = debit - 1 where customer_id = ? and entry_date = ?', day);
    try {
      const { code, output } = await runVerify(h.databaseUrl);
      expect(output).toContain(`BAD REVERSAL entry ${reversal?.id} does not mirror entry ${reversal?.reverses_id}`);
      expect(output).not.toContain('MISMATCH');
      expect(code).toBe(1);
    } finally {
      await sqlRows(h.db, 'update ledger_entries set amount = amount + 1 where id = ?', [reversal?.id]);
      await sqlRows(h.db, 'update customers set total_debit = total_debit + 1, total_reversed = total_reversed + 1 where id = ?', [reversal?.customer_id]);
      await sqlRows(h.db, 'update merchant_totals set total_debit = total_debit + 1, total_reversed = total_reversed + 1, to_give = to_give + 1 where owner_id = 1');
      await sqlRows(h.db, 'update customer_days set debit = debit + 1 where customer_id = ? and entry_date = ?', day);
    }
  });

  it("when a customer's day was tampered with, then it names the day and the field, and exits 1", async () => {
    await sqlRows(h.db, 'update customer_days set gave = gave + 100 where customer_id = ?', [carol]);
    try {
      const { code, output } = await runVerify(h.databaseUrl);
      expect(output).toMatch(new RegExp(`MISMATCH day \\d{4}-\\d\\d-\\d\\d of customer ${carol}: gave stored 1\\.00, from entries 0\\.00`));
      expect(code).toBe(1);
    } finally {
      await sqlRows(h.db, 'update customer_days set gave = gave - 100 where customer_id = ?', [carol]);
    }
  });

  it("when a merchant's book was tampered with, then it names the merchant and the field, and exits 1", async () => {
    await sqlRows(h.db, 'update merchant_totals set customers_owing = customers_owing + 1 where owner_id = 2');
    try {
      const { code, output } = await runVerify(h.databaseUrl);
      expect(output).toContain('MISMATCH merchant 2: customers_owing stored 1, from customers 0');
      expect(output).not.toContain('MISMATCH customer');
      expect(code).toBe(1);
    } finally {
      await sqlRows(h.db, 'update merchant_totals set customers_owing = customers_owing - 1 where owner_id = 2');
    }
  });

  it('when an entry was added behind the service (no total bumped), then exit 1', async () => {
    await sqlRows(
      h.db,
      "insert into ledger_entries (customer_id, type, amount, note, entry_date, created_at, channel) values (?, 'credit', 1, '', '2026-01-01', '2026-01-01T00:00:00.000Z', 'api')",
      [carol],
    );
    const { code, output } = await runVerify(h.databaseUrl);
    expect(output).toContain(`MISMATCH customer ${carol} `);
    expect(code).toBe(1);
  });

  it('when the database file does not exist, then exit 2 and no file is created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-verify-'));
    const path = join(dir, 'missing.db');
    const { code, output } = await runVerify(`file:${path}`);
    expect(output).toContain('no database at');
    expect(code).toBe(2);
    expect(existsSync(path)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the undone total was tampered with, then it is named and exit 1', async () => {
    await sqlRows(h.db, 'update customers set total_reversed = total_reversed + 7 where id = ?', [carol]);
    try {
      const { code, output } = await runVerify(h.databaseUrl);
      expect(output).toContain(`MISMATCH customer ${carol} `);
      expect(output).toMatch(/reversed 5000\.07, from entries credit [\d.]+ debit [\d.]+ reversed 5000\.00/);
      expect(code).toBe(1);
    } finally {
      await sqlRows(h.db, 'update customers set total_reversed = total_reversed - 7 where id = ?', [carol]);
    }
  });
});
