import { z } from 'zod';
import { currentEm, isoDay, type EntityManager } from '../../db/sql.js';

export type TotalsMismatch = {
  customerId: number;
  ownerId: number;
  stored: { credit: bigint; debit: bigint; reversed: bigint };
  fromEntries: { credit: bigint; debit: bigint; reversed: bigint };
};

/** A merchant's one-row book that disagrees with the sums over its active customers (field -> [stored, from customers]). */
export type MerchantMismatch = { ownerId: number; fields: Record<string, [bigint, bigint]> };

/** A customer's day (customer_days) that disagrees with its entries of that date (field -> [stored, from entries]). */
export type DayMismatch = { customerId: number; entryDate: string; fields: Record<string, [bigint, bigint]> };

/** A reversal that is not the exact opposite of the entry it points at (another customer, type or amount). */
export type BadReversal = { entryId: number; reversesId: number };

export type IntegrityReport = {
  customers: number;
  entries: number;
  mismatches: TotalsMismatch[];
  merchantMismatches: MerchantMismatch[];
  dayMismatches: DayMismatch[];
  badReversals: BadReversal[];
};

// Sums come back as text on both dialects, so totals past 2^53 minor units still compare exactly.
const TOTALS_SQL = `
  select c.id as customer_id, c.owner_id as owner_id,
         cast(c.total_credit as text) as stored_credit, cast(c.total_debit as text) as stored_debit,
         cast(coalesce(sum(case when e.type = 'credit' then e.amount else 0 end), 0) as text) as entry_credit,
         cast(coalesce(sum(case when e.type = 'debit' then e.amount else 0 end), 0) as text) as entry_debit,
         cast(c.total_reversed as text) as stored_reversed,
         cast(coalesce(sum(case when e.reverses_id is not null then e.amount else 0 end), 0) as text) as entry_reversed,
         count(e.id) as entry_count
  from customers c left join ledger_entries e on e.customer_id = c.id
  group by c.id, c.owner_id, c.total_credit, c.total_debit, c.total_reversed
  order by c.id`;

const REVERSALS_SQL = `
  select r.id as entry_id, r.reverses_id as reverses_id
  from ledger_entries r left join ledger_entries o on o.id = r.reverses_id
  where r.reverses_id is not null
    and (o.id is null or o.customer_id <> r.customer_id or o.amount <> r.amount or o.type = r.type)
  order by r.id`;

// Each merchant's stored book beside the same sums over its active customers (a merchant with a row but no
// active customer compares with zeros; one with active customers but no row, with a row of zeros).
const MERCHANT_FIELDS = ['customers', 'total_credit', 'total_debit', 'total_reversed', 'customers_owing', 'customers_owed', 'to_get', 'to_give'] as const;
const FROM_CUSTOMERS: Record<(typeof MERCHANT_FIELDS)[number], string> = {
  customers: 'count(*)',
  total_credit: 'sum(total_credit)',
  total_debit: 'sum(total_debit)',
  total_reversed: 'sum(total_reversed)',
  customers_owing: 'sum(case when total_credit > total_debit then 1 else 0 end)',
  customers_owed: 'sum(case when total_debit > total_credit then 1 else 0 end)',
  to_get: 'sum(case when total_credit > total_debit then total_credit - total_debit else 0 end)',
  to_give: 'sum(case when total_debit > total_credit then total_debit - total_credit else 0 end)',
};
const MERCHANTS_SQL = `
  select coalesce(m.owner_id, c.owner_id) as owner_id,
         ${MERCHANT_FIELDS.map((f) => `cast(coalesce(m.${f}, 0) as text) as stored_${f}, cast(coalesce(c.${f}, 0) as text) as actual_${f}`).join(',\n         ')}
  from merchant_totals m
  full outer join (select owner_id, ${MERCHANT_FIELDS.map((f) => `${FROM_CUSTOMERS[f]} as ${f}`).join(', ')}
                   from customers where not archived group by owner_id) c on c.owner_id = m.owner_id
  order by 1`;

