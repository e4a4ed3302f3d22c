import { z } from 'zod';
import type { Transactions } from '../../db/transaction.js';
import { isUniqueViolation } from '../../db/sql.js';
import type { Actor } from '../actor.js';
import { todayUtc, type Clock } from '../clock.js';
import { decodeCursor, encodeCursor, type Page } from '../cursor.js';
import {
  AlreadyReversed,
  CannotReverseReversal,
  CustomerNotFound,
  EntryNotFound,
  NothingToUndo,
  TotalsLimitExceeded,
} from '../errors.js';
import { checkAmountMinor, MAX_TOTAL_MINOR } from '../money.js';
import { cursorRule, DEFAULT_PAGE_SIZE, isoDate, noteRule, pageSizeRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { IntegrityReport, IntegrityRepository } from './integrity.repository.js';
import { changeOf } from './merchant-totals.js';
import type { MerchantTotalsRepository } from './merchant-totals.repository.js';
import type { CustomerDaysRepository } from './customer-days.repository.js';
import { ENTRY_TYPES, type EntryType } from './ledger-entry.entity.js';
import type { BalanceLine, EntryView, HistoryEntry, LedgerRepository } from './ledger.repository.js';

export type { BalanceLine, EntryView, HistoryEntry } from './ledger.repository.js';

export type Totals = { totalCredit: number; totalDebit: number; balance: number };

/** The entry, the customer's new totals, and its name (read by the same statement, for replies that say whose). */
export type PostedEntry = { entry: EntryView; totals: Totals; customerName: string };

/** The merchant's book over all its active customers (sums as BigInt for the edge's exact decimals). */
export type OverallSummary = {
  totalCredit: bigint;
  totalDebit: bigint;
  /** Amounts of undone entries (each also counted once more by its reversal). */
  totalReversed: bigint;
  customerCount: number;
  customersOwing: number;
  /** Customers with a negative balance (you owe them), and what you owe them together. */
  customersOwed: number;
  /** What the customers who owe you owe together. */
  toGet: bigint;
  toGive: bigint;
  balance: bigint;
};

/** What a posting tells its listener: one entry, or the sums of an import (one message, however many rows). */
export type PostingEvent =
  | { kind: 'entry'; type: EntryType; amount: number; entryDate: string; balance: number; reversal: boolean }
  | { kind: 'import'; entries: number; credit: number; debit: number; balance: number };

export type PostingListener = { posted(customerId: number, event: PostingEvent): Promise<unknown> };

/** A credit or debit to post: the amount in minor units, the date today (UTC) when left out. */
export type NewEntry = { type: EntryType; amountMinor: number; note?: string | undefined; entryDate?: string | undefined };
export type EntryListQuery = {
  limit?: number | undefined;
  cursor?: string | undefined;
  type?: EntryType | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
};

export type UndoCandidate = { entryId: number; customerId: number; customerName: string; type: EntryType; amount: number };


const newEntryRule = z.object({
  type: z.enum(ENTRY_TYPES, 'must be "credit" or "debit"'),
  amountMinor: z.number(),
  note: noteRule.optional(),
  entryDate: isoDate.optional(),
});
const reverseRule = z.object({ note: noteRule.optional() });
const listRule = z
  .object({
    limit: pageSizeRule.default(DEFAULT_PAGE_SIZE),
    cursor: cursorRule.optional(),
    type: z.enum(ENTRY_TYPES).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((f) => !f.startDate || !f.endDate || f.startDate <= f.endDate, { message: 'must be on or after the start date', path: ['endDate'] });
const entryCursor = z.tuple([isoDate, z.number().int().positive()]);

const totalsOf = (t: { totalCredit: number; totalDebit: number }): Totals => ({ ...t, balance: t.totalCredit - t.totalDebit });

/** What to post; a reversal also names the entry it undoes (its date and type leave the day's trade). */
type Append = { type: EntryType; amount: number; note: string; entryDate: string; reverses: { id: number; entryDate: string; type: EntryType } | null };

export type LedgerServiceDeps = {
  entries: LedgerRepository;
  merchantTotals: MerchantTotalsRepository;
  days: CustomerDaysRepository;
  integrity: IntegrityRepository;
  /** Told of every posting inside its transaction (customers' updates go in the outbox with it). */
  listener?: PostingListener;
  transactions: Transactions;
  clock: Clock;
};

/** The append-only ledger: entries move running totals in the same transaction; corrections are reversals. */
export function createLedgerService({ entries, merchantTotals, days, integrity, transactions, clock, listener }: LedgerServiceDeps) {
  async function assertCustomer(actor: Actor, customerId: number): Promise<void> {
    if (!(await entries.customerIsActive(actor.ownerId, customerId))) throw new CustomerNotFound();
  }

  /** Inserts an entry and bumps the customer's running totals, its merchant's and its day's, in one transaction. */
  function append(actor: Actor, customerId: number, data: Append): Promise<PostedEntry> {
    // Joins the caller's transaction (an idempotent request's) instead of nesting a savepoint: an
    // error here aborts the whole unit anyway. Plain statements only, so SQLite runs them straight.
    return transactions.statements(async () => {
      const now = clock.now();
      const reversal = data.reverses !== null;
      const totals = await entries.addToTotals(actor.ownerId, customerId, { type: data.type, amount: data.amount, reversal }, MAX_TOTAL_MINOR, now);
      if (!totals) {
        await assertCustomer(actor, customerId);
        throw new TotalsLimitExceeded();
      }
      const before = {
        totalCredit: totals.totalCredit - (data.type === 'credit' ? data.amount : 0),
        totalDebit: totals.totalDebit - (data.type === 'debit' ? data.amount : 0),
        totalReversed: totals.totalReversed - (reversal ? data.amount : 0),
      };
      // Rolled back with the customer's update when the merchant's overall totals would pass the limit.
      if (!(await merchantTotals.apply(actor.ownerId, changeOf(before, totals), MAX_TOTAL_MINOR))) throw new TotalsLimitExceeded();
      const { reverses, ...fields } = data;
      await days.record(customerId, data.entryDate, data.type, data.amount, reverses === null);
      if (reverses) await days.untrade(customerId, reverses.entryDate, reverses.type, data.amount);
      const entry = await entries.insert({
        customer: customerId,
        ...fields,
        reverses: reverses?.id ?? null,
        createdAt: now,
        channel: actor.channel,
        apiToken: actor.tokenId,
        telegramChatId: actor.chatId,
      });
      await listener?.posted(customerId, { kind: 'entry', type: data.type, amount: data.amount, entryDate: data.entryDate, balance: totals.totalCredit - totals.totalDebit, reversal: reverses !== null });
      return { entry, totals: totalsOf(totals), customerName: totals.name };
    });
  }

  return {
    async post(actor: Actor, customerId: number, command: NewEntry): Promise<PostedEntry> {
      const data = parseInput(newEntryRule, command);
      return append(actor, customerId, {
        type: data.type,
        amount: checkAmountMinor(data.amountMinor),
        note: data.note ?? '',
        entryDate: data.entryDate ?? todayUtc(clock),
        reverses: null,
      });
    },

    /**
     * Many entries for one customer at once (an import), in the caller's transaction: the same rows,
     * totals, merchant book and days as posting each, in a handful of statements. Returns how many.
     */
    async postMany(actor: Actor, customerId: number, commands: NewEntry[]): Promise<number> {
      const rows = commands.map((c) => parseInput(newEntryRule, c)).map((d) => ({
        type: d.type,
        amount: checkAmountMinor(d.amountMinor),
        note: d.note ?? '',
        entryDate: d.entryDate ?? todayUtc(clock),
      }));
      if (rows.length === 0) return 0;
      return transactions.join(async () => {
        const now = clock.now();
        const credit = rows.reduce((s, r) => s + (r.type === 'credit' ? r.amount : 0), 0);
        const debit = rows.reduce((s, r) => s + (r.type === 'debit' ? r.amount : 0), 0);
        if (credit > MAX_TOTAL_MINOR || debit > MAX_TOTAL_MINOR) throw new TotalsLimitExceeded();
        const after = await entries.addSumsToTotals(actor.ownerId, customerId, credit, debit, MAX_TOTAL_MINOR, now);
        if (!after) {
          await assertCustomer(actor, customerId);
          throw new TotalsLimitExceeded();
        }
        const before = { totalCredit: after.totalCredit - credit, totalDebit: after.totalDebit - debit, totalReversed: after.totalReversed };
        if (!(await merchantTotals.apply(actor.ownerId, changeOf(before, after), MAX_TOTAL_MINOR))) throw new TotalsLimitExceeded();
        const byDate = new Map<string, { date: string; entries: number; credit: number; debit: number }>();
        for (const r of rows) {
          const d = byDate.get(r.entryDate) ?? { date: r.entryDate, entries: 0, credit: 0, debit: 0 };
          d.entries += 1;
          if (r.type === 'credit') d.credit += r.amount;
          else d.debit += r.amount;
          byDate.set(r.entryDate, d);
        }
        await days.recordMany(customerId, [...byDate.values()]);
        await entries.insertMany(
          rows.map((r) => ({ customer: customerId, ...r, reverses: null, createdAt: now, channel: actor.channel, apiToken: actor.tokenId, telegramChatId: actor.chatId })),
        );
        await listener?.posted(customerId, { kind: 'import', entries: rows.length, credit, debit, balance: after.totalCredit - after.totalDebit });
        return rows.length;
      });
    },

    /** Posts the opposite entry, pointing at the original. Each entry can be reversed once. */
    async reverse(actor: Actor, customerId: number, entryId: number, command: { note?: string | undefined } = {}): Promise<PostedEntry> {
      const { note } = parseInput(reverseRule, command);
      await assertCustomer(actor, customerId);
      const original = await entries.find(customerId, entryId);
      if (!original) throw new EntryNotFound();
      if (original.reverses !== null) throw new CannotReverseReversal();
      if (await entries.isReversed(entryId)) throw new AlreadyReversed();
      try {
        return await append(actor, customerId, {
          type: original.type === 'credit' ? 'debit' : 'credit',
          amount: original.amount,
          note: note ?? `Reversal of entry #${original.id}`,
          entryDate: todayUtc(clock),
          reverses: { id: original.id, entryDate: original.entryDate, type: original.type },
        });
      } catch (error) {
        // A concurrent reversal won the unique index on `reverses`.
        if (isUniqueViolation(error)) throw new AlreadyReversed();
        throw error;
      }
    },

    /** Entries in (entry_date, id) order, filtered and paginated. */
    async list(actor: Actor, customerId: number, query: EntryListQuery = {}): Promise<Page<EntryView>> {
      const filter = parseInput(listRule, query);
      const after = filter.cursor ? decodeCursor(filter.cursor, entryCursor) : undefined;
      const rows = await entries.page(actor.ownerId, customerId, { ...filter, after }, filter.limit + 1);
      // An empty page is either no entries or not this merchant's customer: only then ask which.
      if (rows.length === 0) await assertCustomer(actor, customerId);
      const items = rows.slice(0, filter.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor([last.entryDate, last.id]) : null };
    },

    /** The last `count` entries, newest first, each with the reversal that undid it (for chat history). */
    async recent(actor: Actor, customerId: number, count: number): Promise<HistoryEntry[]> {
      await assertCustomer(actor, customerId);
      return entries.recent(customerId, count);
    },

    async customerSummary(actor: Actor, customerId: number): Promise<Totals> {
      const totals = await entries.totals(actor.ownerId, customerId);
      if (!totals) throw new CustomerNotFound();
      return totalsOf(totals);
    },

    /** The merchant's totals over all active customers: one row, kept in step with every posting. */
    async overallSummary(actor: Actor): Promise<OverallSummary> {
      const t = await merchantTotals.read(actor.ownerId);
      return {
        totalCredit: BigInt(t.totalCredit),
        totalDebit: BigInt(t.totalDebit),
        totalReversed: BigInt(t.totalReversed),
        customerCount: t.customers,
        customersOwing: t.customersOwing,
        customersOwed: t.customersOwed,
        toGet: BigInt(t.toGet),
        toGive: BigInt(t.toGive),
        balance: BigInt(t.totalCredit - t.totalDebit),
      };
    },

    /** The customers with the largest balances on one side of the book (`get`: they owe you; `give`: you owe them). */
    largestBalances: (actor: Actor, side: 'get' | 'give', limit: number): Promise<BalanceLine[]> => entries.largestBalances(actor.ownerId, side, limit),

    /** The newest entry the actor's chat posted that is neither a reversal nor undone yet, for /undo. */
    async lastUndoable(actor: Actor): Promise<UndoCandidate> {
      const last = actor.chatId === null ? null : await entries.lastUndoableFromChat(actor.ownerId, actor.chatId);
      if (!last) throw new NothingToUndo();
      const { entry } = last;
      return { entryId: entry.id, customerId: entry.customer, customerName: last.customerName, type: entry.type, amount: entry.amount };
    },

    /** Every customer's totals recomputed from its entries, and every reversal checked (read-only). */
    checkIntegrity(): Promise<IntegrityReport> {
      return integrity.check();
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
