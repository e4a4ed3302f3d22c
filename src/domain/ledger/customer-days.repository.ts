import { sqlRun, type EntityManager } from '../../db/sql.js';
import type { EntryType } from './ledger-entry.entity.js';

/** Writes to a customer's book by day (customer_days): one upsert per posting, one more for a reversal. */
export function createCustomerDaysRepository(root: EntityManager) {
  return {
    /** An entry of `amount` on `entryDate`; `trade` when it is not a reversal (it counts as given or got). */
    async record(customerId: number, entryDate: string, type: EntryType, amount: number, trade: boolean): Promise<void> {
      const [credit, debit] = type === 'credit' ? [amount, 0] : [0, amount];
      const [gave, got] = trade ? [credit, debit] : [0, 0];
      await sqlRun(
        root,
        `insert into customer_days (customer_id, entry_date, entries, credit, debit, gave, got) values (?, ?, 1, ?, ?, ?, ?)
         on conflict (customer_id, entry_date) do update set entries = customer_days.entries + 1,
           credit = customer_days.credit + excluded.credit, debit = customer_days.debit + excluded.debit,
           gave = customer_days.gave + excluded.gave, got = customer_days.got + excluded.got`,
        [customerId, entryDate, credit, debit, gave, got],
      );
    },

    /** Many days' trade at once (an import): each date's count, credit and debit added in one statement per 200 dates. */
    async recordMany(customerId: number, days: Array<{ date: string; entries: number; credit: number; debit: number }>): Promise<void> {
      for (let i = 0; i < days.length; i += 200) {
        const batch = days.slice(i, i + 200);
        await sqlRun(
          root,
          `insert into customer_days (customer_id, entry_date, entries, credit, debit, gave, got)
           values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
           on conflict (customer_id, entry_date) do update set entries = customer_days.entries + excluded.entries,
             credit = customer_days.credit + excluded.credit, debit = customer_days.debit + excluded.debit,
             gave = customer_days.gave + excluded.gave, got = customer_days.got + excluded.got`,
          batch.flatMap((d) => [customerId, d.date, d.entries, d.credit, d.debit, d.credit, d.debit]),
        );
      }
    },

    /** An entry of `entryDate` was undone: its amount is no longer trade on that date. */
    async untrade(customerId: number, entryDate: string, type: EntryType, amount: number): Promise<void> {
      const column = type === 'credit' ? 'gave' : 'got';
      await sqlRun(root, `update customer_days set ${column} = ${column} - ? where customer_id = ? and entry_date = ?`, [amount, customerId, entryDate]);
    },
  };
}

export type CustomerDaysRepository = ReturnType<typeof createCustomerDaysRepository>;
