import { z } from 'zod';
import { currentEm, type EntityManager } from '../../db/sql.js';

export type TotalsMismatch = {
  customerId: number;
  ownerId: number;
  stored: { credit: bigint; debit: bigint; reversed: bigint };
  fromEntries: { credit: bigint; debit: bigint; reversed: bigint };
};

/** A reversal that is not the exact opposite of the entry it points at (another customer, type or amount). */
export type BadReversal = { entryId: number; reversesId: number };

export type IntegrityReport = {
  customers: number;
  entries: number;
  mismatches: TotalsMismatch[];
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

const wholeText = z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^\d+$/)).transform((v) => BigInt(v));
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

/**
 * Recomputes every customer's totals from its entries and compares them with the running totals,
 * and checks that every reversal mirrors its original. Read-only.
 */
async function check(root: EntityManager): Promise<IntegrityReport> {
  const connection = currentEm(root).getConnection();
  const totals = z.array(totalsRow).parse(await connection.execute(TOTALS_SQL));
  const reversals = z.array(reversalRow).parse(await connection.execute(REVERSALS_SQL));
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
    badReversals: reversals.map((r) => ({ entryId: r.entry_id, reversesId: r.reverses_id })),
  };
}

export function createIntegrityRepository(root: EntityManager) {
  return { check: () => check(root) };
}

export type IntegrityRepository = ReturnType<typeof createIntegrityRepository>;
