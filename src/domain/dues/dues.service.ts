import { z } from 'zod';
import type { Actor } from '../actor.js';
import { todayUtc, type Clock } from '../clock.js';
import { decodeCursor, encodeCursor, type Page } from '../cursor.js';
import { cursorRule, DEFAULT_PAGE_SIZE, pageSizeRule } from '../rules.js';
import { parseInput } from '../validate.js';
import { ageingOf, daysBetween, type Ageing } from './ageing.js';
import type { DueSide, DuesRepository } from './dues.repository.js';

export type { Ageing } from './ageing.js';
export type { DueSide } from './dues.repository.js';

/** A customer on the dues list: balance (signed, minor units), when it last moved and was paid, and its age. */
export type Due = {
  id: number;
  name: string;
  phone: string;
  balance: number;
  lastEntryDate: string | null;
  lastPaymentDate: string | null;
  daysSinceLastPayment: number | null;
  ageing: Ageing;
};

export type DuesQuery = { side?: DueSide | undefined; limit?: number | undefined; cursor?: string | undefined };

const duesRule = z.object({ side: z.enum(['get', 'give']).default('get'), limit: pageSizeRule.default(DEFAULT_PAGE_SIZE), cursor: cursorRule.optional() });
const duesCursor = z.tuple([z.number().int(), z.number().int().positive()]);

// Days read at a time while ageing one customer's balance (most are covered by the first few).
const AGEING_BATCH = 100;

export type DuesServiceDeps = { dues: DuesRepository; clock: Clock };

/** Who owes the merchant (or whom it owes), largest first, with how old the debt is. */
export function createDuesService({ dues, clock }: DuesServiceDeps) {
  async function ageingFor(customerId: number, side: DueSide, owed: number, today: string): Promise<Ageing> {
    const days: Array<{ date: string; amount: number }> = [];
    let covered = 0;
    for (;;) {
      const batch = await dues.owingDays(customerId, side, days.at(-1)?.date ?? null, AGEING_BATCH);
      days.push(...batch);
      covered += batch.reduce((s, d) => s + d.amount, 0);
      if (covered >= owed || batch.length < AGEING_BATCH) return ageingOf(owed, days, today);
    }
  }

  const service = {
    async page(actor: Actor, query: DuesQuery = {}): Promise<Page<Due> & { side: DueSide }> {
      const { side, limit, cursor } = parseInput(duesRule, query);
      const after = cursor ? decodeCursor(cursor, duesCursor) : null;
      const rows = await dues.page(actor.ownerId, side, after, limit + 1);
      const page = rows.slice(0, limit);
      const dates = await dues.lastDates(page.map((r) => r.id), side);
      const today = todayUtc(clock);
      const items: Due[] = [];
      for (const r of page) {
        const d = dates.get(r.id) ?? { lastEntryDate: null, lastPaymentDate: null };
        items.push({
          ...r,
          ...d,
          daysSinceLastPayment: d.lastPaymentDate === null ? null : daysBetween(d.lastPaymentDate, today),
          ageing: await ageingFor(r.id, side, Math.abs(r.balance), today),
        });
      }
      const last = page.at(-1);
      return { side, items, nextCursor: rows.length > limit && last ? encodeCursor([last.balance, last.id]) : null };
    },

    /** Every page of one side, in order (a CSV of the whole list). */
    async *all(actor: Actor, side: DueSide): AsyncGenerator<Due[]> {
      let cursor: string | undefined;
      do {
        const page = await service.page(actor, { side, limit: STREAM_PAGE, ...(cursor ? { cursor } : {}) });
        yield page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
  return service;
}

// Customers read at a time when the whole list is streamed.
const STREAM_PAGE = 500;

export type DuesService = ReturnType<typeof createDuesService>;
