import { isoDay, num, oneOf, sqlRows, type EntityManager } from '../../db/sql.js';
import { ENTRY_TYPES, type EntryType } from '../ledger/ledger-entry.entity.js';

export type BookCustomer = { id: number; name: string; phone: string };
export type BookEntry = { customerId: number; id: number; entryDate: string; type: EntryType; amount: number; note: string };

/** The reads of a whole-book export: customers in id order, and their entries, each a batch at a time. */
export function createBookRepository(root: EntityManager) {
  return {
    async customers(ownerId: number, afterId: number, limit: number): Promise<BookCustomer[]> {
      const rows = await sqlRows(root, 'select id, name, phone from customers where owner_id = ? and archived = ? and id > ? order by id limit ?', [
        ownerId,
        false,
        afterId,
        limit,
      ]);
      return rows.map((r) => ({ id: num(r.id), name: String(r.name), phone: String(r.phone) }));
    },

    /** Entries of these customers after (customer, date, id), in that order. */
    async entries(customerIds: number[], after: readonly [number, string, number] | null, limit: number): Promise<BookEntry[]> {
      if (customerIds.length === 0) return [];
      const resume = after ? 'and (customer_id > ? or (customer_id = ? and (entry_date > ? or (entry_date = ? and id > ?))))' : '';
      const rows = await sqlRows(
        root,
        `select customer_id, id, entry_date, type, amount, note from ledger_entries
         where customer_id in (${customerIds.map(() => '?').join(', ')}) ${resume}
         order by customer_id, entry_date, id limit ?`,
        [...customerIds, ...(after ? [after[0], after[0], after[1], after[1], after[2]] : []), limit],
      );
      return rows.map((r) => ({
        customerId: num(r.customer_id),
        id: num(r.id),
        entryDate: isoDay(r.entry_date),
        type: oneOf(ENTRY_TYPES, r.type),
        amount: num(r.amount),
        note: String(r.note),
      }));
    },
  };
}

export type BookRepository = ReturnType<typeof createBookRepository>;
