import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, nextPath, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants, registerMerchant } from '../support/fixtures.js';

let h: Harness;
let alice: string;
let mallory: string;

beforeAll(async () => ({ h, tokens: { alice, mallory } } = await harnessWithMerchants(['alice', 'mallory'])));
afterAll(async () => h.close());

async function newCustomer(token = alice, name = 'Bob'): Promise<number> {
  const res = await request(h.app).post('/api/customers/').set(auth(token)).send({ name });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function post(customerId: number, body: object, token = alice) {
  return request(h.app).post(`/api/customers/${customerId}/entries/`).set(auth(token)).send(body);
}

const today = () => new Date().toISOString().slice(0, 10);

describe('POST /api/customers/{id}/entries/', () => {
  it('when Alice gives Bob 5000 and gets 2000 back, then the summary is 5000/2000/3000 to the cent', async () => {
    const bob = await newCustomer();
    const credit = await post(bob, { type: 'credit', amount: '5000', note: 'rice' });
    expect(credit.status).toBe(201);
    expect(credit.body).toEqual({
      id: expect.any(Number),
      customer: bob,
      type: 'credit',
      amount: '5000.00',
      note: 'rice',
      entry_date: today(),
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      reverses: null,
      channel: 'api',
    });
    expect((await post(bob, { type: 'debit', amount: 2000, entry_date: '2026-01-15' })).status).toBe(201);
    const summary = await request(h.app).get(`/api/customers/${bob}/summary/`).set(auth(alice));
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ total_credit: '5000.00', total_debit: '2000.00', balance: '3000.00' });
  });

  it('when cents are added many times, then the totals stay exact (no float drift)', async () => {
    const c = await newCustomer();
    for (let i = 0; i < 10; i++) expect((await post(c, { type: 'credit', amount: 0.1 })).status).toBe(201);
    const summary = await request(h.app).get(`/api/customers/${c}/summary/`).set(auth(alice));
    expect(summary.body.total_credit).toBe('1.00');
  });

  it('when a customer pays more than owed, then the balance goes negative', async () => {
    const c = await newCustomer();
    await post(c, { type: 'debit', amount: '12.34' });
    const summary = await request(h.app).get(`/api/customers/${c}/summary/`).set(auth(alice));
    expect(summary.body).toEqual({ total_credit: '0.00', total_debit: '12.34', balance: '-12.34' });
  });

  it('when another merchant posts to Alice\'s customer, then 404 and nothing is written', async () => {
    const c = await newCustomer();
    const before = await dumpDatabase(h.db, ['customers', 'ledger_entries']);
    const res = await post(c, { type: 'credit', amount: '1' }, mallory);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('customer_not_found');
    expect(await dumpDatabase(h.db, ['customers', 'ledger_entries'])).toBe(before);
  });
});

describe('GET /api/customers/{id}/entries/', () => {
  let c: number;
  beforeAll(async () => {
    c = await newCustomer(alice, 'Filtered');
    const rows = [
      ['credit', '10', '2026-03-05'],
      ['debit', '20', '2026-03-01'],
      ['credit', '30', '2026-03-10'],
      ['debit', '40', '2026-03-05'],
      ['credit', '50', '2026-02-28'],
    ];
    for (const [type, amount, entry_date] of rows) expect((await post(c, { type, amount, entry_date })).status).toBe(201);
  });

  const list = (query = '') => request(h.app).get(`/api/customers/${c}/entries/${query}`).set(auth(alice));

  it('when listed, then it is a plain array in (entry_date, id) order', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.map((e: { amount: string }) => e.amount)).toEqual(['50.00', '20.00', '10.00', '40.00', '30.00']);
  });

  it.each([
    ['?type=credit', ['50.00', '10.00', '30.00']],
    ['?type=debit', ['20.00', '40.00']],
    ['?start_date=2026-03-05', ['10.00', '40.00', '30.00']],
    ['?end_date=2026-03-01', ['50.00', '20.00']],
    ['?start_date=2026-03-01&end_date=2026-03-05', ['20.00', '10.00', '40.00']],
    ['?type=credit&start_date=2026-03-01&end_date=2026-03-05', ['10.00']],
    ['?start_date=2026-03-05&end_date=2026-03-05', ['10.00', '40.00']],
    ['?start_date=2027-01-01', []],
  ])('when filtered by %s, then exactly the matching entries come back (inclusive)', async (query, amounts) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { amount: string }) => e.amount)).toEqual(amounts);
  });

  it.each([
    '?type=refund', '?start_date=2026-13-01', '?end_date=yesterday', '?start_date=2026-02-30',
    '?start_date=2026-03-10&end_date=2026-03-01', '?limit=0', '?limit=1001', '?limit=abc', '?cursor=garbage',
    '?type=credit&type=debit',
  ])('when the filter is %s, then 400 JSON', async (query) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
  });

  it('when another merchant lists Alice\'s entries, then 404', async () => {
    const res = await request(h.app).get(`/api/customers/${c}/entries/`).set(auth(mallory));
    expect(res.status).toBe(404);
  });

  it('when paging with a small limit, then every entry is seen exactly once in order, also with a filter', async () => {
    const all = (await list()).body.map((e: { id: number }) => e.id);
    for (const [limit, filter] of [[1, ''], [2, ''], [3, ''], [1, '&type=credit']] as const) {
      const seen: number[] = [];
      let path: string | null = `/api/customers/${c}/entries/?limit=${limit}${filter}`;
      while (path) {
        const res = await request(h.app).get(path).set(auth(alice));
        expect(res.status).toBe(200);
        seen.push(...res.body.map((e: { id: number }) => e.id));
        path = nextPath(res.headers.link);
      }
      const expected = filter ? (await list('?type=credit')).body.map((e: { id: number }) => e.id) : all;
      expect(seen).toEqual(expected);
    }
  });

  it('when everything fits in one page, then there is no Link header', async () => {
    expect((await list('?limit=5')).headers.link).toBeUndefined();
    expect((await list('?limit=4')).headers.link).toContain('rel="next"');
  });
});

