import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshDatabase, ON_POSTGRES, type FreshDatabase } from '../support/database.js';
import { startService, type Started } from '../support/process.js';
import { runVerify } from '../support/verify.js';

if (!ON_POSTGRES) console.info('Multi-instance test skipped: set TEST_DATABASE_URL=postgres://… to run it');

const ENTRIES = 1000;
const CLIENTS = 32;
const CUSTOMERS = 8;
// Several merchants keep each token under the per-token rate limit whatever its configuration.
const MERCHANTS = 4;

describe.runIf(ON_POSTGRES)('several instances on one PostgreSQL database', () => {
  let db: FreshDatabase;
  let a: Started;
  let b: Started;

  beforeAll(async () => {
    db = await freshDatabase();
    // Started together: the migration lock makes one migrate while the other waits.
    [a, b] = await Promise.all([
      startService({ DATABASE_URL: db.url, LOG_LEVEL: 'info', REDIS_URL: process.env.TEST_REDIS_URL ?? '' }),
      startService({ DATABASE_URL: db.url, LOG_LEVEL: 'info', REDIS_URL: process.env.TEST_REDIS_URL ?? '' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const json = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  it('when both start at once, then the schema is migrated exactly once', () => {
    const applied = [a.output(), b.output()].filter((o) => o.includes('migrations applied'));
    expect(applied).toHaveLength(1);
    expect([a.output(), b.output()].filter((o) => o.includes('database schema is up to date'))).toHaveLength(1);
  });

  it('when 1,000 entries are posted by 32 clients across both, a tenth retried on the other instance, then no 5xx, no duplicates and exact totals', async () => {
    const instances = [a.url, b.url];
    const merchants: Array<{ token: string; customers: number[] }> = [];
    for (let m = 0; m < MERCHANTS; m++) {
      const reg = await json(`${instances[m % 2]}/api/auth/register/`, {
        method: 'POST',
        body: JSON.stringify({ username: `multi-${m}`, password: 'password123' }),
      });
      expect(reg.status).toBe(201);
      const token = z.object({ token: z.string() }).parse(reg.body).token;
      const customers: number[] = [];
      for (let c = 0; c < CUSTOMERS / MERCHANTS; c++) {
        const res = await json(`${instances[c % 2]}/api/customers/`, {
          method: 'POST',
          headers: { Authorization: `Token ${token}` },
          body: JSON.stringify({ name: `M${m}C${c}` }),
        });
        customers.push(z.object({ id: z.number() }).parse(res.body).id);
      }
      merchants.push({ token, customers });
    }

    const statuses: number[] = [];
    const retriedPairs: Array<[number, number]> = [];
    let next = 0;
    const worker = async () => {
      while (next < ENTRIES) {
        const i = next++;
        const merchant = merchants[i % MERCHANTS]!;
        const customer = merchant.customers[i % merchant.customers.length]!;
        const body = JSON.stringify({ type: i % 4 === 0 ? 'debit' : 'credit', amount: `${(i % 50) + 1}.${String(i % 100).padStart(2, '0')}` });
        const path = `/api/customers/${customer}/entries/`;
        const headers: Record<string, string> = { Authorization: `Token ${merchant.token}` };
        if (i % 10 === 0) {
          headers['Idempotency-Key'] = `multi-${i}`;
          // The same request at the same moment on both instances.
          const [first, second] = await Promise.all([
            json(`${instances[i % 2]}${path}`, { method: 'POST', headers, body }),
            json(`${instances[(i + 1) % 2]}${path}`, { method: 'POST', headers, body }),
          ]);
          statuses.push(first.status, second.status);
          retriedPairs.push([z.object({ id: z.number() }).parse(first.body).id, z.object({ id: z.number() }).parse(second.body).id]);
        } else {
          statuses.push((await json(`${instances[i % 2]}${path}`, { method: 'POST', headers, body })).status);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, worker));

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(retriedPairs).toHaveLength(ENTRIES / 10);
    for (const [x, y] of retriedPairs) expect(x).toBe(y);

    let entries = 0;
    for (const merchant of merchants) {
      for (const customer of merchant.customers) {
        const list = await json(`${a.url}/api/customers/${customer}/entries/?limit=1000`, { headers: { Authorization: `Token ${merchant.token}` } });
        const rows = z.array(z.object({ type: z.string(), amount: z.string() })).parse(list.body);
        entries += rows.length;
        // Exact decimal strings summed as integer cents.
        const cents = (s: string) => BigInt(s.replace('.', ''));
        const credit = rows.filter((r) => r.type === 'credit').reduce((sum, r) => sum + cents(r.amount), 0n);
        const debit = rows.filter((r) => r.type === 'debit').reduce((sum, r) => sum + cents(r.amount), 0n);
        const summary = z
          .object({ total_credit: z.string(), total_debit: z.string() })
          .parse((await json(`${b.url}/api/customers/${customer}/summary/`, { headers: { Authorization: `Token ${merchant.token}` } })).body);
        expect(cents(summary.total_credit)).toBe(credit);
        expect(cents(summary.total_debit)).toBe(debit);
      }
    }
    expect(entries).toBe(ENTRIES);
    // Every customer's totals and every merchant's one-row book agree, though both instances moved them at once.
    const verified = await runVerify(db.url);
    expect(verified.output).toContain('every total matches its entries');
    expect(verified.code).toBe(0);
  }, 120_000);
});
