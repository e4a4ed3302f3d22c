import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { MAX_TOTAL_MINOR } from '../../src/domain/money.js';
import { apiActor, auth, registerMerchant } from '../support/fixtures.js';
import { createHarness, sqlCount, sqlRows, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => (h = await createHarness()));
afterAll(async () => h.close());

/** The merchant's book the slow way: every active customer read and summed here. */
async function summedByHand(ownerId: number) {
  const rows = await sqlRows(h.db, 'select total_credit, total_debit, total_reversed from customers where owner_id = ? and archived = ?', [ownerId, false]);
  const book = { customerCount: 0, totalCredit: 0n, totalDebit: 0n, totalReversed: 0n, customersOwing: 0, customersOwed: 0, toGet: 0n, toGive: 0n };
  for (const r of rows) {
    const credit = BigInt(String(r.total_credit));
    const debit = BigInt(String(r.total_debit));
    book.customerCount += 1;
    book.totalCredit += credit;
    book.totalDebit += debit;
    book.totalReversed += BigInt(String(r.total_reversed));
    if (credit > debit) (book.customersOwing += 1), (book.toGet += credit - debit);
    if (debit > credit) (book.customersOwed += 1), (book.toGive += debit - credit);
  }
  return { ...book, balance: book.totalCredit - book.totalDebit };
}

type Op =
  | { kind: 'add'; merchant: number }
  | { kind: 'post'; merchant: number; customer: number; type: 'credit' | 'debit'; amount: number }
  | { kind: 'reverse'; merchant: number; customer: number; entry: number }
  | { kind: 'archive'; merchant: number; customer: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), merchant: fc.nat(1) }),
  fc.record({ kind: fc.constant('post' as const), merchant: fc.nat(1), customer: fc.nat(5), type: fc.constantFrom('credit' as const, 'debit' as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('post' as const), merchant: fc.nat(1), customer: fc.nat(5), type: fc.constantFrom('credit' as const, 'debit' as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('reverse' as const), merchant: fc.nat(1), customer: fc.nat(5), entry: fc.nat(20) }),
  fc.record({ kind: fc.constant('archive' as const), merchant: fc.nat(1), customer: fc.nat(5) }),
);

describe("a merchant's one-row book", () => {
  it('when customers are added, credited, debited, reversed and archived in any order by two merchants, then each overall summary equals the sum over its active customers after every step', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        run += 1;
        const actors: Actor[] = [];
        for (const m of [0, 1]) actors.push(await apiActor(h.services, await registerMerchant(h.app, `book-${run}-${m}`)));
        const customers: number[][] = [[], []];
        const entries = new Map<number, number[]>();
        for (const o of ops) {
          const actor = actors[o.merchant];
          if (!actor) throw new Error('no actor');
          const mine = customers[o.merchant] ?? [];
          const customer = 'customer' in o ? mine[o.customer % Math.max(1, mine.length)] : undefined;
          // Refusals (an archived customer, an entry reversed twice) are part of the game: the book must not move.
          await (async () => {
            if (o.kind === 'add') mine.push((await h.services.customers.create(actor, { name: `C${mine.length}` })).id);
            else if (customer === undefined) return;
            else if (o.kind === 'post') {
              const posted = await h.services.ledger.post(actor, customer, { type: o.type, amountMinor: o.amount });
              entries.set(customer, [...(entries.get(customer) ?? []), posted.entry.id]);
            } else if (o.kind === 'reverse') {
              const list = entries.get(customer) ?? [];
              const entry = list[o.entry % Math.max(1, list.length)];
              if (entry !== undefined) await h.services.ledger.reverse(actor, customer, entry);
            } else await h.services.customers.archive(actor, customer);
          })().catch((error: unknown) => {
            if (!(error instanceof Error) || !/reversed|not found|reversal/i.test(error.message)) throw error;
          });
          for (const a of actors) expect(await h.services.ledger.overallSummary(a)).toEqual(await summedByHand(a.ownerId));
        }
        expect((await h.services.ledger.checkIntegrity()).merchantMismatches).toEqual([]);
        expect((await h.services.ledger.checkIntegrity()).dayMismatches).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("when an entry would take the merchant's overall credit past the limit, though not the customer's, then 409 totals_limit_exceeded and nothing is written", async () => {
    const token = await registerMerchant(h.app, 'near-the-limit');
    const actor = await apiActor(h.services, token);
    const a = await h.services.customers.create(actor, { name: 'A' });
    const b = await h.services.customers.create(actor, { name: 'B' });
    const biggest = 99_999_999_999_999; // 999999999999.99, the largest amount an entry can have
    const fits = Math.floor(MAX_TOTAL_MINOR / biggest);
    for (let i = 0; i < fits; i++) await h.services.ledger.post(actor, a.id, { type: 'credit', amountMinor: biggest });
    const entriesBefore = await sqlCount(h.db, 'select count(*) as n from ledger_entries');

    const res = await request(h.app).post(`/api/customers/${b.id}/entries/`).set(auth(token)).send({ type: 'credit', amount: '999999999999.99' });

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('totals_limit_exceeded');
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(entriesBefore);
    expect((await request(h.app).get(`/api/customers/${b.id}/summary/`).set(auth(token))).body.total_credit).toBe('0.00');
    // A debit still fits: only the total that would pass the limit is refused.
    expect((await request(h.app).post(`/api/customers/${b.id}/entries/`).set(auth(token)).send({ type: 'debit', amount: '5' })).status).toBe(201);
    expect((await h.services.ledger.checkIntegrity()).merchantMismatches).toEqual([]);
    expect((await h.services.ledger.checkIntegrity()).dayMismatches).toEqual([]);
  });

  it("when a customer's own total would pass the limit, then 409 totals_limit_exceeded", async () => {
    const token = await registerMerchant(h.app, 'one-big-customer');
    const actor = await apiActor(h.services, token);
    const a = await h.services.customers.create(actor, { name: 'A' });
    const biggest = 99_999_999_999_999;
    for (let i = 0; i < Math.floor(MAX_TOTAL_MINOR / biggest); i++) await h.services.ledger.post(actor, a.id, { type: 'debit', amountMinor: biggest });
    const res = await request(h.app).post(`/api/customers/${a.id}/entries/`).set(auth(token)).send({ type: 'debit', amount: '999999999999.99' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('totals_limit_exceeded');
  });
});
