import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, onPostgres, TEST_DATABASE_URL } from '../support/database.js';
import { type Harness } from '../support/harness.js';
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
});
