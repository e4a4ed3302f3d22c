import { TransactionPropagation } from '@mikro-orm/core';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { todayUtc, type Clock } from './clock.js';
import { isRowId } from './customer.service.js';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { currentEm, isUniqueViolation, num, sqlRows, type EntityManager, type SqlRow } from './db.js';
import { CHANNELS, CustomerSchema, ENTRY_TYPES, LedgerEntrySchema, type EntryType, type LedgerEntry } from './entities/index.js';
import {
  AlreadyReversed,
  CannotReverseReversal,
  CustomerNotFound,
  EntryNotFound,
  TotalsLimitExceeded,
} from './errors.js';
import { entryCreateSchema, entryListSchema, isoDate, reverseSchema } from './inputs.js';
import { parseAmount } from './money.js';
import { parseInput } from './validate.js';

export type EntryView = Pick<
  LedgerEntry,
  'id' | 'customer' | 'type' | 'amount' | 'note' | 'entryDate' | 'createdAt' | 'reverses' | 'channel'
>;

export type Totals = { totalCredit: number; totalDebit: number; balance: number };

/** The entry, the customer's new totals, and its name (read by the same statement, for replies that say whose). */
export type PostedEntry = { entry: EntryView; totals: Totals; customerName: string };

export type OverallSummary = {
  totalCredit: bigint;
  totalDebit: bigint;
  balance: bigint;
  customerCount: number;
  customersOwing: number;
};

/**
 * Running totals stay at or below 2^53 - 1 minor units so every total is an exact JS number on
 * every driver (about 90 trillion in major units: far beyond any small merchant).
 */
export const MAX_TOTAL_MINOR = Number.MAX_SAFE_INTEGER;

const entryCursor = z.tuple([isoDate, z.number().int().positive()]);

function toEntryView(e: LedgerEntry): EntryView {
  return {
    id: e.id,
    customer: e.customer,
    type: e.type,
    amount: e.amount,
    note: e.note,
    entryDate: e.entryDate,
    createdAt: e.createdAt,
    reverses: e.reverses ?? null,
    channel: e.channel,
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`unexpected value in the database: ${String(value)}`);
  return found;
}

/** An entry from a plain-SQL row (the columns of `list`), alike on SQLite and PostgreSQL. */
function entryFromRow(em: EntityManager, r: SqlRow): EntryView {
  const createdAt = r.created_at;
  if (typeof createdAt !== 'number' && typeof createdAt !== 'string') throw new Error('created_at is missing');
  return {
    id: num(r.id),
    customer: num(r.customer_id),
    type: oneOf(ENTRY_TYPES, r.type),
    amount: num(r.amount),
    note: String(r.note),
    entryDate: String(r.entry_date),
    createdAt: em.getPlatform().parseDate(createdAt),
    reverses: r.reverses_id === null || r.reverses_id === undefined ? null : num(r.reverses_id),
    channel: oneOf(CHANNELS, r.channel),
  };
}

function totalsOf(c: { totalCredit: number; totalDebit: number }): Totals {
  return { totalCredit: c.totalCredit, totalDebit: c.totalDebit, balance: c.totalCredit - c.totalDebit };
}

type NewEntry = { type: EntryType; amount: number; note: string; entryDate: string; reverses: number | null };

export type LedgerServiceDeps = { em: EntityManager; clock: Clock };

