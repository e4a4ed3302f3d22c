import { currentEm, num, sqlRows, type EntityManager, type SqlParam, type SqlRow } from '../../db/sql.js';
import { CustomerSchema } from './customer.entity.js';

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
 * Case-insensitive "name contains", with % and _ taken literally. SQLite's LIKE has no default escape
 * character, so the ESCAPE clause is spelled out (it means the same on PostgreSQL).
 */
const NAME_CONTAINS = "lower(name) like ? escape '\\'";
const containsPattern = (search: string) => `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Every query of the customers feature. Plain SQL on the hot reads: hydrating rows costs more than the query. */
export function createCustomerRepository(root: EntityManager) {
  const active = 'owner_id = ? and archived = ?';

  return {
    async insert(ownerId: number, fields: CustomerFields, now: Date): Promise<CustomerView> {
      const id = await currentEm(root).insert(CustomerSchema, {
        owner: ownerId,
        ...fields,
        archived: false,
        totalCredit: 0,
        totalDebit: 0,
        createdAt: now,
        updatedAt: now,
      });
      return { id, ...fields, totalCredit: 0, totalDebit: 0 };
    },

    async findActive(ownerId: number, id: number): Promise<CustomerView | null> {
      const [row] = await sqlRows(currentEm(root), `select ${COLUMNS} from customers where id = ? and ${active}`, [id, ownerId, false]);
      return row ? fromRow(row) : null;
    },

    /** Changes the given fields of an active customer; false when there is none with that id. */
    async update(ownerId: number, id: number, changes: Partial<CustomerFields>, now: Date): Promise<boolean> {
      const updated = await currentEm(root).nativeUpdate(
        CustomerSchema,
        { id, owner: ownerId, archived: false },
        { ...changes, updatedAt: now },
      );
      return updated > 0;
    },

    async archive(ownerId: number, id: number, now: Date): Promise<boolean> {
      const updated = await currentEm(root).nativeUpdate(
        CustomerSchema,
        { id, owner: ownerId, archived: false },
        { archived: true, updatedAt: now },
      );
      return updated > 0;
    },

    /** Up to `limit` active customers after `afterId`, in id order, optionally whose name contains `search`. */
    async page(ownerId: number, options: { afterId: number; limit: number; search?: string | undefined }): Promise<CustomerView[]> {
      const where = [active, 'id > ?'];
      const params: SqlParam[] = [ownerId, false, options.afterId];
      if (options.search) where.push(NAME_CONTAINS), params.push(containsPattern(options.search));
      const rows = await sqlRows(
        currentEm(root),
        `select ${COLUMNS} from customers where ${where.join(' and ')} order by id limit ?`,
        [...params, options.limit],
      );
      return rows.map(fromRow);
    },

    /** Id and name of every active customer (name matching reads nothing else). */
    async names(ownerId: number): Promise<{ id: number; name: string }[]> {
      const rows = await sqlRows(currentEm(root), `select id, name from customers where ${active}`, [ownerId, false]);
      return rows.map((r) => ({ id: num(r.id), name: String(r.name) }));
    },

    /** Every active customer, in id order. */
    async allActive(ownerId: number): Promise<CustomerView[]> {
      const rows = await sqlRows(currentEm(root), `select ${COLUMNS} from customers where ${active} order by id`, [ownerId, false]);
      return rows.map(fromRow);
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