// Each stored day beside the same sums over the entries of that date (either side may be missing).
const DAY_FIELDS = ['entries', 'credit', 'debit', 'gave', 'got'] as const;
const DAYS_SQL = `
  select coalesce(d.customer_id, x.customer_id) as customer_id, coalesce(d.entry_date, x.entry_date) as entry_date,
         ${DAY_FIELDS.map((f) => `cast(coalesce(d.${f}, 0) as text) as stored_${f}, cast(coalesce(x.${f}, 0) as text) as actual_${f}`).join(', ')}
  from customer_days d
  full outer join (
    select e.customer_id, e.entry_date, count(*) as entries,
           sum(case when e.type = 'credit' then e.amount else 0 end) as credit,
           sum(case when e.type = 'debit' then e.amount else 0 end) as debit,
           sum(case when e.type = 'credit' and e.reverses_id is null and r.id is null then e.amount else 0 end) as gave,
           sum(case when e.type = 'debit' and e.reverses_id is null and r.id is null then e.amount else 0 end) as got
    from ledger_entries e left join ledger_entries r on r.reverses_id = e.id
    group by e.customer_id, e.entry_date
  ) x on x.customer_id = d.customer_id and x.entry_date = d.entry_date
  order by 1, 2`;

const wholeText = z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^\d+$/)).transform((v) => BigInt(v));
const signedText = z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^-?\d+$/)).transform((v) => BigInt(v));
const totalsRow = z.object({
  customer_id: z.coerce.number().int(),
  owner_id: z.coerce.number().int(),
  stored_credit: wholeText,
  stored_debit: wholeText,
  entry_credit: wholeText,
  entry_debit: wholeText,
  stored_reversed: wholeText,
  entry_reversed: wholeText,
  entry_count: z.coerce.number().int(),
});
const reversalRow = z.object({ entry_id: z.coerce.number().int(), reverses_id: z.coerce.number().int() });

/** The fields whose stored_ and actual_ columns differ, with both values. */
function differing(row: Record<string, unknown>, names: readonly string[]): Record<string, [bigint, bigint]> {
  const fields: Record<string, [bigint, bigint]> = {};
  for (const f of names) {
    const stored = signedText.parse(row[`stored_${f}`]);
    const actual = signedText.parse(row[`actual_${f}`]);
    if (stored !== actual) fields[f] = [stored, actual];
  }
  return fields;
}


/**
 * Recomputes every customer's totals from its entries and compares them with the running totals,
 * every merchant's book from its active customers, every customer's days from its entries, and checks that every reversal mirrors its
 * original. Read-only.
 */
async function check(root: EntityManager): Promise<IntegrityReport> {
  const connection = currentEm(root).getConnection();
  const totals = z.array(totalsRow).parse(await connection.execute(TOTALS_SQL));
  const reversals = z.array(reversalRow).parse(await connection.execute(REVERSALS_SQL));
  const merchantRows = z.array(z.record(z.string(), z.unknown())).parse(await connection.execute(MERCHANTS_SQL));
  const merchantMismatches: MerchantMismatch[] = [];
  for (const row of merchantRows) {
    const fields = differing(row, MERCHANT_FIELDS);
    if (Object.keys(fields).length > 0) merchantMismatches.push({ ownerId: z.coerce.number().int().parse(row.owner_id), fields });
  }
  const dayMismatches: DayMismatch[] = [];
  for (const row of z.array(z.record(z.string(), z.unknown())).parse(await connection.execute(DAYS_SQL))) {
    const fields = differing(row, DAY_FIELDS);
    if (Object.keys(fields).length > 0) {
      dayMismatches.push({ customerId: z.coerce.number().int().parse(row.customer_id), entryDate: isoDay(row.entry_date), fields });
    }
  }
  const mismatches: TotalsMismatch[] = totals
    .filter((r) => r.stored_credit !== r.entry_credit || r.stored_debit !== r.entry_debit || r.stored_reversed !== r.entry_reversed)
    .map((r) => ({
      customerId: r.customer_id,
      ownerId: r.owner_id,
      stored: { credit: r.stored_credit, debit: r.stored_debit, reversed: r.stored_reversed },
      fromEntries: { credit: r.entry_credit, debit: r.entry_debit, reversed: r.entry_reversed },
    }));
  return {
    customers: totals.length,
    entries: totals.reduce((n, r) => n + r.entry_count, 0),
    mismatches,
    merchantMismatches,
    dayMismatches,
    badReversals: reversals.map((r) => ({ entryId: r.entry_id, reversesId: r.reverses_id })),
  };
}

export function createIntegrityRepository(root: EntityManager) {
  return { check: () => check(root) };
}

export type IntegrityRepository = ReturnType<typeof createIntegrityRepository>;
