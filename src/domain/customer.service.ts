import { z } from 'zod';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { currentEm, num, sqlRows, type EntityManager, type SqlRow } from './db.js';
import { CustomerSchema, type Customer } from './entities/index.js';
import { CustomerNotFound } from './errors.js';
import { customerCreateSchema, customerListSchema, customerPatchSchema } from './inputs.js';
import { parseInput } from './validate.js';

export type CustomerView = {
  id: number;
  name: string;
  phone: string;
  address: string;
  totalCredit: number;
  totalDebit: number;
};

export function toCustomerView(c: Customer): CustomerView {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    address: c.address,
    totalCredit: c.totalCredit,
    totalDebit: c.totalDebit,
  };
}

/** Any id that is not a positive safe integer cannot name a row: treat it as not found. */
export function isRowId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

const customerCursor = z.tuple([z.number().int().positive()]);

/**
 * Case-insensitive "name contains", with % and _ taken literally. SQLite's LIKE has no default escape
 * character, so the ESCAPE clause is spelled out (it means the same on PostgreSQL).
 */
const NAME_CONTAINS = "lower(name) like ? escape '\\'";
const containsPattern = (search: string) => `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** A customer from a plain-SQL row (the columns of `list`), alike on SQLite and PostgreSQL. */
function customerFromRow(r: SqlRow): CustomerView {
  return {
    id: num(r.id),
    name: String(r.name),
    phone: String(r.phone),
    address: String(r.address),
    totalCredit: num(r.total_credit),
    totalDebit: num(r.total_debit),
  };
}

export type CustomerServiceDeps = { em: EntityManager; clock: Clock };

/** How a typed name resolves: one customer, several candidates, or none. */
export type NameMatch =
  | { kind: 'one'; customer: { id: number; name: string } }
  | { kind: 'many'; customers: CustomerView[] }
  | { kind: 'none' };

// Unicode's default case folding (toLowerCase is locale-independent, and much faster than toLocaleLowerCase).
const foldName = (name: string) => name.trim().toLowerCase();

const balanceOf = (c: CustomerView) => c.totalCredit - c.totalDebit;

export function createCustomerService({ em: root, clock }: CustomerServiceDeps) {
  async function load(em: EntityManager, actor: Actor, id: number): Promise<Customer> {
    if (!isRowId(id)) throw new CustomerNotFound();
    const customer = await em.findOne(
      CustomerSchema,
      { id, owner: actor.ownerId, archived: false },
      { disableIdentityMap: true },
    );
    if (!customer) throw new CustomerNotFound();
    return customer;
  }

  // Every update of the bot reads the whole list (name matching): plain rows, no hydration.
  async function active(actor: Actor): Promise<CustomerView[]> {
    const rows = await sqlRows(
      currentEm(root),
      `select id, name, phone, address, total_credit, total_debit from customers
       where owner_id = ? and archived = ? order by id`,
      [actor.ownerId, false],
    );
    return rows.map(customerFromRow);
  }

  async function update(actor: Actor, id: number, changes: Partial<Pick<Customer, 'name' | 'phone' | 'address'>>) {
    if (!isRowId(id)) throw new CustomerNotFound();
    const em = currentEm(root);
    const updated = await em.nativeUpdate(
      CustomerSchema,
      { id, owner: actor.ownerId, archived: false },
      { ...changes, updatedAt: clock.now() },
    );
    if (updated === 0) throw new CustomerNotFound();
    return toCustomerView(await load(em, actor, id));
  }

  return {
    async list(actor: Actor, query: unknown = {}): Promise<Page<CustomerView>> {
      const { limit, cursor, search } = parseInput(customerListSchema, query);
      const after = cursor ? decodeCursor(cursor, customerCursor)[0] : 0;
      // Plain SQL on the (owner_id, archived, id) index: the ORM's hydration of a full page costs more than the query.
      const where = ['owner_id = ?', 'archived = ?', 'id > ?'];
      const params: Array<string | number | boolean> = [actor.ownerId, false, after];
      if (search) where.push(NAME_CONTAINS), params.push(containsPattern(search));
      const rows = await sqlRows(
        currentEm(root),
        `select id, name, phone, address, total_credit, total_debit from customers
         where ${where.join(' and ')} order by id limit ?`,
        [...params, limit + 1],
      );
      const items = rows.slice(0, limit).map(customerFromRow);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
    },

    async get(actor: Actor, id: number): Promise<CustomerView> {
      return toCustomerView(await load(currentEm(root), actor, id));
    },

    async create(actor: Actor, input: unknown): Promise<CustomerView> {
      const data = parseInput(customerCreateSchema, input);
      const now = clock.now();
      const row = {
        owner: actor.ownerId,
        name: data.name,
        phone: data.phone ?? '',
        address: data.address ?? '',
        archived: false,
        totalCredit: 0,
        totalDebit: 0,
        createdAt: now,
        updatedAt: now,
      };
      const id = await currentEm(root).insert<Customer>(CustomerSchema, row);
      return toCustomerView({ ...row, id });
    },

    /** PUT: name is required; phone and address change only when given. */
    async replace(actor: Actor, id: number, input: unknown): Promise<CustomerView> {
      const data = parseInput(customerCreateSchema, input);
      return update(actor, id, dropUndefined(data));
    },

    async patch(actor: Actor, id: number, input: unknown): Promise<CustomerView> {
      const data = parseInput(customerPatchSchema, input);
      return update(actor, id, dropUndefined(data));
    },

    /**
     * Case-insensitive exact name first, then a unique prefix. Matched in JS over the owner's active
     * customers because SQLite's LIKE folds ASCII only; a small merchant's customer list is short.
     */
    async matchName(actor: Actor, name: string): Promise<NameMatch> {
      const wanted = foldName(name);
      if (!wanted) return { kind: 'none' };
      // Every chat entry passes here: names only (reading whole rows for a hundred customers cost more
      // than the rest of the entry's SQL together); totals are read only to offer a choice.
      const rows = await sqlRows(currentEm(root), 'select id, name from customers where owner_id = ? and archived = ?', [
        actor.ownerId,
        false,
      ]);
      const all = rows.map((r) => ({ id: num(r.id), name: String(r.name), folded: foldName(String(r.name)) }));
      const exact = all.filter((x) => x.folded === wanted);
      const found = exact.length > 0 ? exact : all.filter((x) => x.folded.startsWith(wanted));
      const [first] = found;
      if (!first) return { kind: 'none' };
      if (found.length === 1) return { kind: 'one', customer: { id: first.id, name: first.name } };
      // A second read: a customer archived in between is left out, and the answer follows what is left.
      const ids = new Set(found.map((x) => x.id));
      const customers = (await active(actor)).filter((c) => ids.has(c.id));
      const [only] = customers;
      if (!only) return { kind: 'none' };
      if (customers.length === 1) return { kind: 'one', customer: { id: only.id, name: only.name } };
      return { kind: 'many', customers };
    },

    /** Customers whose name contains `search` (any case), largest balance first; `total` counts all matches. */
    async byBalance(actor: Actor, options: { search?: string; limit: number }): Promise<{ items: CustomerView[]; total: number }> {
      const wanted = foldName(options.search ?? '');
      const matching = (await active(actor))
        .filter((c) => !wanted || foldName(c.name).includes(wanted))
        .sort((a, b) => balanceOf(b) - balanceOf(a) || a.name.localeCompare(b.name) || a.id - b.id);
      return { items: matching.slice(0, options.limit), total: matching.length };
    },

    /** Archived customers disappear from every read; their entries are kept. */
    async archive(actor: Actor, id: number): Promise<void> {
      if (!isRowId(id)) throw new CustomerNotFound();
      const updated = await currentEm(root).nativeUpdate(
        CustomerSchema,
        { id, owner: actor.ownerId, archived: false },
        { archived: true, updatedAt: clock.now() },
      );
      if (updated === 0) throw new CustomerNotFound();
    },
  };
}

function dropUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
