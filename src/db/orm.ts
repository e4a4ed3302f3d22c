import { MikroORM } from '@mikro-orm/sqlite';
import type { EntityManager } from '../domain/db.js';
import { createOrmOptions, type DatabaseSettings } from './orm-options.js';

export type Database = {
  orm: MikroORM;
  em: EntityManager;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const orm = await MikroORM.init(createOrmOptions(settings));
  return {
    orm,
    em: orm.em,
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    },
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
