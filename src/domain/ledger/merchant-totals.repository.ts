import { num, sqlRows, type EntityManager } from '../../db/sql.js';
import type { Contribution } from './merchant-totals.js';

export type MerchantTotalsView = {
  customers: number;
  totalCredit: number;
  totalDebit: number;
  totalReversed: number;
  customersOwing: number;
  customersOwed: number;
  toGet: number;
  toGive: number;
};

const EMPTY: MerchantTotalsView = { customers: 0, totalCredit: 0, totalDebit: 0, totalReversed: 0, customersOwing: 0, customersOwed: 0, toGet: 0, toGive: 0 };

/** The merchant's one-row book: read in one statement, moved by one statement per change. */
export function createMerchantTotalsRepository(root: EntityManager) {
  return {
    /**
     * Applies a change to the owner's totals; false (nothing changed) when either overall total would
     * pass `maxTotal`. The row is made by the first change (a new customer), so it always exists by the
     * time an entry is posted.
     */
    async apply(ownerId: number, d: Contribution, maxTotal: number): Promise<boolean> {
      const rows = await sqlRows(
        root,
        `insert into merchant_totals (owner_id, customers, total_credit, total_debit, total_reversed, customers_owing, customers_owed, to_get, to_give)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (owner_id) do update set
           customers = merchant_totals.customers + excluded.customers,
           total_credit = merchant_totals.total_credit + excluded.total_credit,
           total_debit = merchant_totals.total_debit + excluded.total_debit,
           total_reversed = merchant_totals.total_reversed + excluded.total_reversed,
           customers_owing = merchant_totals.customers_owing + excluded.customers_owing,
           customers_owed = merchant_totals.customers_owed + excluded.customers_owed,
           to_get = merchant_totals.to_get + excluded.to_get,
           to_give = merchant_totals.to_give + excluded.to_give
         where merchant_totals.total_credit + excluded.total_credit <= ? and merchant_totals.total_debit + excluded.total_debit <= ?
         returning owner_id`,
        [ownerId, d.customers, d.credit, d.debit, d.reversed, d.owing, d.owed, d.toGet, d.toGive, maxTotal, maxTotal],
      );
      return rows.length > 0;
    },

    async read(ownerId: number): Promise<MerchantTotalsView> {
      const [r] = await sqlRows(
        root,
        'select customers, total_credit, total_debit, total_reversed, customers_owing, customers_owed, to_get, to_give from merchant_totals where owner_id = ?',
        [ownerId],
      );
      if (!r) return EMPTY;
      return {
        customers: num(r.customers),
        totalCredit: num(r.total_credit),
        totalDebit: num(r.total_debit),
        totalReversed: num(r.total_reversed),
        customersOwing: num(r.customers_owing),
        customersOwed: num(r.customers_owed),
        toGet: num(r.to_get),
        toGive: num(r.to_give),
      };
    },
  };
}

export type MerchantTotalsRepository = ReturnType<typeof createMerchantTotalsRepository>;
