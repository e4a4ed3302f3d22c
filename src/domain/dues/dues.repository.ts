import { isoDay, num, sqlRows, type EntityManager, type SqlParam } from '../../db/sql.js';

export type DueSide = 'get' | 'give';

/** A customer with a balance on one side of the book. */
export type DueRow = { id: number; name: string; phone: string; balance: number };

export type LastDates = { lastEntryDate: string | null; lastPaymentDate: string | null };

const BALANCE = 'total_credit - total_debit';

/** The reads of the dues report: customers by balance on the (owner, archived, balance, id) index, and their days. */
export function createDuesRepository(root: EntityManager) {
  return {
    /**
     * Up to `limit` of the owner's active customers who owe (`get`) or are owed (`give`), the largest
     * balance first, after (balance, id) of the previous page.
     */
    async page(ownerId: number, side: DueSide, after: readonly [number, number] | null, limit: number): Promise<DueRow[]> {
      const params: SqlParam[] = [ownerId, false];
      let resume = '';
      if (after) {
        const [balance, id] = after;
        // Written as the index's expression, forwards for who owes most, backwards for whom you owe most.
        resume = side === 'get' ? `and (${BALANCE} < ? or (${BALANCE} = ? and id > ?))` : `and (${BALANCE} > ? or (${BALANCE} = ? and id < ?))`;
        params.push(balance, balance, id);
      }
      const [filter, order] = side === 'get' ? [`${BALANCE} > 0`, `${BALANCE} desc, id`] : [`${BALANCE} < 0`, `${BALANCE}, id desc`];
      const rows = await sqlRows(
        root,
        `select id, name, phone, total_credit, total_debit from customers
         where owner_id = ? and archived = ? and ${filter} ${resume} order by ${order} limit ?`,
        [...params, limit],
      );
      return rows.map((r) => ({ id: num(r.id), name: String(r.name), phone: String(r.phone), balance: num(r.total_credit) - num(r.total_debit) }));
    },

    /** For each customer: its last entry's date and the last date it was paid on the given side. */
    async lastDates(customerIds: number[], side: DueSide): Promise<Map<number, LastDates>> {
      const out = new Map<number, LastDates>();
      if (customerIds.length === 0) return out;
      // Who owes you pays with debits (got); whom you owe is paid by you with credits (gave).
      const paid = side === 'get' ? 'got' : 'gave';
      const rows = await sqlRows(
        root,
        `select customer_id, max(entry_date) as last_entry, max(case when ${paid} > 0 then entry_date end) as last_paid
         from customer_days where customer_id in (${customerIds.map(() => '?').join(', ')}) group by customer_id`,
        customerIds,
      );
      for (const r of rows) {
        out.set(num(r.customer_id), {
          lastEntryDate: r.last_entry === null ? null : isoDay(r.last_entry),
          lastPaymentDate: r.last_paid === null ? null : isoDay(r.last_paid),
        });
      }
      return out;
    },

    /** The customer's days that added to what is owed on this side (trade only), newest first, `limit` at a time. */
    async owingDays(customerId: number, side: DueSide, before: string | null, limit: number): Promise<Array<{ date: string; amount: number }>> {
      const owing = side === 'get' ? 'gave' : 'got';
      const rows = await sqlRows(
        root,
        `select entry_date, ${owing} as amount from customer_days
         where customer_id = ? and ${owing} > 0 ${before === null ? '' : 'and entry_date < ?'} order by entry_date desc limit ?`,
        [customerId, ...(before === null ? [] : [before]), limit],
      );
      return rows.map((r) => ({ date: isoDay(r.entry_date), amount: num(r.amount) }));
    },
  };
}

export type DuesRepository = ReturnType<typeof createDuesRepository>;
