import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../domain/entities/index.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';

export type DatabaseSettings = {
  databaseUrl: string;
  sqliteBusyTimeoutMs: number;
  debug?: boolean;
};

/** `file:./data/ledger.db` -> `./data/ledger.db`; `file::memory:` -> `:memory:`. */
export function sqlitePathFromUrl(url: string): string {
  const rest = url.slice('file:'.length);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

type SqliteHandle = { exec(sql: string, callback: (err: Error | null) => void): void };

export function createOrmOptions(settings: DatabaseSettings): Options {
  if (!settings.databaseUrl.startsWith('file:')) {
    throw new Error('Only SQLite (file:) DATABASE_URL values are supported by this build');
  }
  const migrationsPath = fileURLToPath(new URL('../../migrations/sqlite', import.meta.url));
  return defineConfig({
    dbName: sqlitePathFromUrl(settings.databaseUrl),
    entities,
    extensions: [Migrator],
    debug: settings.debug ?? false,
    forceUtcTimezone: true,
    // Keeps writes to the ledger explicit: nothing is flushed behind a service's back.
    allowGlobalContext: false,
    pool: {
      afterCreate(conn: SqliteHandle, done: (err: Error | null, conn: SqliteHandle) => void) {
        const pragmas = [
          'PRAGMA journal_mode = WAL',
          'PRAGMA synchronous = NORMAL',
          `PRAGMA busy_timeout = ${settings.sqliteBusyTimeoutMs}`,
          'PRAGMA foreign_keys = ON',
        ].join('; ');
        conn.exec(pragmas, (err) => done(err, conn));
      },
    },
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      migrationsList: sqliteMigrations,
    },
  });
}
