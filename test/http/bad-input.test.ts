import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants } from '../support/fixtures.js';

let h: Harness;
let token: string;
let otherToken: string;
let bob: number;
let othersCustomer: number;
let entryId: number;

beforeAll(async () => {
  ({ h, tokens: { alice: token, mallory: otherToken } } = await harnessWithMerchants(['alice', 'mallory']));
  bob = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Bob' })).body.id;
  othersCustomer = (await request(h.app).post('/api/customers/').set(auth(otherToken)).send({ name: 'M' })).body.id;
  entryId = (await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).send({ type: 'credit', amount: '1' })).body.id;
  // Touch both tokens now so last_used_at does not change during the table below.
  await request(h.app).get('/api/auth/me/').set(auth(otherToken));
});
afterAll(async () => h.close());

type Case = { name: string; method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: () => string; body?: object; raw?: string; status: number; code: string };

const entries = () => `/api/customers/${bob}/entries/`;
// A string or a number is read by the money rules (invalid_amount); anything else fails the shape (invalid_input).
const credit = (amount: unknown): Case => ({
  name: `amount ${JSON.stringify(amount)}`,
  method: 'post',
  path: entries,
  body: { type: 'credit', amount },
  status: 400,
  code: typeof amount === 'string' || typeof amount === 'number' ? 'invalid_amount' : 'invalid_input',
});

