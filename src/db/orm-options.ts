import { fileURLToPath } from 'node:url';
import type { Options } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { entities } from './entities.js';
import { loadMigrations, type MigrationEntry } from './migration-list.js';
import { unitEntityManager } from './unit-of-work.js';
import { postgresMigrations } from '../../migrations/postgresql/index.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';

export type DatabaseSettings = {
  databaseUrl: string;
  sqliteBusyTimeoutMs: number;
  /** PostgreSQL connection pool size per process. */
  poolSize?: number;
  /** PostgreSQL statement_timeout in ms (0 = none). */
  statementTimeoutMs?: number;
  debug?: boolean;
};

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(databaseUrl: string): Dialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
}

/** `file:./data/ledger.db` -> `./data/ledger.db`; `file::memory:` -> `:memory:`. */
export function sqlitePathFromUrl(url: string): string {
  const rest = url.slice('file:'.length);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** The better-sqlite3 connection knex hands to `afterCreate` (synchronous). */
type SqliteHandle = { pragma(source: string, options?: { simple: boolean }): unknown; prepare(sql: string): unknown };

/** Prepared statements kept per connection; more distinct statements than this are prepared again. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * knex prepares every statement again on each call, and SQLite's parse and plan cost more than many
 * of our queries (a quarter of a bot update's time). The connection keeps the most recently used
 * parameterised statements instead; SQLite re-prepares a cached one by itself if a migration changes the schema.
 */
function cacheStatements(conn: SqliteHandle): void {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    // Only statements with bound parameters repeat: the ORM writes most values into its SQL text
    // (token hashes too), and those would only push the hot statements out.
    if (!sql.includes('?')) return prepare(sql);
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    } else {
      cache.delete(sql);
    }
    cache.set(sql, statement);
    return statement;
  };
}

/** The dialect's migrations, in order; their modules are imported only when one is pending. */
export function migrationListOf(dialect: Dialect): readonly MigrationEntry[] {
  return dialect === 'postgresql' ? postgresMigrations : sqliteMigrations;
}

// No migration list here: it is added with the migrator, when one is made (loadMigrator: openDatabase
// when a migration is pending, withMigrator for the CLI).
function migrationOptions(dialect: Dialect) {
  const path = fileURLToPath(new URL(`../../migrations/${dialect}`, import.meta.url));
  return { path, pathTs: path, emit: 'ts' as const, transactional: true, allOrNothing: true, snapshot: false, silent: true };
}

const shared = (settings: DatabaseSettings) => ({
  entities,
  // The service never creates a database (see openDatabase): a mistyped name is an error, not an empty ledger.
  ensureDatabase: false,
  debug: settings.debug ?? false,
  forceUtcTimezone: true,
  // Keeps writes explicit: nothing is flushed behind a service's back.
  allowGlobalContext: false,
  // A request's or update's fork is made when the ORM first asks for it (src/db/unit-of-work.ts).
  context: unitEntityManager,
});

/**
 * MikroORM options for the database DATABASE_URL names: `file:` is SQLite, `postgres://` PostgreSQL.
 * Only that dialect's driver is imported, and no migrator (see withMigrator): both cost start-up time
 * and memory a process that does not use them should not pay.
 */
export async function createOrmOptions(settings: DatabaseSettings): Promise<Options<AbstractSqlDriver>> {
  if (dialectOf(settings.databaseUrl) === 'postgresql') {
    const { defineConfig } = await import('@mikro-orm/postgresql');
    return defineConfig({
      ...shared(settings),
      clientUrl: settings.databaseUrl,
      pool: { min: 0, max: settings.poolSize ?? 10 },
      driverOptions: {
        connection: { statement_timeout: settings.statementTimeoutMs ?? 30_000, application_name: 'mini-ledger' },
      },
      migrations: migrationOptions('postgresql'),
    });
  }
  const { defineConfig } = await import('@mikro-orm/better-sqlite');
  return defineConfig({
    ...shared(settings),
    dbName: sqlitePathFromUrl(settings.databaseUrl),
    pool: {
      afterCreate(conn: SqliteHandle, done: (err: Error | null, conn: SqliteHandle) => void) {
        try {
          conn.pragma(`busy_timeout = ${settings.sqliteBusyTimeoutMs}`);
          // A file is switched to WAL before the ORM opens it (see sqlite-file.ts); a memory database stays in memory.
          if (conn.pragma('journal_mode', { simple: true }) !== 'wal') conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL');
          conn.pragma('foreign_keys = ON');
          cacheStatements(conn);
          done(null, conn);
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)), conn);
        }
      },
    },
    migrations: migrationOptions('sqlite'),
  });
}

/** The ORM's migrator extension and the dialect's migrations, their modules imported now. */
export async function loadMigrator(dialect: Dialect) {
  const [{ Migrator }, migrationsList] = await Promise.all([import('@mikro-orm/migrations'), loadMigrations(migrationListOf(dialect))]);
  return { Migrator, migrationsList };
}

/** `options` with the migrator and the dialect's whole migration list (the MikroORM CLI's config). */
export async function withMigrator(options: Options<AbstractSqlDriver>, dialect: Dialect): Promise<Options<AbstractSqlDriver>> {
  const { Migrator, migrationsList } = await loadMigrator(dialect);
  return { ...options, extensions: [...(options.extensions ?? []), Migrator], migrations: { ...options.migrations, migrationsList } };
}
