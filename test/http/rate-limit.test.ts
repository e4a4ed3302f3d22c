import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { connectRedisCounters, type RedisCounters } from '../../src/http/rate-limit-redis.js';
import { createLogger } from '../../src/logger.js';
import { createHarness, sqlCount, type Harness } from '../support/harness.js';
import { auth, registerMerchant } from '../support/fixtures.js';
import { startService } from '../support/process.js';

const AUTH_LIMIT = 3;
const API_LIMIT = 5;
const REDIS_URL = 'redis://127.0.0.1:6379';

let h: Harness;
let ipCounter = 0;
// The app trusts X-Forwarded-For from loopback (a local reverse proxy), so each test can act from its own address.
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  h = await createHarness({ rateLimits: { authPerWindow: AUTH_LIMIT, apiPerWindow: API_LIMIT } });
  // Registered through the services: the HTTP register route is itself limited.
  await h.services.auth.register({ username: 'alice', password: 'correct horse' });
});
afterAll(async () => h.close());

function expectRateLimited(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.type).toBe('application/json');
  expect(res.body).toEqual({ error: expect.stringMatching(/too many requests/i), code: 'rate_limited', fields: {} });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
}

const login = (ip: string, username: string, password = 'wrong password') =>
  request(h.app).post('/api/auth/login/').set('X-Forwarded-For', ip).send({ username, password });

describe('login and register limits', () => {
  it('when one address tries more logins than the limit, then it gets 429 JSON with Retry-After while another address still gets through', async () => {
    const ip = freshIp();
    for (let i = 0; i < AUTH_LIMIT; i += 1) expect((await login(ip, `guess${i}`)).status).toBe(400);
    expectRateLimited(await login(ip, 'alice', 'correct horse'));
    expect((await login(freshIp(), 'alice', 'correct horse')).status).toBe(200);
  });

  it('when one username is guessed at from many addresses, then an address that failed for it is refused, but the merchant at an address that has not failed still logs in (fault 12)', async () => {
    await h.services.auth.register({ username: 'bob-target', password: 'correct horse' });
    const guessers = Array.from({ length: AUTH_LIMIT }, freshIp);
    for (const ip of guessers) expect((await login(ip, 'bob-target')).status).toBe(400);
    // Past the limit of failures for the username, an address that has failed for it gets no more tries…
    const blocked = await login(guessers[0] ?? '', 'bob-target', 'correct horse');
    expectRateLimited(blocked);
    expect(blocked.body.token).toBeUndefined();
    // …while the merchant, from an address that never failed for it, is not locked out.
    expect((await login(freshIp(), 'bob-target', 'correct horse')).status).toBe(200);
    // Other usernames are not affected by bob-target's counter.
    expect((await login(freshIp(), 'alice', 'correct horse')).status).toBe(200);
  });

  it('when one address keeps failing for one username, then it is refused past the limit, even with the right password', async () => {
    await h.services.auth.register({ username: 'carol-target', password: 'correct horse' });
    const ip = freshIp();
    // One address, one username: the per-address limit would allow AUTH_LIMIT attempts; failures stop it first.
    for (let i = 0; i < AUTH_LIMIT; i += 1) expect((await login(ip, 'carol-target')).status).toBe(400);
    expectRateLimited(await login(ip, 'carol-target', 'correct horse'));
  });

  it('when the path is written without its trailing slash or in capitals, then the attempts count just the same', async () => {
    const ip = freshIp();
    const paths = ['/api/auth/login', '/API/auth/login/', '/api/auth/login/'];
    for (const path of paths) {
      expect((await request(h.app).post(path).set('X-Forwarded-For', ip).send({ username: 'x1', password: 'y' })).status).toBe(400);
    }
    expectRateLimited(await request(h.app).post('/api/auth/login').set('X-Forwarded-For', ip).send({ username: 'x2', password: 'y' }));
  });

  it('when X-Forwarded-For carries something that is not an address, then the connection address is counted (rotating junk does not escape)', async () => {
    for (let i = 0; i < AUTH_LIMIT; i += 1) expect((await login(`junk-${i}`, `guess-junk-${i}`)).status).toBe(400);
    expectRateLimited(await login('junk-x', 'guess-junk-x'));
  });

  it('when one address registers more than the limit, then 429 and no further user is created', async () => {
    const ip = freshIp();
    for (let i = 0; i < AUTH_LIMIT; i += 1) {
      const res = await request(h.app).post('/api/auth/register/').set('X-Forwarded-For', ip).send({ username: `reg-ip-${i}`, password: 'correct horse' });
      expect(res.status).toBe(201);
    }
    const users = await sqlCount(h.db, 'select count(*) as n from users');
    const res = await request(h.app).post('/api/auth/register/').set('X-Forwarded-For', ip).send({ username: 'reg-ip-x', password: 'correct horse' });
    expectRateLimited(res);
    expect(await sqlCount(h.db, 'select count(*) as n from users')).toBe(users);
  });

  it('when one username is registered for from many addresses, then past the limit 429 instead of the usual answer', async () => {
    for (let i = 0; i < AUTH_LIMIT; i += 1) {
      const res = await request(h.app).post('/api/auth/register/').set('X-Forwarded-For', freshIp()).send({ username: 'alice', password: 'correct horse' });
      expect(res.body.code).toBe('username_taken');
    }
    expectRateLimited(await request(h.app).post('/api/auth/register/').set('X-Forwarded-For', freshIp()).send({ username: 'alice', password: 'correct horse' }));
  });
});

