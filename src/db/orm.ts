import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import type { EntityManager } from './sql.js';
import { createOrmOptions, dialectOf, type DatabaseSettings, type Dialect } from './orm-options.js';

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

// Any constant works: instances of this service agree on it, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 4_242_001;

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const orm = await MikroORM.init<AbstractSqlDriver>(createOrmOptions(settings));
  const dialect = dialectOf(settings.databaseUrl);

  async function migrate(): Promise<string[]> {
    const up = async () => (await orm.getMigrator().up()).map((m) => m.name);
    if (dialect !== 'postgresql') return up(); // SQLite: one process owns the file's write lock anyway
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
