import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { openDatabase, type Database } from '../../src/db/orm.js';
import type { Actor } from '../../src/domain/actor.js';
import { systemClock, type Clock } from '../../src/domain/clock.js';
import { createServices, type Services } from '../../src/domain/services.js';
import { createApp } from '../../src/http/app.js';
import type { RateLimits } from '../../src/http/rate-limit.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase } from './database.js';

export type Harness = {
  db: Database;
  services: Services;
  app: Express;
  databaseUrl: string;
  close(): Promise<void>;
};

/**
 * The real graph (services, Express app) on a fresh migrated database of its own: a SQLite file, or a
 * PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function createHarness(
  options: { clock?: Clock; bcryptCost?: number; rateLimits?: RateLimits } = {},
): Promise<Harness> {
  const fresh = await freshDatabase();
  const databaseUrl = fresh.url;
  const db = await openDatabase({ databaseUrl, sqliteBusyTimeoutMs: 5000 });
  await db.migrate();
  const services = createServices({ em: db.em, clock: options.clock ?? systemClock, bcryptCost: options.bcryptCost ?? 4 });
  // Tests register many merchants from one address: limits are off unless a test asks for them.
  const rateLimits = options.rateLimits ?? { authPerWindow: 1_000_000, apiPerWindow: 1_000_000 };
  const app = createApp({ services, db, logger: createLogger('silent'), rateLimits });
  return {
    db,
    services,
    app,
    databaseUrl,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}

/** Registers a merchant through the API and returns its token. */
export async function registerMerchant(app: Express, username: string, password = 'correct horse'): Promise<string> {
  const res = await request(app).post('/api/auth/register/').send({ username, password });
  expect(res.status).toBe(201);
  expect(typeof res.body.token).toBe('string');
  return String(res.body.token);
}

/** An actor for calling services directly, built through the real auth service. */
export async function registerActor(services: Services, username: string): Promise<Actor> {
  const { token } = await services.auth.register({ username, password: 'correct horse' });
  const principal = await services.auth.authenticate(token);
  return { ownerId: principal.userId, channel: 'api', tokenId: principal.tokenId, chatId: null };
}

export const auth = (token: string) => ({ Authorization: `Token ${token}` });

const TABLES = ['users', 'api_tokens', 'customers', 'ledger_entries', 'idempotency_keys'];

/** Every row of every table, in id order: equal dumps mean nothing was written. */
export async function dumpDatabase(db: Database, tables: string[] = TABLES): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.em.getConnection().execute(`select * from ${table} order by id`);
    parts.push(`${table}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** Serves the app on a loopback port for tests that need real concurrent HTTP. */
export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The path and query of a response's `Link: <…>; rel="next"`, or null on the last page. */
export function nextPath(link: string | undefined): string | null {
  const match = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  if (!match?.[1]) return null;
  const url = new URL(match[1]);
  return `${url.pathname}${url.search}`;
}

/** Every table of the schema, on either dialect. */
export async function tableNames(db: Database): Promise<string[]> {
  const sql =
    db.dialect === 'postgresql'
      ? "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name"
      : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name";
  return (await sqlRows(db, sql)).map((r) => String(r.name));
}

/** Raw rows for assertions about what is stored. */
export async function sqlRows(db: Database, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return db.em.getConnection().execute(sql, params);
}

/** The single number a `select count(*) as n …` returns. */
export async function sqlCount(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await sqlRows(db, sql, params);
  return Number(row?.n);
}
