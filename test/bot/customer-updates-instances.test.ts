import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from '../support/fixtures.js';
import { createBotHarness, createOtherInstance, type ApiCall, type BotHarness, type BotInstance } from './support.js';
import type { Runtime } from '../../src/runtime.js';

const BASE = 'https://ledger.example.test';
// A claim takes up to a second's worth of messages (20): 40 updates are more than one instance's claim.
const FAST = { perChatMs: 0, perSecond: 20 };
let a: BotHarness;
let b: BotInstance & { runtime: Runtime; close(): Promise<void> };
let token: string;
let alice: number;

const updatesIn = (calls: ApiCall[]) => calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Your account:')).map((c) => String(c.payload.text));

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

async function linkPath(): Promise<string> {
  return new URL((await request(a.app).post(`/api/customers/${alice}/share-links/`).set(auth(token)).send({})).body.url).pathname;
}

describe('two instances over one database', () => {
  it('when both send the outbox at once, then each update goes out once, from one of them', async () => {
    const page = await linkPath();
    // Subscribed through instance B's page and bot; entries posted through A's API.
    const code = new URL(String((await request(b.runtime.app).get(`${page}/updates`)).headers.location)).searchParams.get('start');
    await b.send(`/start ${code}`, { chatId: 9001 });
    const amounts = Array.from({ length: 40 }, (_, i) => `${i + 1}.00`);
    for (const amount of amounts) expect((await request(a.app).post(`/api/customers/${alice}/entries/`).set(auth(token)).send({ type: 'credit', amount })).status).toBe(201);
    const [fromA, fromB] = [a.calls.length, b.calls.length];
    const senderA = a.runtime.updatesSender;
    const senderB = b.runtime.updatesSender;
    if (!senderA || !senderB) throw new Error('no updates sender');
    await Promise.all([senderA.drain(), senderB.drain()]);
    const [sentA, sentB] = [updatesIn(a.calls.slice(fromA)), updatesIn(b.calls.slice(fromB))];
    expect(sentA.length).toBeGreaterThan(0);
    expect(sentB.length).toBeGreaterThan(0);
    const sent = [...sentA, ...sentB];
    const taken = sent.map((t) => /took ([\d.,]+) on credit/.exec(t)?.[1]);
    expect(taken.sort((x, y) => Number(x) - Number(y))).toEqual(amounts);
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
