import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, harnessWithMerchants, manualClock } from '../support/fixtures.js';
import { nextPath, type Harness } from '../support/harness.js';

let h: Harness;
let shop: string;
let mallory: string;
const clock = manualClock(Date.parse('2026-11-30T10:00:00Z'));

beforeAll(async () => {
  ({ h, tokens: { shop, mallory } } = await harnessWithMerchants(['shop', 'mallory'], { clock }));
  const customer = async (name: string, entries: Array<[string, string, string]>) => {
    const id = (await request(h.app).post('/api/customers/').set(auth(shop)).send({ name, phone: '+91 98000 00000' })).body.id;
    for (const [type, amount, date] of entries) await request(h.app).post(`/api/customers/${id}/entries/`).set(auth(shop)).send({ type, amount, entry_date: date });
  };
  await customer('Alice', [['credit', '1000', '2026-07-01'], ['credit', '500', '2026-11-15'], ['debit', '700', '2026-11-20']]);
  await customer('Bob', [['credit', '300', '2026-11-29']]);
  await customer('Settled', [['credit', '50', '2026-11-01'], ['debit', '50', '2026-11-02']]);
  await customer('Advance', [['debit', '2000', '2026-10-15']]);
  await request(h.app).post('/api/customers/').set(auth(mallory)).send({ name: 'Mallory owes' });
});
afterAll(async () => h.close());

describe('GET /api/reports/dues/', () => {
  it('when the merchant asks who owes, then those with a balance come largest first, with dates and first-in-first-out ageing', async () => {
    const res = await request(h.app).get('/api/reports/dues/').set(auth(shop));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: expect.any(Number),
        name: 'Alice',
        phone: '+91 98000 00000',
        balance: '800.00',
        last_entry_date: '2026-11-20',
        last_payment_date: '2026-11-20',
        days_since_last_payment: 10,
        // 700 paid settles 700 of July's 1,000: 300 of it (over 90 days) and November's 500 remain.
        ageing: { '0_30': '500.00', '31_60': '0.00', '61_90': '0.00', over_90: '300.00' },
      },
      {
        id: expect.any(Number),
        name: 'Bob',
        phone: '+91 98000 00000',
        balance: '300.00',
        last_entry_date: '2026-11-29',
        last_payment_date: null,
        days_since_last_payment: null,
        ageing: { '0_30': '300.00', '31_60': '0.00', '61_90': '0.00', over_90: '0.00' },
      },
    ]);
  });

  it('when asked for the give side, then customers the merchant owes are listed apart, with negative balances', async () => {
    const res = await request(h.app).get('/api/reports/dues/?side=give').set(auth(shop));
    expect(res.body.map((d: { name: string; balance: string; ageing: Record<string, string> }) => [d.name, d.balance, d.ageing['31_60']])).toEqual([['Advance', '-2000.00', '2000.00']]);
  });

  it('when the list is paged, then Link leads through it once', async () => {
    const names: string[] = [];
    let path: string | null = '/api/reports/dues/?limit=1';
    while (path) {
      const res = await request(h.app).get(path).set(auth(shop));
      names.push(...res.body.map((d: { name: string }) => d.name));
      path = nextPath(res.headers.link);
    }
    expect(names).toEqual(['Alice', 'Bob']);
  });

  it('when CSV is asked for, then the same list comes as CSV rows', async () => {
    const res = await request(h.app).get('/api/reports/dues/?format=csv').set(auth(shop));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows.map((r) => [r.name, r.balance, r.over_90, r.days_since_last_payment])).toEqual([
      ['Alice', '800.00', '300.00', '10'],
      ['Bob', '300.00', '0.00', ''],
    ]);
  });

  it('when another merchant asks, then it sees only its own (nobody owes it)', async () => {
    expect((await request(h.app).get('/api/reports/dues/').set(auth(mallory))).body).toEqual([]);
  });
});
