import { z } from 'zod';
import type { Actor } from '../actor.js';
import { todayUtc, type Clock } from '../clock.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { CustomerService } from '../customers/customer.service.js';
import { cursorRule, DEFAULT_PAGE_SIZE, isoDate, pageSizeRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { Transactions } from '../../db/transaction.js';
import type { StatementRepository, StatementRow } from './statement.repository.js';

/** An entry of a statement with the running balance after it (minor units; positive: the customer owes). */
export type StatementLine = StatementRow & { balance: number };

/** A statement's period and its sums: the opening balance is everything before the period. */
export type StatementHeader = {
  customer: { id: number; name: string; phone: string };
  startDate: string;
  endDate: string;
  openingBalance: number;
  totalCredit: number;
  totalDebit: number;
  closingBalance: number;
  entryCount: number;
  /** The newest entry the statement has seen: lines read later leave out anything posted since. */
  asOf: number;
};

/** One day of the period for a chart: what was given and got that day, and the balance at its end. */
export type BalancePoint = { date: string; credit: number; debit: number; balance: number };

export type PeriodQuery = { startDate?: string | undefined; endDate?: string | undefined };
export type StatementQuery = PeriodQuery & { limit?: number | undefined; cursor?: string | undefined };

const periodRule = z
  .object({ startDate: isoDate.optional(), endDate: isoDate.optional() })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, { message: 'must be on or after the start date', path: ['endDate'] });
const pageRule = z.object({ limit: pageSizeRule.default(DEFAULT_PAGE_SIZE), cursor: cursorRule.optional() });
const lineCursor = z.tuple([isoDate, z.number().int().positive()]);

/** Entries read at a time when a whole period is streamed (CSV, PDF). */
export const STREAM_BATCH = 1_000;

export type StatementServiceDeps = { statements: StatementRepository; customers: CustomerService; transactions: Transactions; clock: Clock };

/**
 * Account statements: a period of a customer's entries with the running balance, from the opening
 * balance (everything before the period) to the closing one. Owner-scoped through the customer.
 */
export function createStatementService({ statements, customers, transactions, clock }: StatementServiceDeps) {
  /**
   * The period asked for, its ends filled in (from the first entry, or the end if later, to today), and
   * its sums. Read in one snapshot, which the header remembers (`asOf`).
   */
  function header(actor: Actor, customerId: number, query: PeriodQuery): Promise<StatementHeader> {
    const period = parseInput(periodRule, query);
    return transactions.snapshot(() => headerNow(actor, customerId, period));
  }

  async function headerNow(actor: Actor, customerId: number, period: { startDate?: string | undefined; endDate?: string | undefined }): Promise<StatementHeader> {
    const customer = await customers.get(actor, customerId);
    const endDate = period.endDate ?? todayUtc(clock);
    const first = period.startDate ?? (await statements.firstDate(customerId)) ?? endDate;
    const startDate = first > endDate ? endDate : first;
    const before = await statements.sums(customerId, null, dayBefore(startDate));
    const within = await statements.sums(customerId, startDate, endDate);
    const openingBalance = before.credit - before.debit;
    return {
      customer: { id: customer.id, name: customer.name, phone: customer.phone },
      startDate,
      endDate,
      openingBalance,
      totalCredit: within.credit,
      totalDebit: within.debit,
      closingBalance: openingBalance + within.credit - within.debit,
      entryCount: within.entries,
      asOf: await statements.lastEntryId(),
    };
  }

  /** The balance just after entry (date, id) of the period, from the days before it and that date's entries up to it. */
  async function balanceAt(h: StatementHeader, after: readonly [string, number]): Promise<number> {
    const [date, id] = after;
    const days = date > h.startDate ? await statements.sums(h.customer.id, h.startDate, dayBefore(date)) : { credit: 0, debit: 0 };
    const sameDay = await statements.sumsOfDayUpTo(h.customer.id, date, id);
    return h.openingBalance + days.credit - days.debit + sameDay.credit - sameDay.debit;
  }

  const withBalances = (rows: StatementRow[], start: number): StatementLine[] => {
    let balance = start;
    return rows.map((r) => {
      balance += r.type === 'credit' ? r.amount : -r.amount;
      return { ...r, balance };
    });
  };

  return {
    header,

    /** A page of the statement: the header is always the whole period's; lines resume after the cursor. */
    async page(actor: Actor, customerId: number, query: StatementQuery): Promise<{ header: StatementHeader; lines: StatementLine[]; nextCursor: string | null }> {
      const { limit, cursor } = parseInput(pageRule, { limit: query.limit, cursor: query.cursor });
      const period = parseInput(periodRule, { startDate: query.startDate, endDate: query.endDate });
      const after = cursor ? decodeCursor(cursor, lineCursor) : null;
      return transactions.snapshot(async () => {
        const h = await headerNow(actor, customerId, period);
        const rows = await statements.entries(h.customer.id, { from: h.startDate, to: h.endDate, after, limit: limit + 1, asOf: h.asOf });
        const page = rows.slice(0, limit);
        const lines = withBalances(page, after ? await balanceAt(h, after) : h.openingBalance);
        const last = page.at(-1);
        return { header: h, lines, nextCursor: rows.length > limit && last ? encodeCursor([last.entryDate, last.id]) : null };
      });
    },

    /** Every line of the period, STREAM_BATCH at a time, for a renderer that writes as it reads. */
    async *lines(h: StatementHeader): AsyncGenerator<StatementLine[]> {
      let after: readonly [string, number] | null = null;
      let balance = h.openingBalance;
      for (;;) {
        const rows = await statements.entries(h.customer.id, { from: h.startDate, to: h.endDate, after, limit: STREAM_BATCH, asOf: h.asOf });
        if (rows.length === 0) return;
        const lines = withBalances(rows, balance);
        yield lines;
        const last = lines.at(-1);
        if (!last || rows.length < STREAM_BATCH) return;
        balance = last.balance;
        after = [last.entryDate, last.id];
      }
    },

    /** The period day by day (only days with entries), with the balance at the end of each. */
    async points(h: StatementHeader): Promise<BalancePoint[]> {
      let balance = h.openingBalance;
      return (await statements.days(h.customer.id, h.startDate, h.endDate)).map((d) => {
        balance += d.credit - d.debit;
        return { date: d.date, credit: d.credit, debit: d.debit, balance };
      });
    },
  };
}

/** The date before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type StatementService = ReturnType<typeof createStatementService>;
