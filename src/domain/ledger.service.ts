import { raw } from '@mikro-orm/core';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { todayUtc, type Clock } from './clock.js';
import { isRowId } from './customer.service.js';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { currentEm, isUniqueViolation, type EntityManager } from './db.js';
import { CustomerSchema, LedgerEntrySchema, type EntryType, type LedgerEntry } from './entities/index.js';
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

export type PostedEntry = { entry: EntryView; totals: Totals };

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
    return currentEm(root).transactional(async (em) => {
      const now = clock.now();
      const column = data.type === 'credit' ? 'total_credit' : 'total_debit';
      const property = data.type === 'credit' ? 'totalCredit' : 'totalDebit';
      // One atomic statement checks ownership and applies the delta; no read-then-write race.
      const updated = await em.nativeUpdate(
        CustomerSchema,
        {
          id: customerId,
          owner: actor.ownerId,
          archived: false,
          [property]: { $lte: MAX_TOTAL_MINOR - data.amount },
        },
        { [property]: raw(`${column} + ?`, [data.amount]), updatedAt: now },
      );
      if (updated === 0) {
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
      const id = await em.insert<LedgerEntry>(LedgerEntrySchema, row);
      const customer = await em.findOneOrFail(
        CustomerSchema,
        { id: customerId },
        { disableIdentityMap: true, fields: ['totalCredit', 'totalDebit'] },
      );
      return { entry: toEntryView({ ...row, id }), totals: totalsOf(customer) };
    });
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
      const em = currentEm(root);
      await assertCustomer(em, actor, customerId);
      const conditions: object[] = [{ customer: customerId }];
      if (filter.type) conditions.push({ type: filter.type });
      if (filter.start_date) conditions.push({ entryDate: { $gte: filter.start_date } });
      if (filter.end_date) conditions.push({ entryDate: { $lte: filter.end_date } });
      if (filter.cursor) {
        const [date, id] = decodeCursor(filter.cursor, entryCursor);
        conditions.push({ $or: [{ entryDate: { $gt: date } }, { entryDate: date, id: { $gt: id } }] });
      }
      const rows = await em.find(
        LedgerEntrySchema,
        { $and: conditions },
        { orderBy: [{ entryDate: 'asc' }, { id: 'asc' }], limit: filter.limit + 1, disableIdentityMap: true },
      );
      const items = rows.slice(0, filter.limit).map(toEntryView);
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
      const customer = await currentEm(root).findOne(
        CustomerSchema,
        { id: customerId, owner: actor.ownerId, archived: false },
        { disableIdentityMap: true, fields: ['totalCredit', 'totalDebit'] },
      );
      if (!customer) throw new CustomerNotFound();
      return totalsOf(customer);
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
