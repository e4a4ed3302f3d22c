import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import type { EntityManager } from './sql.js';
import { z } from 'zod';
import { withFileLock } from './file-lock.js';
import { registerSqlitePool } from './sqlite-direct.js';
import { prepareSqliteFile, setupLock } from './sqlite-file.js';
import { pendingNames } from './migration-list.js';
import { createOrmOptions, dialectOf, loadMigrator, migrationListOf, sqlitePathFromUrl, type DatabaseSettings, type Dialect } from './orm-options.js';

export type Database = {
  orm: MikroORM<AbstractSqlDriver>;
  em: EntityManager;
  dialect: Dialect;
  /** Applies pending migrations; returns the names applied. Safe to call from several instances at once. */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

async function assertDatabaseExists(orm: MikroORM<AbstractSqlDriver>, url: string): Promise<void> {
  try {
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    // 3D000: invalid_catalog_name ("database … does not exist").
    const code = z.object({ code: z.string() }).safeParse(error).data?.code;
    if (code === '3D000' || (error instanceof Error && /database ".*" does not exist/.test(error.message))) {
      await orm.close(true);
      throw new DatabaseMissing(decodeURIComponent(new URL(url).pathname.slice(1)));
    }
    // Any other failure (the server is down) is the caller's to see when it first queries.
  }
}

// Any constant works: instances of this service agree on it, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 4_242_001;

/** The PostgreSQL database named in DATABASE_URL does not exist: the service never creates one. */
export class DatabaseMissing extends Error {
  constructor(name: string) {
    super(`The PostgreSQL database "${name}" does not exist. Create it (createdb ${name}) or fix DATABASE_URL: the service never creates a database.`);
    this.name = 'DatabaseMissing';
  }
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const dialect = dialectOf(settings.databaseUrl);
  const sqlitePath = dialect === 'sqlite' ? sqlitePathFromUrl(settings.databaseUrl) : ':memory:';
  if (sqlitePath !== ':memory:') await prepareSqliteFile(sqlitePath, settings.sqliteBusyTimeoutMs);
  const orm = await MikroORM.init<AbstractSqlDriver>(await createOrmOptions(settings));
  // Plain statements on SQLite run straight on the connection (src/db/sqlite-direct.ts).
  if (dialect === 'sqlite') {
    const knex = orm.em.getKnex();
    registerSqlitePool(knex, knex.client);
  }
  // A mistyped database name must not become an empty ledger (the ORM's migrator would create it).
  if (dialect === 'postgresql') await assertDatabaseExists(orm, settings.databaseUrl);

  const migrations = migrationListOf(dialect);
  // The names the migrations table holds; none while it does not exist (a new database).
  async function appliedNames(): Promise<string[]> {
    const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
    try {
      const rows = await orm.em.getConnection().execute(`select name from ${table}`);
      return z.array(z.object({ name: z.string() })).parse(rows).map((row) => row.name);
    } catch {
      // No table yet, or the database does not answer: the migrator finds out which, and says so.
      return [];
    }
  }
  let migratorLoaded = false;
  async function migrator() {
    if (!migratorLoaded) {
      const { Migrator, migrationsList } = await loadMigrator(dialect);
      orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList });
      Migrator.register(orm);
      migratorLoaded = true;
    }
    return orm.migrator;
  }

  async function migrate(): Promise<string[]> {
    // An up-to-date database — every start but the first after an upgrade — is told by one query,
    // without importing the migrator and the migrations (a sixth of the time to the first answer).
    // Names are only ever added, so "nothing pending" cannot be undone by another instance meanwhile.
    if (pendingNames(migrations, await appliedNames()).length === 0) return [];
    const up = async () => (await (await migrator()).up()).map((m) => m.name);
    // SQLite: processes starting together on one file take turns (a lock beside it), so neither dies
    // halfway through the other's migrations; the second then finds nothing pending.
    if (dialect !== 'postgresql') return sqlitePath === ':memory:' ? up() : withFileLock(setupLock(sqlitePath), up);
    // Several instances may start together: a session-level advisory lock, held on one pooled
    // connection, makes the others wait and then find nothing pending.
    const knex = orm.em.getConnection().getKnex();
    const conn = await knex.client.acquireConnection();
    try {
      await knex.raw('select pg_advisory_lock(?)', [MIGRATION_LOCK_KEY]).connection(conn);
      try {
        return await up();
      } finally {
        await knex.raw('select pg_advisory_unlock(?)', [MIGRATION_LOCK_KEY]).connection(conn);
      }
    } finally {
      await knex.client.releaseConnection(conn);
    }
  }

  return {
    orm,
    em: orm.em,
    dialect,
    migrate,
    async ping() {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(true),
  };
}
