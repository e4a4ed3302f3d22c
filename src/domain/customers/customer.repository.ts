import { currentEm, num, sqlRows, type EntityManager, type SqlParam, type SqlRow } from '../../db/sql.js';
import { CustomerSchema } from './customer.entity.js';
import type { CustomerSums } from '../ledger/merchant-totals.js';
import { nameKey } from './name-key.js';

/** A customer as every reader sees it: running totals in minor units. */
export type CustomerView = {
  id: number;
  name: string;
  phone: string;
  address: string;
  totalCredit: number;
  totalDebit: number;
};

export type CustomerFields = { name: string; phone: string; address: string };

/** A customer with the totals a chat reply needs, and the amount of its entries that were undone. */
export type CustomerTotalsView = CustomerView & { totalReversed: number };

// The one column list and row mapper for customers, alike on SQLite and PostgreSQL.
const COLUMNS = 'id, name, phone, address, total_credit, total_debit';

function fromRow(r: SqlRow): CustomerView {
  return {
    id: num(r.id),
    name: String(r.name),
    phone: String(r.phone),
    address: String(r.address),
    totalCredit: num(r.total_credit),
    totalDebit: num(r.total_debit),
  };
}

/**
 * "Name contains", matched on the name key (case, accents and Unicode forms alike on both databases),
 * with % and _ taken literally. SQLite's LIKE has no default escape character, so the ESCAPE clause is
 * spelled out (it means the same on PostgreSQL).
 */
