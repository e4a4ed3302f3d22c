import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from '../support/fixtures.js';
import { createBotHarness, createOtherInstance, type ApiCall, type BotHarness, type BotInstance } from './support.js';
import type { Runtime } from '../../src/runtime.js';

const BASE = 'https://ledger.example.test';
// A claim takes up to a second's worth of messages (20): each chat's 40 updates are more than one claim.
const FAST = { perChatMs: 0, perSecond: 20 };
let a: BotHarness;
let b: BotInstance & { runtime: Runtime; close(): Promise<void> };
let token: string;
let alice: number;

const updatesIn = (calls: ApiCall[]) => calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Your account:')).map((c) => String(c.payload.text));
const amountsTo = (calls: ApiCall[], chatId: number) =>
  updatesIn(calls.filter((c) => c.payload.chat_id === chatId)).map((t) => Number(/took ([\d.,]+) on credit/.exec(t)?.[1]));

beforeAll(async () => {
  a = await createBotHarness({ publicBaseUrl: BASE, updatesSender: FAST });
  b = await createOtherInstance(a, { publicBaseUrl: BASE, updatesSender: FAST });
  token = await a.merchant('corner');
  alice = (await request(a.app).post('/api/customers/').set(auth(token)).send({ name: 'Alice' })).body.id;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function linkPath(customer = alice): Promise<string> {
  return new URL((await request(a.app).post(`/api/customers/${customer}/share-links/`).set(auth(token)).send({})).body.url).pathname;
}

describe('two instances over one database', () => {
  it('when both send the outbox at once, then each update goes out once, from one of them, and each chat hears its own in order', async () => {
    const bob = (await request(a.app).post('/api/customers/').set(auth(token)).send({ name: 'Bob' })).body.id;
    // Alice's chat subscribed through instance B's page and bot, Bob's through A's; entries posted through A's API.
    for (const [customer, chatId, via] of [[alice, 9001, b], [bob, 9002, a]] as const) {
      const page = await linkPath(customer);
      const code = new URL(String((await request(via.runtime.app).get(`${page}/updates`)).headers.location)).searchParams.get('start');
      await via.send(`/start ${code}`, { chatId });
    }
    const amounts = Array.from({ length: 40 }, (_, i) => `${i + 1}.00`);
    for (const customer of [alice, bob]) {
      for (const amount of amounts) expect((await request(a.app).post(`/api/customers/${customer}/entries/`).set(auth(token)).send({ type: 'credit', amount })).status).toBe(201);
    }
    const [fromA, fromB] = [a.calls.length, b.calls.length];
    const senderA = a.runtime.updatesSender;
    const senderB = b.runtime.updatesSender;
    if (!senderA || !senderB) throw new Error('no updates sender');
    await Promise.all([senderA.drain(), senderB.drain()]);
    const [sentA, sentB] = [a.calls.slice(fromA), b.calls.slice(fromB)];
    expect(updatesIn(sentA).length).toBeGreaterThan(0);
    expect(updatesIn(sentB).length).toBeGreaterThan(0);
    for (const chatId of [9001, 9002]) {
      const [byA, byB] = [amountsTo(sentA, chatId), amountsTo(sentB, chatId)];
      // In order from each instance (and an instance takes a chat's next ones only once the earlier are sent).
      expect(byA).toEqual([...byA].sort((x, y) => x - y));
      expect(byB).toEqual([...byB].sort((x, y) => x - y));
      expect([...byA, ...byB].sort((x, y) => x - y)).toEqual(amounts.map(Number));
    }
  });

  it('when the merchant revokes a link on one instance, then the other serves its 404 at once', async () => {
    const page = await linkPath();
    expect((await request(b.runtime.app).get(page)).status).toBe(200);
    const id = (await request(a.app).get(`/api/customers/${alice}/share-links/`).set(auth(token))).body.find((l: { url: string }) => l.url.endsWith(page)).id;
    expect((await request(a.app).delete(`/api/customers/${alice}/share-links/${id}/`).set(auth(token))).status).toBe(204);
    const after = await request(b.runtime.app).get(page);
    expect(after.status).toBe(404);
    expect(after.text).toContain('This link is no longer valid');
    expect((await request(b.runtime.app).get(`${page}/statement.pdf`)).status).toBe(404);
  });
});
