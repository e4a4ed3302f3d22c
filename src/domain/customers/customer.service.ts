import { z } from 'zod';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { decodeCursor, encodeCursor, type Page } from '../cursor.js';
import { CustomerNotFound } from '../errors.js';
import { addressRule, customerNameRule, DEFAULT_PAGE_SIZE, pageSizeRule, phoneRule, searchRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { CustomerFields, CustomerRepository, CustomerView } from './customer.repository.js';

export type { CustomerView } from './customer.repository.js';

/** A new customer: phone and address are empty when left out. */
export type NewCustomer = { name: string; phone?: string | undefined; address?: string | undefined };
/** The fields to change; the others stay as they are. */
export type CustomerChanges = Partial<NewCustomer>;
export type CustomerListQuery = { limit?: number | undefined; cursor?: string | undefined; search?: string | undefined };

const newCustomerRule = z.object({ name: customerNameRule, phone: phoneRule.optional(), address: addressRule.optional() });
const changesRule = z.object({ name: customerNameRule.optional(), phone: phoneRule.optional(), address: addressRule.optional() });
const listRule = z.object({ limit: pageSizeRule.default(DEFAULT_PAGE_SIZE), cursor: z.string().optional(), search: searchRule.optional() });
const customerCursor = z.tuple([z.number().int().positive()]);

/** How a typed name resolves: one customer, several candidates, or none. */
export type NameMatch =
  | { kind: 'one'; customer: { id: number; name: string } }
  | { kind: 'many'; customers: CustomerView[] }
  | { kind: 'none' };

// Unicode's default case folding (toLowerCase is locale-independent, and much faster than toLocaleLowerCase).
const foldName = (name: string) => name.trim().toLowerCase();

const balanceOf = (c: CustomerView) => c.totalCredit - c.totalDebit;

function definedOnly(changes: CustomerChanges): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  if (changes.name !== undefined) out.name = changes.name;
  if (changes.phone !== undefined) out.phone = changes.phone;
  if (changes.address !== undefined) out.address = changes.address;
  return out;
}

export type CustomerServiceDeps = { customers: CustomerRepository; clock: Clock };

/** A merchant's customers: every call is scoped to the actor's own, archived ones are gone. */
export function createCustomerService({ customers, clock }: CustomerServiceDeps) {
  async function found(actor: Actor, id: number): Promise<CustomerView> {
    const customer = await customers.findActive(actor.ownerId, id);
    if (!customer) throw new CustomerNotFound();
    return customer;
  }

  async function change(actor: Actor, id: number, changes: CustomerChanges): Promise<CustomerView> {
    if (!(await customers.update(actor.ownerId, id, definedOnly(changes), clock.now()))) throw new CustomerNotFound();
    return found(actor, id);
  }

  return {
    async list(actor: Actor, query: CustomerListQuery = {}): Promise<Page<CustomerView>> {
      const { limit, cursor, search } = parseInput(listRule, query);
      const afterId = cursor ? decodeCursor(cursor, customerCursor)[0] : 0;
      const rows = await customers.page(actor.ownerId, { afterId, limit: limit + 1, search });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
    },

    get: found,

    async create(actor: Actor, command: NewCustomer): Promise<CustomerView> {
      const data = parseInput(newCustomerRule, command);
      return customers.insert(actor.ownerId, { name: data.name, phone: data.phone ?? '', address: data.address ?? '' }, clock.now());
    },

    /** PUT: name is required; phone and address change only when given. */
    async replace(actor: Actor, id: number, command: NewCustomer): Promise<CustomerView> {
      return change(actor, id, parseInput(newCustomerRule, command));
    },

    async patch(actor: Actor, id: number, command: CustomerChanges): Promise<CustomerView> {
      return change(actor, id, parseInput(changesRule, command));
    },

    /**
     * Case-insensitive exact name first, then a unique prefix. Matched in JS over the owner's active
     * customers because SQLite's LIKE folds ASCII only; a small merchant's customer list is short.
     */
    async matchName(actor: Actor, name: string): Promise<NameMatch> {
      const wanted = foldName(name);
      if (!wanted) return { kind: 'none' };
      const all = (await customers.names(actor.ownerId)).map((x) => ({ ...x, folded: foldName(x.name) }));
      const exact = all.filter((x) => x.folded === wanted);
      const matching = exact.length > 0 ? exact : all.filter((x) => x.folded.startsWith(wanted));
      const [first] = matching;
      if (!first) return { kind: 'none' };
      if (matching.length === 1) return { kind: 'one', customer: { id: first.id, name: first.name } };
      // A second read: a customer archived in between is left out, and the answer follows what is left.
      const ids = new Set(matching.map((x) => x.id));
      const candidates = (await customers.allActive(actor.ownerId)).filter((c) => ids.has(c.id));
      const [only] = candidates;
      if (!only) return { kind: 'none' };
      if (candidates.length === 1) return { kind: 'one', customer: { id: only.id, name: only.name } };
      return { kind: 'many', customers: candidates };
    },

    /** Customers whose name contains `search` (any case), largest balance first; `total` counts all matches. */
    async byBalance(actor: Actor, options: { search?: string; limit: number }): Promise<{ items: CustomerView[]; total: number }> {
      const wanted = foldName(options.search ?? '');
      const matching = (await customers.allActive(actor.ownerId))
        .filter((c) => !wanted || foldName(c.name).includes(wanted))
        .sort((a, b) => balanceOf(b) - balanceOf(a) || a.name.localeCompare(b.name) || a.id - b.id);
      return { items: matching.slice(0, options.limit), total: matching.length };
    },

    /** Archived customers disappear from every read; their entries are kept. */
    async archive(actor: Actor, id: number): Promise<void> {
      if (!(await customers.archive(actor.ownerId, id, clock.now()))) throw new CustomerNotFound();
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