describe('API limit per token', () => {
  it('when one token makes more requests than the limit, then 429 and nothing is written, while another token is unaffected', async () => {
    const { token } = await h.services.auth.register({ username: 'busy-shop', password: 'correct horse' });
    const { token: other } = await h.services.auth.register({ username: 'quiet-shop', password: 'correct horse' });
    const created = await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Carol' });
    expect(created.status).toBe(201);
    for (let i = 1; i < API_LIMIT; i += 1) expect((await request(h.app).get('/api/summary/').set(auth(token))).status).toBe(200);
    const entries = await sqlCount(h.db, 'select count(*) as n from ledger_entries');
    const res = await request(h.app)
      .post(`/api/customers/${created.body.id}/entries/`)
      .set(auth(token))
      .send({ type: 'credit', amount: '5' });
    expectRateLimited(res);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(entries);
    expect((await request(h.app).get('/api/summary/').set(auth(other))).status).toBe(200);
  });

  it('when the same token is spelled differently in the header, then every spelling counts against one quota (fault 4)', async () => {
    const { token } = await h.services.auth.register({ username: 'spelling-shop', password: 'correct horse' });
    const spellings = [`Token ${token}`, `token ${token}`, `TOKEN ${token}`, `Token    ${token}`, `Token ${token}  `, `ToKeN\t${token}`];
    const statuses: number[] = [];
    for (const header of spellings) statuses.push((await request(h.app).get('/api/auth/me/').set('Authorization', header)).status);
    expect(statuses).toEqual([...Array<number>(API_LIMIT).fill(200), 429]);
  });

  it('when requests are under the limit, then they carry RateLimit headers and succeed', async () => {
    const { token } = await h.services.auth.register({ username: 'calm-shop', password: 'correct horse' });
    const res = await request(h.app).get('/api/auth/me/').set(auth(token));
    expect(res.status).toBe(200);
    expect(res.headers['ratelimit-policy']).toContain(`${API_LIMIT};w=60`);
  });
});

describe('Redis store', () => {
  let store: RedisCounters;
  let apps: ReturnType<typeof createApp>[];

  beforeAll(async () => {
    store = connectRedisCounters(REDIS_URL, createLogger('silent'), Date.now);
    for (let i = 0; i < 200 && store.counters.status() !== 'ok'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    // Two app instances over one Redis: like two processes behind a load balancer.
    apps = [0, 1].map(() =>
      createApp({ services: h.services, documents: h.runtime.documents, db: h.db, logger: createLogger('silent'), rateLimits: { authPerWindow: AUTH_LIMIT, apiPerWindow: API_LIMIT, counters: store.counters } }),
    );
  });
  afterAll(async () => store.close());

  it('when attempts are spread over two instances, then they share one counter', async () => {
    // A random address, so counters left in Redis by an earlier run within the minute do not interfere.
    const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_LIMIT; i += 1) {
      const app = apps[i % 2];
      if (!app) throw new Error('no app');
      const res = await request(app).post('/api/auth/login/').set('X-Forwarded-For', ip).send({ username: `spread-${randomInt(1e9)}`, password: 'nope nope' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(AUTH_LIMIT).fill(400), 429]);
  });

  it('when two ledgers share one Redis, then their tokens never share a quota, though each is token 1 of its own database', async () => {
    const ledgers = [await createHarness(), await createHarness()];
    try {
      const [first, second] = ledgers.map((x) =>
        createApp({ services: x.services, documents: x.runtime.documents, db: x.db, logger: createLogger('silent'), rateLimits: { authPerWindow: AUTH_LIMIT, apiPerWindow: API_LIMIT, counters: store.counters } }),
      );
      const [tokenA, tokenB] = await Promise.all(ledgers.map(async (x, i) => (await x.services.auth.register({ username: `shared-redis-${i}`, password: 'correct horse' })).token));
      const ids = await Promise.all(ledgers.map(async (x, i) => (await x.services.auth.authenticate([tokenA, tokenB][i] ?? '')).tokenId));
      expect(ids).toEqual([1, 1]);
      if (!first || !second || !tokenA || !tokenB) throw new Error('two ledgers expected');
      for (let i = 0; i < API_LIMIT; i++) expect((await request(first).get('/api/auth/me/').set(auth(tokenA))).status).toBe(200);
      expect((await request(first).get('/api/auth/me/').set(auth(tokenA))).status).toBe(429);
      // The other ledger's token 1 has a count of its own.
      expect((await request(second).get('/api/auth/me/').set(auth(tokenB))).status).toBe(200);
    } finally {
      await Promise.all(ledgers.map((x) => x.close()));
    }
  });

  it('when the service runs with RATE_LIMIT_AUTH_PER_MIN and REDIS_URL, then its counters are in Redis and the limit applies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-rl-'));
    const service = await startService({ DATABASE_URL: `file:${join(dir, 'ledger.db')}`, RATE_LIMIT_AUTH_PER_MIN: '2', REDIS_URL });
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      // Until Redis answers the limits fail open (and the client connects in the background): wait for /healthz to say it does.
      await vi.waitFor(async () => expect(await (await fetch(`${service.url}/healthz`)).json()).toMatchObject({ redis: 'ok' }), { timeout: 15_000, interval: 50 });
      const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await fetch(`${service.url}/api/auth/login/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
          body: JSON.stringify({ username: `proc-${randomInt(1e9)}`, password: 'nope nope' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([400, 400, 429]);
      expect((await redis.keys('mini-ledger:rl:login-ip:*')).length).toBeGreaterThan(0);
    } finally {
      await redis.close();
      expect(await service.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