const NAME_CONTAINS = "name_key like ? escape '\\'";
const containsPattern = (search: string) => `%${nameKey(search).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
/** Customers a search request looks through at most (see `search`). */
export const SEARCH_WINDOW = 10_000;

/** Customers of one name returned by a lookup: enough to know there are several and offer some. */
export const SAME_NAME_KEPT = 20;

/** Matches are counted up to this many; past it a list says "10,000+". */
export const COUNT_CAP = 10_000;

// Every key that starts with a prefix sorts between the prefix and the prefix followed by the last code point.
const PREFIX_END = '\u{10ffff}';

/** Every query of the customers feature. Plain SQL on the hot reads: hydrating rows costs more than the query. */
export function createCustomerRepository(root: EntityManager) {
  const active = 'owner_id = ? and archived = ?';

  return {
    /** Counts one more customer for the owner, unless it has `max` already: false then. */
    async countOneMore(ownerId: number, max: number): Promise<boolean> {
      const rows = await sqlRows(root, 'update users set customer_count = customer_count + 1 where id = ? and customer_count < ? returning id', [ownerId, max]);
      return rows.length > 0;
    },

    async insert(ownerId: number, fields: CustomerFields, now: Date): Promise<CustomerView> {
      // Plain SQL (not the ORM's insert), so a customer made inside a plain-statement transaction (a bot
      // entry for a new name) runs on that transaction's connection.
      const [row] = await sqlRows(
        root,
        `insert into customers (owner_id, name, phone, address, name_key, total_credit, total_debit, total_reversed, archived, created_at, updated_at)
         values (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?) returning id`,
        [ownerId, fields.name, fields.phone, fields.address, nameKey(fields.name), false, now, now],
      );
      return { id: num(row?.id), ...fields, totalCredit: 0, totalDebit: 0 };
    },

    async findActive(ownerId: number, id: number): Promise<CustomerView | null> {
      const [row] = await sqlRows(root, `select ${COLUMNS} from customers where id = ? and ${active}`, [id, ownerId, false]);
      return row ? fromRow(row) : null;
    },

    /** Changes the given fields of an active customer; false when there is none with that id. */
    async update(ownerId: number, id: number, changes: Partial<CustomerFields>, now: Date): Promise<boolean> {
      const updated = await currentEm(root).nativeUpdate(
        CustomerSchema,
        { id, owner: ownerId, archived: false },
        { ...changes, ...(changes.name === undefined ? {} : { nameKey: nameKey(changes.name) }), updatedAt: now },
      );
      return updated > 0;
    },

    /** Archives an owner's active customer; its totals as they were, or null when there was none. */
    async archive(ownerId: number, id: number, now: Date): Promise<CustomerSums | null> {
      const [row] = await sqlRows(
        root,
        `update customers set archived = ?, updated_at = ? where id = ? and ${active} returning total_credit, total_debit, total_reversed`,
        [true, now, id, ownerId, false],
      );
      return row ? { totalCredit: num(row.total_credit), totalDebit: num(row.total_debit), totalReversed: num(row.total_reversed) } : null;
    },

    /** Up to `limit` active customers after `afterId`, in id order. */
    async page(ownerId: number, options: { afterId: number; limit: number }): Promise<CustomerView[]> {
      const rows = await sqlRows(root, `select ${COLUMNS} from customers where ${active} and id > ? order by id limit ?`, [
        ownerId,
        false,
        options.afterId,
        options.limit,
      ]);
      return rows.map(fromRow);
    },

    /**
     * Up to `limit` active customers after `afterId` whose name contains `search`, in id order, looked
     * for among the next SEARCH_WINDOW customers only (their id and name key, read from one index), so
     * a search costs the same however big the book is. `scannedTo`: the last id of a full window, where
     * the next call goes on; null when the window reached the end of the book.
     */
    async search(ownerId: number, options: { afterId: number; limit: number; search: string }): Promise<{ rows: CustomerView[]; scannedTo: number | null }> {
      const em = currentEm(root);
      const windowed = `select id, name_key from customers where ${active} and id > ? order by id limit ?`;
      const rows = await sqlRows(
        em,
        `select ${COLUMNS} from customers where id in (select id from (${windowed}) w where ${NAME_CONTAINS}) order by id limit ?`,
        [ownerId, false, options.afterId, SEARCH_WINDOW, containsPattern(options.search), options.limit],
      );
      const [end] = await sqlRows(em, `select id from customers where ${active} and id > ? order by id limit 1 offset ?`, [
        ownerId,
        false,
        options.afterId,
        SEARCH_WINDOW - 1,
      ]);
      return { rows: rows.map(fromRow), scannedTo: end ? num(end.id) : null };
    },

    /** Active customers whose name key is one of `keys` (a typed name read at several lengths), the first SAME_NAME_KEPT of each. */
    async withKeys(ownerId: number, keys: string[]): Promise<Array<CustomerView & { nameKey: string }>> {
      if (keys.length === 0) return [];
      const rows = await sqlRows(
        root,
        // The first few of each name only (a big book may have hundreds of one name). Sorted here, not by
        // the query: "order by id" made SQLite walk the id index over the whole book instead of looking
        // the keys up on the name-key index.
        `select * from (
           select ${COLUMNS}, name_key, row_number() over (partition by name_key order by id) as nth
           from customers where ${active} and name_key in (${keys.map(() => '?').join(', ')})
         ) named where nth <= ?`,
        [ownerId, false, ...keys, SAME_NAME_KEPT],
      );
      return rows.map((r) => ({ ...fromRow(r), nameKey: String(r.name_key) })).sort((x, y) => x.id - y.id);
    },

    /** Up to `limit` active customers whose name key starts with `prefix`, on the (owner, archived, name_key) index. */
    async withKeyPrefix(ownerId: number, prefix: string, limit: number): Promise<CustomerView[]> {
      const rows = await sqlRows(
        root,
        `select ${COLUMNS} from customers where ${active} and name_key >= ? and name_key < ? order by name_key, id limit ?`,
        [ownerId, false, prefix, `${prefix}${PREFIX_END}`, limit],
      );
      return rows.map(fromRow);
    },

    /**
     * Active customers (name containing `search`, if given), largest balance first, a page at a time,
     * read along the (owner, archived, balance desc, id) index; and how many match, counted up to
     * COUNT_CAP (`capped` when there are more), so a big book is never counted whole.
     */
    async byBalance(
      ownerId: number,
      options: { search?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: CustomerView[]; total: number; capped: boolean }> {
      const where = [active];
      const params: SqlParam[] = [ownerId, false];
      if (options.search) where.push(NAME_CONTAINS), params.push(containsPattern(options.search));
      const em = currentEm(root);
      const rows = await sqlRows(
        em,
        `select ${COLUMNS} from customers where ${where.join(' and ')}
         order by total_credit - total_debit desc, id limit ? offset ?`,
        [...params, options.limit, options.offset],
      );
      const [count] = await sqlRows(em, `select count(*) as n from (select 1 from customers where ${where.join(' and ')} limit ?) matching`, [
        ...params,
        COUNT_CAP + 1,
      ]);
      const total = num(count?.n ?? 0);
      return { items: rows.map(fromRow), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
    },

    /** One active customer with the amount of its undone entries. */
    async findWithReversed(ownerId: number, id: number): Promise<CustomerTotalsView | null> {
      const [row] = await sqlRows(root, `select ${COLUMNS}, total_reversed from customers where id = ? and ${active}`, [id, ownerId, false]);
      return row ? { ...fromRow(row), totalReversed: num(row.total_reversed) } : null;
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