export function createLedgerService({ em: root, clock }: LedgerServiceDeps) {
  async function assertCustomer(em: EntityManager, actor: Actor, customerId: number): Promise<void> {
    if (!isRowId(customerId)) throw new CustomerNotFound();
    const found = await em.count(CustomerSchema, { id: customerId, owner: actor.ownerId, archived: false });
    if (found === 0) throw new CustomerNotFound();
  }

  /** Inserts an entry and bumps the customer's running total in one transaction. */
  async function append(actor: Actor, customerId: number, data: NewEntry): Promise<PostedEntry> {
    if (!isRowId(customerId)) throw new CustomerNotFound();
    // Joins the caller's transaction (an idempotent request's) instead of nesting a savepoint: an
    // error here aborts the whole unit anyway.
    return currentEm(root).transactional(async (em) => {
      const now = clock.now();
      const column = data.type === 'credit' ? 'total_credit' : 'total_debit';
      // One atomic statement checks ownership, applies the delta and returns the new totals: no
      // read-then-write race, and no second read (plain SQL: this is the hottest write path).
      const [totals] = await sqlRows(
        em,
        `update customers set ${column} = ${column} + ?, updated_at = ?
         where id = ? and owner_id = ? and archived = ? and ${column} <= ?
         returning total_credit, total_debit, name`,
        [data.amount, now, customerId, actor.ownerId, false, MAX_TOTAL_MINOR - data.amount],
      );
      if (!totals) {
        await assertCustomer(em, actor, customerId);
        throw new TotalsLimitExceeded();
      }
      const row = {
        customer: customerId,
        type: data.type,
        amount: data.amount,
        note: data.note,
        entryDate: data.entryDate,
        createdAt: now,
        reverses: data.reverses,
        channel: actor.channel,
        apiToken: actor.tokenId,
        telegramChatId: actor.chatId,
      };
      const [inserted] = await sqlRows(
        em,
        `insert into ledger_entries
           (customer_id, type, amount, note, entry_date, created_at, reverses_id, channel, api_token_id, telegram_chat_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [customerId, row.type, row.amount, row.note, row.entryDate, now, row.reverses, row.channel, row.apiToken, row.telegramChatId],
      );
      const entry = toEntryView({ ...row, id: num(inserted?.id) });
      return {
        entry,
        totals: totalsOf({ totalCredit: num(totals.total_credit), totalDebit: num(totals.total_debit) }),
        customerName: String(totals.name),
      };
    }, { propagation: TransactionPropagation.REQUIRED });
  }

  return {
    async post(actor: Actor, customerId: number, input: unknown): Promise<PostedEntry> {
      const data = parseInput(entryCreateSchema, input);
      const amount = parseAmount(data.amount);
      return append(actor, customerId, {
        type: data.type,
        amount,
        note: data.note ?? '',
        entryDate: data.entry_date ?? todayUtc(clock),
        reverses: null,
      });
    },

    /** Posts the opposite entry, pointing at the original. Each entry can be reversed once. */
    async reverse(actor: Actor, customerId: number, entryId: number, input: unknown = {}): Promise<PostedEntry> {
      const { note } = parseInput(reverseSchema, input);
      const em = currentEm(root);
      await assertCustomer(em, actor, customerId);
      if (!isRowId(entryId)) throw new EntryNotFound();
      const original = await em.findOne(
        LedgerEntrySchema,
        { id: entryId, customer: customerId },
        { disableIdentityMap: true },
      );
      if (!original) throw new EntryNotFound();
      if (original.reverses != null) throw new CannotReverseReversal();
      if ((await em.count(LedgerEntrySchema, { reverses: entryId })) > 0) throw new AlreadyReversed();
      try {
        return await append(actor, customerId, {
          type: original.type === 'credit' ? 'debit' : 'credit',
          amount: original.amount,
          note: note ?? `Reversal of entry #${original.id}`,
          entryDate: todayUtc(clock),
          reverses: original.id,
        });
      } catch (error) {
        // A concurrent reversal won the unique index on `reverses`.
        if (isUniqueViolation(error)) throw new AlreadyReversed();
        throw error;
      }
    },

    /** Entries in (entry_date, id) order, filtered and paginated. */
    async list(actor: Actor, customerId: number, query: unknown = {}): Promise<Page<EntryView>> {
      const filter = parseInput(entryListSchema, query);
      if (!isRowId(customerId)) throw new CustomerNotFound();
      const em = currentEm(root);
      // Plain SQL on the (customer_id, entry_date, id) index; the ownership check rides along, and is
      // asked apart only when the page comes back empty (no entries, or not this merchant's customer).
      const where = ['customer_id = ?'];
      const params: Array<string | number | boolean> = [customerId];
      if (filter.type) where.push('type = ?'), params.push(filter.type);
      if (filter.start_date) where.push('entry_date >= ?'), params.push(filter.start_date);
      if (filter.end_date) where.push('entry_date <= ?'), params.push(filter.end_date);
      if (filter.cursor) {
        const [date, id] = decodeCursor(filter.cursor, entryCursor);
        where.push('(entry_date > ? or (entry_date = ? and id > ?))');
        params.push(date, date, id);
      }
      const rows = await sqlRows(
        em,
        `select id, customer_id, type, amount, note, entry_date, created_at, reverses_id, channel from ledger_entries
         where ${where.join(' and ')}
           and exists (select 1 from customers where id = ? and owner_id = ? and archived = ?)
         order by entry_date, id limit ?`,
        [...params, customerId, actor.ownerId, false, filter.limit + 1],
      );
      if (rows.length === 0) await assertCustomer(em, actor, customerId);
      const items = rows.slice(0, filter.limit).map((r) => entryFromRow(em, r));
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > filter.limit && last ? encodeCursor([last.entryDate, last.id]) : null,
      };
    },

    /** The last `count` entries, newest first (for chat history). */
    async recent(actor: Actor, customerId: number, count: number): Promise<EntryView[]> {
      const em = currentEm(root);
      await assertCustomer(em, actor, customerId);
      const rows = await em.find(
        LedgerEntrySchema,
        { customer: customerId },
        { orderBy: [{ entryDate: 'desc' }, { id: 'desc' }], limit: count, disableIdentityMap: true },
      );
      return rows.map(toEntryView);
    },

    /** O(1): read from the running totals, never an aggregate over entries. */
    async customerSummary(actor: Actor, customerId: number): Promise<Totals> {
      if (!isRowId(customerId)) throw new CustomerNotFound();
      const [customer] = await sqlRows(
        currentEm(root),
        'select total_credit, total_debit from customers where id = ? and owner_id = ? and archived = ?',
        [customerId, actor.ownerId, false],
      );
      if (!customer) throw new CustomerNotFound();
      return totalsOf({ totalCredit: num(customer.total_credit), totalDebit: num(customer.total_debit) });
    },

    /** The merchant's totals over all active customers, summed exactly as BigInt. */
    async overallSummary(actor: Actor): Promise<OverallSummary> {
      const customers = await currentEm(root).find(
        CustomerSchema,
        { owner: actor.ownerId, archived: false },
        { disableIdentityMap: true, fields: ['totalCredit', 'totalDebit'] },
      );
      let totalCredit = 0n;
      let totalDebit = 0n;
      let customersOwing = 0;
      for (const c of customers) {
        totalCredit += BigInt(c.totalCredit);
        totalDebit += BigInt(c.totalDebit);
        if (c.totalCredit > c.totalDebit) customersOwing += 1;
      }
      return {
        totalCredit,
        totalDebit,
        balance: totalCredit - totalDebit,
        customerCount: customers.length,
        customersOwing,
      };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
