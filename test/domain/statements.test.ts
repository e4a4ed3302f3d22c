import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import type { StatementLine } from '../../src/domain/statements/statement.service.js';
import { manualClock, registerActor } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

const clock = manualClock(Date.parse('2026-03-31T12:00:00Z'));
let h: Harness;
let actor: Actor;
let run = 0;
beforeAll(async () => {
  h = await createHarness({ clock });
  actor = await registerActor(h.services, 'statement-shop');
});
afterAll(async () => h.close());

const day = fc.integer({ min: 0, max: 89 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const posting = fc.record({ type: fc.constantFrom('credit' as const, 'debit' as const), amount: fc.integer({ min: 1, max: 1_000_000 }), date: day, reverse: fc.boolean() });
const period = fc.record({ start: fc.option(day, { nil: undefined }), end: fc.option(day, { nil: undefined }) });

/** A fresh customer with these postings (some reversed, the reversal dated today). */
async function book(postings: Array<{ type: 'credit' | 'debit'; amount: number; date: string; reverse: boolean }>) {
  run += 1;
  const customer = await h.services.customers.create(actor, { name: `Book ${run}`, phone: '+91 98000 00000' });
  const entries: Array<{ id: number; type: 'credit' | 'debit'; amount: number; date: string }> = [];
  for (const p of postings) {
    const posted = await h.services.ledger.post(actor, customer.id, { type: p.type, amountMinor: p.amount, entryDate: p.date });
    entries.push({ id: posted.entry.id, type: p.type, amount: p.amount, date: p.date });
    if (p.reverse) {
      const r = await h.services.ledger.reverse(actor, customer.id, posted.entry.id);
      entries.push({ id: r.entry.id, type: p.type === 'credit' ? 'debit' : 'credit', amount: p.amount, date: '2026-03-31' });
    }
  }
  return { customerId: customer.id, entries };
}

const signed = (e: { type: 'credit' | 'debit'; amount: number }) => (e.type === 'credit' ? e.amount : -e.amount);

describe('statements', () => {
  it('when any book is read over any period, then the opening balance is everything before it, each running balance adds its entry, and the closing balance is the last of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(posting, { maxLength: 25 }), period, fc.integer({ min: 1, max: 7 }), async (postings, p, pageSize) => {
        const { customerId, entries } = await book(postings);
        const start = p.start && p.end && p.start > p.end ? p.end : p.start;
        const query = { startDate: start, endDate: p.end };
        const first = await h.services.statements.page(actor, customerId, { ...query, limit: 1000 });
        const hd = first.header;
        const firstDate = entries.map((e) => e.date).sort()[0];
        expect(hd.endDate).toBe(p.end ?? '2026-03-31');
        expect(hd.startDate).toBe(start ?? (firstDate && firstDate <= hd.endDate ? firstDate : hd.endDate));

        const sorted = [...entries].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
        const inPeriod = sorted.filter((e) => e.date >= hd.startDate && e.date <= hd.endDate);
        const opening = sorted.filter((e) => e.date < hd.startDate).reduce((s, e) => s + signed(e), 0);
        expect(hd.openingBalance).toBe(opening);
        expect(hd.totalCredit).toBe(inPeriod.filter((e) => e.type === 'credit').reduce((s, e) => s + e.amount, 0));
        expect(hd.totalDebit).toBe(inPeriod.filter((e) => e.type === 'debit').reduce((s, e) => s + e.amount, 0));
        expect(hd.closingBalance).toBe(hd.openingBalance + hd.totalCredit - hd.totalDebit);
        expect(hd.entryCount).toBe(inPeriod.length);

        let balance = opening;
        expect(first.lines.map((l) => l.id)).toEqual(inPeriod.map((e) => e.id));
        for (const line of first.lines) {
          balance += signed(line);
          expect(line.balance).toBe(balance);
        }
        expect(first.lines.at(-1)?.balance ?? opening).toBe(hd.closingBalance);

        // Small pages, followed by their cursors, give the same lines with the same balances.
        const paged: StatementLine[] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await h.services.statements.page(actor, customerId, { ...query, limit: pageSize, ...(cursor ? { cursor } : {}) });
          expect(page.header).toEqual(hd);
          paged.push(...page.lines);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(paged).toEqual(first.lines);

        // Streamed in batches: the same lines again; and day points end at the closing balance.
        const streamed: StatementLine[] = [];
        for await (const batch of h.services.statements.lines(hd)) streamed.push(...batch);
        expect(streamed).toEqual(first.lines);
        const points = await h.services.statements.points(hd);
        expect(points.at(-1)?.balance ?? opening).toBe(hd.closingBalance);
        expect(points.map((pt) => pt.date)).toEqual([...new Set(inPeriod.map((e) => e.date))]);

        // Over the whole book the closing balance is the customer's balance.
        const whole = await h.services.statements.header(actor, customerId, {});
        const summary = await h.services.ledger.customerSummary(actor, customerId);
        expect(whole.closingBalance).toBe(summary.balance);
      }),
      { numRuns: 40 },
    );
  });

  it('when an entry is undone, then the statement marks the pair: reversed_by on the original, reverses on the reversal', async () => {
    const { customerId, entries } = await book([{ type: 'credit', amount: 500, date: '2026-03-01', reverse: true }]);
    const { lines } = await h.services.statements.page(actor, customerId, {});
    const [original, reversal] = entries;
    expect(lines.map((l) => [l.id, l.reverses, l.reversedBy])).toEqual([
      [original?.id, null, reversal?.id],
      [reversal?.id, original?.id, null],
    ]);
  });

  it("when another merchant asks for the statement, then it is customer_not_found", async () => {
    const { customerId } = await book([{ type: 'credit', amount: 500, date: '2026-03-01', reverse: false }]);
    const mallory = await registerActor(h.services, 'statement-mallory');
    await expect(h.services.statements.page(mallory, customerId, {})).rejects.toMatchObject({ code: 'customer_not_found' });
  });

  it('when the end is before the start, then it is invalid input naming end_date', async () => {
    const { customerId } = await book([]);
    await expect(h.services.statements.page(actor, customerId, { startDate: '2026-03-02', endDate: '2026-03-01' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