const CASES: Case[] = [
  // amounts
  ...['12abc', '1.005', '-5', '0', 'NaN', '1e3', '', '0.00', '1000000000000', ' 5', '1,000', 'Infinity'].map(credit),
  ...[-5, 0, 1.005, 1e21, 1e13, null, true, [], {}].map(credit),
  { name: 'amount missing', method: 'post', path: entries, body: { type: 'credit' }, status: 400, code: 'invalid_input' },
  // types
  { name: 'type missing', method: 'post', path: entries, body: { amount: '5' }, status: 400, code: 'invalid_input' },
  { name: 'type refund', method: 'post', path: entries, body: { type: 'refund', amount: '5' }, status: 400, code: 'invalid_input' },
  { name: 'type CREDIT', method: 'post', path: entries, body: { type: 'CREDIT', amount: '5' }, status: 400, code: 'invalid_input' },
  { name: 'type number', method: 'post', path: entries, body: { type: 1, amount: '5' }, status: 400, code: 'invalid_input' },
  // dates
  ...['2026-02-30', '2026-13-01', '26-01-01', '2026/01/01', 'today', '1899-12-31', '2026-01-01T00:00:00Z', ''].map(
    (entry_date): Case => ({ name: `entry_date ${entry_date}`, method: 'post', path: entries, body: { type: 'credit', amount: '5', entry_date }, status: 400, code: 'invalid_input' }),
  ),
  { name: 'note too long', method: 'post', path: entries, body: { type: 'credit', amount: '5', note: 'n'.repeat(501) }, status: 400, code: 'invalid_input' },
  { name: 'note not a string', method: 'post', path: entries, body: { type: 'credit', amount: '5', note: 5 }, status: 400, code: 'invalid_input' },
  // bodies
  { name: 'malformed JSON', method: 'post', path: entries, raw: '{"type": "credit",', status: 400, code: 'malformed_json' },
  { name: 'JSON array body', method: 'post', path: entries, raw: '[]', status: 400, code: 'invalid_input' },
  { name: 'JSON string body', method: 'post', path: entries, raw: '"credit"', status: 400, code: 'malformed_json' },
  { name: 'empty object', method: 'post', path: entries, body: {}, status: 400, code: 'invalid_input' },
  { name: 'customer without name', method: 'post', path: () => '/api/customers/', body: { phone: '1' }, status: 400, code: 'invalid_input' },
  { name: 'customer name too long', method: 'post', path: () => '/api/customers/', body: { name: 'x'.repeat(101) }, status: 400, code: 'invalid_input' },
  { name: 'patch with blank name', method: 'patch', path: () => `/api/customers/${bob}/`, body: { name: ' ' }, status: 400, code: 'invalid_input' },
  { name: 'put with bad phone', method: 'put', path: () => `/api/customers/${bob}/`, body: { name: 'B', phone: 'abc' }, status: 400, code: 'invalid_input' },
  { name: 'reverse with a long note', method: 'post', path: () => `/api/customers/${bob}/entries/${entryId}/reverse/`, body: { note: 'n'.repeat(501) }, status: 400, code: 'invalid_input' },
  // ids
  ...['abc', '-1', '0', '1e3', '1.5', '9223372036854775808', '99999999', '%00', ' 1'].map(
    (id): Case => ({ name: `customer id ${id}`, method: 'get', path: () => `/api/customers/${encodeURI(id)}/`, status: 404, code: 'customer_not_found' }),
  ),
  { name: 'entries of a missing customer', method: 'post', path: () => '/api/customers/99999/entries/', body: { type: 'credit', amount: '1' }, status: 404, code: 'customer_not_found' },
  { name: "entries of another merchant's customer", method: 'post', path: () => `/api/customers/${othersCustomer}/entries/`, body: { type: 'credit', amount: '1' }, status: 404, code: 'customer_not_found' },
  { name: 'reverse a missing entry', method: 'post', path: () => `/api/customers/${bob}/entries/99999/reverse/`, status: 404, code: 'entry_not_found' },
  { name: 'reverse entry id abc', method: 'post', path: () => `/api/customers/${bob}/entries/abc/reverse/`, status: 404, code: 'entry_not_found' },
  { name: 'delete missing customer', method: 'delete', path: () => '/api/customers/424242/', status: 404, code: 'customer_not_found' },
  // filters
  { name: 'filter type', method: 'get', path: () => `${entries()}?type=x`, status: 400, code: 'invalid_input' },
  { name: 'filter start_date', method: 'get', path: () => `${entries()}?start_date=2026-1-1`, status: 400, code: 'invalid_input' },
  { name: 'filter end before start', method: 'get', path: () => `${entries()}?start_date=2026-02-01&end_date=2026-01-01`, status: 400, code: 'invalid_input' },
  { name: 'filter limit', method: 'get', path: () => `${entries()}?limit=-1`, status: 400, code: 'invalid_input' },
  // A NUL byte would reach PostgreSQL as a query parameter, which it refuses: caught at the edge instead.
  { name: 'search with a NUL byte', method: 'get', path: () => '/api/customers/?search=%00', status: 400, code: 'invalid_input' },
  { name: 'login with a NUL byte', method: 'post', path: () => '/api/auth/login/', body: { username: 'a\u0000b', password: 'whatever1' }, status: 400, code: 'invalid_input' },
  // Half a surrogate pair is not text (PostgreSQL's json type refused it in a stored idempotent reply).
  { name: 'customer name with an unpaired surrogate', method: 'post', path: () => '/api/customers/', body: { name: 'Zo\ud800' }, status: 400, code: 'invalid_input' },
  { name: 'customer address with an unpaired low surrogate', method: 'post', path: () => '/api/customers/', body: { name: 'Zoe', address: '\udc00 street' }, status: 400, code: 'invalid_input' },
  { name: 'rename with an unpaired surrogate', method: 'patch', path: () => `/api/customers/${bob}/`, body: { name: 'Bob \ud83d' }, status: 400, code: 'invalid_input' },
  { name: 'entry note with an unpaired surrogate', method: 'post', path: () => entries(), body: { type: 'credit', amount: '1', note: 'rice \ud800' }, status: 400, code: 'invalid_input' },
  { name: 'unknown route', method: 'get', path: () => '/api/nothing-here/', status: 404, code: 'not_found' },
];

describe('hostile and mistaken requests', () => {
  it('when every bad request in the table is sent, then each gets its 4xx JSON error and the database is unchanged', async () => {
    const before = await dumpDatabase(h.db);
    for (const c of CASES) {
      let req = request(h.app)[c.method](c.path()).set(auth(token));
      if (c.raw !== undefined) req = req.set('Content-Type', 'application/json').send(c.raw);
      else if (c.body !== undefined) req = req.send(c.body);
      const res = await req;
      expect.soft(res.status, c.name).toBe(c.status);
      expect.soft(res.body.code, c.name).toBe(c.code);
      expect.soft(res.headers['content-type'], c.name).toMatch(/^application\/json/);
      expect.soft(typeof res.body.error, c.name).toBe('string');
      expect.soft(typeof res.body.fields, c.name).toBe('object');
    }
    expect(await dumpDatabase(h.db)).toBe(before);
  });
});
