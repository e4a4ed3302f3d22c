import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants } from '../support/fixtures.js';

let h: Harness;
let alice: string;
let mallory: string;
let customerId: number;
let entryId: number;

beforeAll(async () => {
  ({ h, tokens: { alice, mallory } } = await harnessWithMerchants(['alice', 'mallory']));
  customerId = (await request(h.app).post('/api/customers/').set(auth(alice)).send({ name: 'Alice Customer' })).body.id;
  entryId = (
    await request(h.app).post(`/api/customers/${customerId}/entries/`).set(auth(alice)).send({ type: 'credit', amount: '500' })
  ).body.id;
  await request(h.app).get('/api/auth/me/').set(auth(mallory));
});
afterAll(async () => h.close());

describe("another merchant's token on every customer-scoped route", () => {
  const routes: Array<[string, 'get' | 'post' | 'put' | 'patch' | 'delete', () => string, object | undefined]> = [
    ['read the customer', 'get', () => `/api/customers/${customerId}/`, undefined],
    ['replace the customer', 'put', () => `/api/customers/${customerId}/`, { name: 'Taken' }],
    ['patch the customer', 'patch', () => `/api/customers/${customerId}/`, { phone: '1' }],
    ['delete the customer', 'delete', () => `/api/customers/${customerId}/`, undefined],
    ['list the entries', 'get', () => `/api/customers/${customerId}/entries/`, undefined],
    ['post an entry', 'post', () => `/api/customers/${customerId}/entries/`, { type: 'debit', amount: '500' }],
    ['reverse an entry', 'post', () => `/api/customers/${customerId}/entries/${entryId}/reverse/`, {}],
    ['read the summary', 'get', () => `/api/customers/${customerId}/summary/`, undefined],
  ];

  it.each(routes)('when Mallory tries to %s, then 404 JSON and nothing changes', async (_what, method, path, body) => {
    const before = await dumpDatabase(h.db);
    let req = request(h.app)[method](path()).set(auth(mallory));
    if (body) req = req.send(body);
    const res = await req;
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('customer_not_found');
    expect(await dumpDatabase(h.db)).toBe(before);
  });

  it("when Mallory lists customers or asks for her summary, then Alice's data is not in it", async () => {
    const list = await request(h.app).get('/api/customers/').set(auth(mallory));
    expect(list.body).toEqual([]);
    const summary = await request(h.app).get('/api/summary/').set(auth(mallory));
    expect(summary.body.total_credit).toBe('0.00');
  });

  it('when Alice asks afterwards, then her customer and entry are intact', async () => {
    const summary = await request(h.app).get(`/api/customers/${customerId}/summary/`).set(auth(alice));
    expect(summary.body).toEqual({ total_credit: '500.00', total_debit: '0.00', balance: '500.00' });
  });
});
