import type { Express } from 'express';
import type { OfflineApi } from '../../bot/offline-api.js';
import { createConfig } from '../../src/config.js';
import type { Database } from '../../src/db/orm.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Services } from '../../src/domain/services.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createApp, type AppDeps } from '../../src/http/app.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/runtime.js';
import { freshDatabase } from './database.js';

export type Harness = {
  runtime: Runtime;
  db: Database;
  services: Services;
  app: Express;
  databaseUrl: string;
  close(): Promise<void>;
};

export type HarnessOptions = {
  clock?: Clock;
  bcryptCost?: number;
  /** Tests register many merchants from one address: limits are off unless a test asks for them. */
  rateLimits?: { authPerWindow: number; apiPerWindow: number; sharePerWindow?: number };
  logger?: Logger;
  offlineBot?: OfflineApi;
  /** MAX_CUSTOMERS_PER_MERCHANT for this instance. */
  maxCustomers?: number;
  /** PUBLIC_BASE_URL for this instance. */
  publicBaseUrl?: string;
  /** The customers' updates sender's pacing. */
  updatesSender?: RuntimeOptions['updatesSender'];
};

/** The environment a test instance runs with: its own database, cheap bcrypt, quiet logs. */
export function testConfig(databaseUrl: string, options: Pick<HarnessOptions, 'bcryptCost' | 'rateLimits' | 'maxCustomers' | 'publicBaseUrl'> = {}) {
  return createConfig({
    ...(options.maxCustomers ? { MAX_CUSTOMERS_PER_MERCHANT: String(options.maxCustomers) } : {}),
    ...(options.publicBaseUrl ? { PUBLIC_BASE_URL: options.publicBaseUrl } : {}),
    DATABASE_URL: databaseUrl,
    // A test that starts the server takes any free port: 8000 may be in use (a developer's own server).
    PORT: '0',
    BCRYPT_COST: String(options.bcryptCost ?? 4),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_AUTH_PER_MIN: String(options.rateLimits?.authPerWindow ?? 1_000_000),
    RATE_LIMIT_API_PER_MIN: String(options.rateLimits?.apiPerWindow ?? 1_000_000),
    SHARE_RATE_LIMIT_PER_MIN: String(options.rateLimits?.sharePerWindow ?? 1_000_000),
  });
}

/**
 * The real graph, built by the composition root as `npm start` builds it, on a fresh migrated
 * database of its own: a SQLite file, or a PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fresh = await freshDatabase();
  const runtime = await createRuntime(testConfig(fresh.url, options), {
    logger: options.logger ?? createLogger('silent'),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.offlineBot ? { offlineBot: options.offlineBot } : {}),
    ...(options.updatesSender ? { updatesSender: options.updatesSender } : {}),
  });
  return {
    runtime,
    db: runtime.db,
    services: runtime.services,
    app: runtime.app,
    databaseUrl: fresh.url,
    async close() {
      await runtime.stop();
      await fresh.drop();
    },
  };
}

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

/** Another app over a harness's services (a second instance, or one with the bot's side attached). */
export function appFor(h: Harness, extra: Partial<Pick<AppDeps, 'telegram' | 'rateLimits'>> = {}): Express {
  return createApp({
    services: h.services,
    documents: h.runtime.documents,
    db: h.db,
    logger: createLogger('silent'),
    rateLimits: { authPerWindow: 1_000_000, apiPerWindow: 1_000_000 },
    ...extra,
  });
}
