import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import type { Due } from '../../src/domain/dues/dues.service.js';
import { manualClock, registerActor } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

const clock = manualClock(Date.parse('2026-03-31T12:00:00Z'));
let h: Harness;
beforeAll(async () => (h = await createHarness({ clock })));
afterAll(async () => h.close());

async function post(actor: Actor, customerId: number, type: 'credit' | 'debit', amountMinor: number, entryDate: string) {
  return (await h.services.ledger.post(actor, customerId, { type, amountMinor, entryDate })).entry.id;
}

async function allDues(actor: Actor, side: 'get' | 'give', limit: number): Promise<Due[]> {
  const out: Due[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await h.services.dues.page(actor, { side, limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

describe('dues', () => {
  it('when payments came in, then they settle the oldest credits first and what is left is aged by the credits it comes from; an undone credit is not aged', async () => {
    const actor = await registerActor(h.services, 'dues-fifo');
    const alice = await h.services.customers.create(actor, { name: 'Alice', phone: '+91 98000 11111' });
    await post(actor, alice.id, 'credit', 100_000, '2025-12-01');
    await post(actor, alice.id, 'credit', 50_000, '2026-02-15');
    await post(actor, alice.id, 'credit', 30_000, '2026-03-20');
    await post(actor, alice.id, 'debit', 120_000, '2026-03-25');
    const undone = await post(actor, alice.id, 'credit', 99_900, '2025-11-01');
    await h.services.ledger.reverse(actor, alice.id, undone);

    const [due] = (await h.services.dues.page(actor)).items;
    expect(due).toEqual({
      id: alice.id,
      name: 'Alice',
      phone: '+91 98000 11111',
      balance: 60_000,
      lastEntryDate: '2026-03-31',
      lastPaymentDate: '2026-03-25',
      daysSinceLastPayment: 6,
      // 1,200 paid settles December's 1,000 and 200 of February's 500: 300 of February and 300 of March remain.
      ageing: { upTo30: 30_000, from31To60: 30_000, from61To90: 0, over90: 0 },
    });
  });

  it('when a customer never paid, then the last payment is null, and all of an old debt is over 90 days', async () => {
    const actor = await registerActor(h.services, 'dues-never-paid');
    const bob = await h.services.customers.create(actor, { name: 'Bob' });
    await post(actor, bob.id, 'credit', 7_000, '2025-10-01');
    const [due] = (await h.services.dues.page(actor)).items;
    expect(due).toMatchObject({ balance: 7_000, lastPaymentDate: null, daysSinceLastPayment: null, ageing: { upTo30: 0, from31To60: 0, from61To90: 0, over90: 7_000 } });
  });

  it('when the merchant owes customers, then they are listed apart (side give), largest first, aged by what they paid in', async () => {
    const actor = await registerActor(h.services, 'dues-give');
    const advance = await h.services.customers.create(actor, { name: 'Advance' });
    await post(actor, advance.id, 'debit', 4_000, '2026-03-01');
    const small = await h.services.customers.create(actor, { name: 'Small advance' });
    await post(actor, small.id, 'debit', 100, '2026-01-10');
    await post(actor, small.id, 'credit', 40, '2026-03-30');
    expect((await h.services.dues.page(actor)).items).toEqual([]);
    const give = await allDues(actor, 'give', 1);
    expect(give.map((d) => [d.name, d.balance, d.lastPaymentDate])).toEqual([
      ['Advance', -4_000, null],
      ['Small advance', -60, '2026-03-30'],
    ]);
    expect(give[1]?.ageing).toEqual({ upTo30: 0, from31To60: 0, from61To90: 60, over90: 0 });
  });

  it('when any book is listed, then every customer with a balance on the side appears once, largest first, and the ageing adds up to the balance', async () => {
    let run = 0;
    const day = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2025, 8, 1 + n)).toISOString().slice(0, 10));
    const entry = fc.record({ customer: fc.nat(5), type: fc.constantFrom('credit' as const, 'debit' as const), amount: fc.integer({ min: 1, max: 100_000 }), date: day });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), async (entries, pageSize) => {
        run += 1;
        const actor = await registerActor(h.services, `dues-any-${run}`);
        const ids: number[] = [];
        for (let i = 0; i < 6; i++) ids.push((await h.services.customers.create(actor, { name: `C${i}` })).id);
        const balance = new Map<number, number>();
        for (const e of entries) {
          const id = ids[e.customer] ?? 0;
          await post(actor, id, e.type, e.amount, e.date);
          balance.set(id, (balance.get(id) ?? 0) + (e.type === 'credit' ? e.amount : -e.amount));
        }
        for (const side of ['get', 'give'] as const) {
          const listed = await allDues(actor, side, pageSize);
          const expected = [...balance.entries()].filter(([, b]) => (side === 'get' ? b > 0 : b < 0));
          expect(listed.map((d) => d.id).sort()).toEqual(expected.map(([id]) => id).sort());
          for (const d of listed) {
            expect(d.balance).toBe(balance.get(d.id));
            const a = d.ageing;
            expect(a.upTo30 + a.from31To60 + a.from61To90 + a.over90).toBe(Math.abs(d.balance));
          }
          const sizes = listed.map((d) => Math.abs(d.balance));
          expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
        }
      }),
      { numRuns: 25 },
    );
  });
});
