import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, onPostgres, TEST_DATABASE_URL } from '../support/database.js';
import { listen, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants } from '../support/fixtures.js';

if (!ON_POSTGRES) console.info('PostgreSQL outage test skipped: set TEST_DATABASE_URL=postgres://… to run it');

describe.runIf(ON_POSTGRES)('PostgreSQL connection loss', () => {
  let h: Harness;
  let token: string;
  let dbName: string;

  beforeAll(async () => {
    ({ h, tokens: { 'outage-shop': token } } = await harnessWithMerchants(['outage-shop']));
    dbName = new URL(h.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await onPostgres(TEST_DATABASE_URL, `alter database "${dbName}" allow_connections true`);
    await h.close();
  });

  it('when the database drops every connection and refuses new ones, then requests get a JSON 503, and the service recovers when it is back', async () => {
    expect((await request(h.app).get('/api/customers/').set(auth(token))).status).toBe(200);

    await onPostgres(TEST_DATABASE_URL, `alter database "${dbName}" allow_connections false`);
    await onPostgres(
      TEST_DATABASE_URL,
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`,
    );
    const during = await request(h.app).get('/api/customers/').set(auth(token));
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ code: 'database_unavailable', error: expect.any(String) });
    const health = await request(h.app).get('/healthz');
    expect(health.status).toBe(503);

    await onPostgres(TEST_DATABASE_URL, `alter database "${dbName}" allow_connections true`);
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await request(h.app).get('/api/customers/').set(auth(token))).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await request(h.app).get('/healthz')).status).toBe(200);
  });

  it('when connections are killed while writes and reads are in flight, then every answer is a 2xx or a 503, never a 500 (fault 9)', async () => {
    const customer = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Under load' })).body.id;
    const server = await listen(h.app);
    const statuses = new Map<number, number>();
    let stop = false;
    const worker = async (i: number) => {
      while (!stop) {
        const write = i % 2 === 0;
        const res = await fetch(`${server.url}/api/customers/${customer}/${write ? 'entries' : 'summary'}/`, {
          method: write ? 'POST' : 'GET',
          headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json', ...(write ? { 'Idempotency-Key': `load-${i}-${Math.random()}` } : {}) },
          ...(write ? { body: JSON.stringify({ type: 'credit', amount: '1' }) } : {}),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const running = Promise.all(Array.from({ length: 8 }, (_, i) => worker(i)));
    try {
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await onPostgres(TEST_DATABASE_URL, `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      stop = true;
      await running;
      await server.close();
    }
    console.info(`outage under load: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const integrity = await h.services.ledger.checkIntegrity();
    expect(integrity.mismatches).toEqual([]);
    expect(integrity.merchantMismatches).toEqual([]);
    expect(integrity.dayMismatches).toEqual([]);
  });
});