describe('POST /api/customers/{id}/entries/{entry_id}/reverse/', () => {
  it('when an entry is reversed, then the opposite entry points at it and the balance is restored', async () => {
    const c = await newCustomer();
    const original = (await post(c, { type: 'credit', amount: '700.50' })).body;
    const res = await request(h.app).post(`/api/customers/${c}/entries/${original.id}/reverse/`).set(auth(alice)).send({ note: 'typo' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'debit', amount: '700.50', reverses: original.id, note: 'typo', customer: c });
    const summary = await request(h.app).get(`/api/customers/${c}/summary/`).set(auth(alice));
    expect(summary.body).toEqual({ total_credit: '700.50', total_debit: '700.50', balance: '0.00' });
  });

  it('when no body is sent, then the reversal gets a default note', async () => {
    const c = await newCustomer();
    const original = (await post(c, { type: 'debit', amount: '5' })).body;
    const res = await request(h.app).post(`/api/customers/${c}/entries/${original.id}/reverse/`).set(auth(alice));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'credit', note: `Reversal of entry #${original.id}` });
  });

  it('when an entry is reversed twice, or a reversal is reversed, then 409 and nothing is written', async () => {
    const c = await newCustomer();
    const original = (await post(c, { type: 'credit', amount: '9' })).body;
    const reversal = (await request(h.app).post(`/api/customers/${c}/entries/${original.id}/reverse/`).set(auth(alice))).body;
    const before = await dumpDatabase(h.db, ['customers', 'ledger_entries']);
    const twice = await request(h.app).post(`/api/customers/${c}/entries/${original.id}/reverse/`).set(auth(alice));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_reversed');
    const ofReversal = await request(h.app).post(`/api/customers/${c}/entries/${reversal.id}/reverse/`).set(auth(alice));
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.code).toBe('cannot_reverse_reversal');
    expect(await dumpDatabase(h.db, ['customers', 'ledger_entries'])).toBe(before);
  });

  it('when ten reversals of one entry race, then exactly one succeeds', async () => {
    const c = await newCustomer();
    const original = (await post(c, { type: 'credit', amount: '3' })).body;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(h.app).post(`/api/customers/${c}/entries/${original.id}/reverse/`).set(auth(alice)),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('when the entry belongs to another customer or merchant, then 404', async () => {
    const c1 = await newCustomer();
    const c2 = await newCustomer();
    const entry = (await post(c1, { type: 'credit', amount: '3' })).body;
    expect((await request(h.app).post(`/api/customers/${c2}/entries/${entry.id}/reverse/`).set(auth(alice))).status).toBe(404);
    expect((await request(h.app).post(`/api/customers/${c1}/entries/${entry.id}/reverse/`).set(auth(mallory))).status).toBe(404);
    expect((await request(h.app).post(`/api/customers/${c1}/entries/999999/reverse/`).set(auth(alice))).body.code).toBe('entry_not_found');
  });
});

describe('GET /api/summary/', () => {
  it('when a merchant has several customers, then it sums them exactly and counts who owes', async () => {
    const token = await registerMerchant(h.app, 'summary-shop');
    const a = await newCustomer(token, 'A');
    const b = await newCustomer(token, 'B');
    await newCustomer(token, 'C');
    const gone = await newCustomer(token, 'Archived');
    await post(a, { type: 'credit', amount: '100.10' }, token);
    await post(b, { type: 'credit', amount: '50' }, token);
    await post(b, { type: 'debit', amount: '80.05' }, token);
    await post(gone, { type: 'credit', amount: '1000' }, token);
    await request(h.app).delete(`/api/customers/${gone}/`).set(auth(token)).expect(204);
    const res = await request(h.app).get('/api/summary/').set(auth(token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total_credit: '150.10',
      total_debit: '80.05',
      balance: '70.05',
      customer_count: 3,
      customers_owing: 1,
    });
  });

  it('when another merchant asks, then it sees only its own (empty) totals', async () => {
    const token = await registerMerchant(h.app, 'empty-shop');
    const res = await request(h.app).get('/api/summary/').set(auth(token));
    expect(res.body).toEqual({ total_credit: '0.00', total_debit: '0.00', balance: '0.00', customer_count: 0, customers_owing: 0 });
  });
});
