import { z } from 'zod';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { decodeCursor, encodeCursor, type Page } from '../cursor.js';
import type { Transactions } from '../../db/transaction.js';
import { CustomerLimitReached, CustomerNotFound } from '../errors.js';
import { addressRule, customerNameRule, DEFAULT_PAGE_SIZE, pageSizeRule, phoneRule, searchRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { CustomerFields, CustomerRepository, CustomerTotalsView, CustomerView } from './customer.repository.js';
import { MAX_TOTAL_MINOR } from '../money.js';
import type { MerchantTotalsRepository } from '../ledger/merchant-totals.repository.js';
import { changeOf, NO_CUSTOMER } from '../ledger/merchant-totals.js';
import { nameKey } from './name-key.js';

export type { CustomerTotalsView, CustomerView } from './customer.repository.js';

/** A new customer: phone and address are empty when left out. */
export type NewCustomer = { name: string; phone?: string | undefined; address?: string | undefined };
/** The fields to change; the others stay as they are. */
export type CustomerChanges = Partial<NewCustomer>;
export type CustomerListQuery = { limit?: number | undefined; cursor?: string | undefined; search?: string | undefined };

const newCustomerRule = z.object({ name: customerNameRule, phone: phoneRule.optional(), address: addressRule.optional() });
const changesRule = z.object({ name: customerNameRule.optional(), phone: phoneRule.optional(), address: addressRule.optional() });
const listRule = z.object({ limit: pageSizeRule.default(DEFAULT_PAGE_SIZE), cursor: z.string().optional(), search: searchRule.optional() });
const customerCursor = z.tuple([z.number().int().positive()]);

/** Customers found for typed names: by the name key each was read at. */
export type NameLookup = Map<string, Array<{ id: number; name: string }>>;

function definedOnly(changes: CustomerChanges): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  if (changes.name !== undefined) out.name = changes.name;
  if (changes.phone !== undefined) out.phone = changes.phone;
  if (changes.address !== undefined) out.address = changes.address;
  return out;
}

export type CustomerServiceDeps = {
  customers: CustomerRepository;
  merchantTotals: MerchantTotalsRepository;
  transactions: Transactions;
  clock: Clock;
  maxCustomers: number;
  /** Called in the archive's transaction (the customer's share links end with it). */
  onArchived?: (customerId: number) => Promise<void>;
};

/** A merchant's customers: every call is scoped to the actor's own, archived ones are gone. */
export function createCustomerService({ customers, merchantTotals, transactions, clock, maxCustomers, onArchived }: CustomerServiceDeps) {
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
      const found = search
        ? await customers.search(actor.ownerId, { afterId, limit: limit + 1, search })
        : { rows: await customers.page(actor.ownerId, { afterId, limit: limit + 1 }), scannedTo: null };
      const items = found.rows.slice(0, limit);
      const last = items.at(-1);
      // A search page may hold fewer than `limit` (even none) and still go on: it looked at one window of the book.
      const resumeAt = found.rows.length > limit && last ? last.id : found.scannedTo;
      return { items, nextCursor: resumeAt === null ? null : encodeCursor([resumeAt]) };
    },

    get: found,

    async create(actor: Actor, command: NewCustomer): Promise<CustomerView> {
      const data = parseInput(newCustomerRule, command);
      // The count and the row commit together: a merchant can never pass the cap, however many race.
      return transactions.statements(async () => {
        if (!(await customers.countOneMore(actor.ownerId, maxCustomers))) throw new CustomerLimitReached(maxCustomers);
        const created = await customers.insert(actor.ownerId, { name: data.name, phone: data.phone ?? '', address: data.address ?? '' }, clock.now());
        await merchantTotals.apply(actor.ownerId, changeOf(null, NO_CUSTOMER), MAX_TOTAL_MINOR);
        return created;
      });
    },

    /** PUT: name is required; phone and address change only when given. */
    async replace(actor: Actor, id: number, command: NewCustomer): Promise<CustomerView> {
      return change(actor, id, parseInput(newCustomerRule, command));
    },

    async patch(actor: Actor, id: number, command: CustomerChanges): Promise<CustomerView> {
      return change(actor, id, parseInput(changesRule, command));
    },

    /**
     * The customers whose name is exactly one of these (in the matching form: case, accents and Unicode
     * forms alike), keyed by that form. A chat line is read at several name lengths at once.
     */
    async withNames(actor: Actor, names: string[]): Promise<NameLookup> {
      // A name the rules refuse (a control character, too long) can be on no one's books: not asked for.
      const keys = [...new Set(names.filter((n) => customerNameRule.safeParse(n).success).map(nameKey).filter(Boolean))];
      const found: NameLookup = new Map();
      for (const c of await customers.withKeys(actor.ownerId, keys)) {
        const list = found.get(c.nameKey) ?? [];
        list.push({ id: c.id, name: c.name });
        found.set(c.nameKey, list);
      }
      return found;
    },

    /** Customers whose name starts with `name` (in the matching form), at most `limit`. */
    async startingWith(actor: Actor, name: string, limit: number): Promise<CustomerView[]> {
      const key = customerNameRule.safeParse(name).success ? nameKey(name) : '';
      return key ? customers.withKeyPrefix(actor.ownerId, key, limit) : [];
    },

    /** Customers whose name contains `search`, largest balance first, a page at a time; `total` counts all matches. */
    async byBalance(actor: Actor, options: { search?: string; limit: number; offset?: number }): Promise<{ items: CustomerView[]; total: number; capped: boolean }> {
      const search = parseInput(searchRule.optional(), options.search);
      return customers.byBalance(actor.ownerId, { search, limit: options.limit, offset: options.offset ?? 0 });
    },

    /** One customer with the amount of its entries that were undone (chat summaries leave those out). */
    async withUndone(actor: Actor, id: number): Promise<CustomerTotalsView> {
      const customer = await customers.findWithReversed(actor.ownerId, id);
      if (!customer) throw new CustomerNotFound();
      return customer;
    },

    /** Archived customers disappear from every read; their entries are kept. */
    /** Archives the customer; its totals leave the merchant's in the same transaction. */
    async archive(actor: Actor, id: number): Promise<void> {
      await transactions.join(async () => {
        const was = await customers.archive(actor.ownerId, id, clock.now());
        if (!was) throw new CustomerNotFound();
        await merchantTotals.apply(actor.ownerId, changeOf(was, null), MAX_TOTAL_MINOR);
        await onArchived?.(id);
      });
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
