import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listen, sqlCount, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants, registerMerchant } from '../support/fixtures.js';

let h: Harness;
let alice: string;
let bob: number;

beforeAll(async () => {
  ({ h, tokens: { alice } } = await harnessWithMerchants(['alice']));
  bob = (await request(h.app).post('/api/customers/').set(auth(alice)).send({ name: 'Bob' })).body.id;
});
afterAll(async () => h.close());

async function entryCount(): Promise<number> {
  return sqlCount(h.db, 'select count(*) as n from ledger_entries where customer_id = ?', [bob]);
}

const postEntry = (key: string, body: object, token = alice) =>
  request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).set('Idempotency-Key', key).send(body);

describe('Idempotency-Key', () => {
  it('when a POST is retried with the same key and body, then the same response comes back and nothing new is created', async () => {
    const before = await entryCount();
    const first = await postEntry('retry-1', { type: 'credit', amount: '25.00' });
    const again = await postEntry('retry-1', { amount: '25.00', type: 'credit' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await entryCount()).toBe(before + 1);
  });

  it('when the same key comes with a different body, then 422 and nothing is created', async () => {
    await postEntry('conflict-1', { type: 'credit', amount: '1' }).expect(201);
    const before = await entryCount();
    const res = await postEntry('conflict-1', { type: 'credit', amount: '2' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('idempotency_key_reused');
    expect(await entryCount()).toBe(before);
  });

  it('when the same key is used on another route, then 422', async () => {
    await postEntry('route-1', { type: 'credit', amount: '1' }).expect(201);
    const res = await request(h.app).post('/api/customers/').set(auth(alice)).set('Idempotency-Key', 'route-1').send({ name: 'X' });
    expect(res.status).toBe(422);
  });

  it('when two merchants use the same key, then each gets its own result', async () => {
    const other = await registerMerchant(h.app, 'other-merchant');
    const a = await request(h.app).post('/api/customers/').set(auth(alice)).set('Idempotency-Key', 'shared').send({ name: 'Same' });
    const b = await request(h.app).post('/api/customers/').set(auth(other)).set('Idempotency-Key', 'shared').send({ name: 'Same' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('when the first attempt fails validation, then nothing is stored and a corrected request with that key succeeds', async () => {
    const bad = await postEntry('fails-first', { type: 'credit', amount: '-1' });
    expect(bad.status).toBe(400);
    const retry = await postEntry('fails-first', { type: 'credit', amount: '-1' });
    expect(retry.status).toBe(400);
    const fixed = await postEntry('fails-first', { type: 'credit', amount: '1' });
    expect(fixed.status).toBe(201);
  });

  it('when a reversal and a customer creation are retried, then they replay too', async () => {
    const entry = (await postEntry('to-reverse', { type: 'credit', amount: '4' })).body;
    const url = `/api/customers/${bob}/entries/${entry.id}/reverse/`;
    const r1 = await request(h.app).post(url).set(auth(alice)).set('Idempotency-Key', 'rev-1').send({});
    const r2 = await request(h.app).post(url).set(auth(alice)).set('Idempotency-Key', 'rev-1').send({});
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    const c1 = await request(h.app).post('/api/customers/').set(auth(alice)).set('Idempotency-Key', 'cust-1').send({ name: 'Once' });
    const c2 = await request(h.app).post('/api/customers/').set(auth(alice)).set('Idempotency-Key', 'cust-1').send({ name: 'Once' });
    expect(c2.body).toEqual(c1.body);
  });

  it.each(['x'.repeat(256), 'naïve', 'tab\there'])('when the key is %j, then 400 naming the Idempotency-Key header', async (key) => {
    const res = await postEntry(key, { type: 'credit', amount: '1' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['Idempotency-Key']);
  });

  it('when the key has spaces in it (any printable ASCII), then it is a key like any other', async () => {
    const first = await postEntry('pay 2026-12-01 #1', { type: 'credit', amount: '1' });
    const again = await postEntry('pay 2026-12-01 #1', { type: 'credit', amount: '1' });
    expect(first.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('when 20 requests with one key arrive at once, then exactly one entry is created and all answer alike', async () => {
    const server = await listen(h.app);
    try {
      const before = await entryCount();
      const answers = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const res = await fetch(`${server.url}/api/customers/${bob}/entries/`, {
            method: 'POST',
            headers: { ...auth(alice), 'Content-Type': 'application/json', 'Idempotency-Key': 'burst-20' },
            body: JSON.stringify({ type: 'debit', amount: '7.77' }),
          });
          const body = z.object({ id: z.number() }).parse(await res.json());
          return { status: res.status, body };
        }),
      );
      expect(answers.every((a) => a.status === 201)).toBe(true);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await entryCount()).toBe(before + 1);
    } finally {
      await server.close();
    }
  });

  it('when a stored key is older than 24 hours, then it may be used again for a new request', async () => {
    await postEntry('old-key', { type: 'credit', amount: '1' }).expect(201);
    await h.db.em.getConnection().execute('update idempotency_keys set expires_at = ? where key = ?', [new Date(0), 'old-key']);
    const before = await entryCount();
    const res = await postEntry('old-key', { type: 'credit', amount: '2' });
    expect(res.status).toBe(201);
    expect(res.body.amount).toBe('2.00');
    expect(await entryCount()).toBe(before + 1);
  });
});
