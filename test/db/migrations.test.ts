import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, pendingNames, type MigrationEntry } from '../../src/db/migration-list.js';
import { openDatabase } from '../../src/db/orm.js';
import { migrationListOf } from '../../src/db/orm-options.js';
import { freshDatabase, ON_POSTGRES } from '../support/database.js';

const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = (databaseUrl: string) => ({ databaseUrl, sqliteBusyTimeoutMs: 5_000 });
const hasMigrator = (db: Awaited<ReturnType<typeof openDatabase>>) => db.orm.config.getExtension('@mikro-orm/migrator') !== undefined;

describe('migrations at start-up', () => {
  it('when a new database is migrated, then every migration is applied; when it is opened again, then nothing is and no migrator is made', async () => {
    const pg = ON_POSTGRES ? await freshDatabase() : null;
    const url = pg?.url ?? `file:${join(dir, 'ledger.db')}`;
    const dialect = pg ? 'postgresql' : 'sqlite';
    try {
      const first = await openDatabase(settings(url));
      try {
        expect(await first.migrate()).toEqual(migrationListOf(dialect).map((m) => m.name));
        expect(hasMigrator(first)).toBe(true);
        expect(await first.migrate()).toEqual([]);
      } finally {
        await first.close();
      }
      const again = await openDatabase(settings(url));
      try {
        expect(await again.migrate()).toEqual([]);
        // An up-to-date database is told by one query: the migrator and its modules stay unloaded.
        expect(hasMigrator(again)).toBe(false);
      } finally {
        await again.close();
      }
    } finally {
      await pg?.drop();
    }
  });

  it.each(['sqlite', 'postgresql'] as const)('when the %s list is loaded, then each module exports the class named as its migration, in order', async (dialect) => {
    const list = migrationListOf(dialect);
    const loaded = await loadMigrations(list);
    expect(loaded.map((m) => m.name)).toEqual(list.map((m) => m.name));
    for (const { name, class: migration } of loaded) expect(migration.name).toBe(name);
    expect([...list.map((m) => m.name)].sort()).toEqual(list.map((m) => m.name));
  });

  it('when a module lacks the class of its name, then loading says which migration', async () => {
    const broken: MigrationEntry[] = [{ name: 'Migration1_missing', load: async () => ({}) }];
    await expect(loadMigrations(broken)).rejects.toThrow('migration Migration1_missing: its module exports no class named Migration1_missing');
  });

  it('when some names are applied, then the pending ones are the rest, in list order', () => {
    const list: MigrationEntry[] = ['A', 'B', 'C', 'D'].map((name) => ({ name, load: async () => ({}) }));
    expect(pendingNames(list, ['C', 'A'])).toEqual(['B', 'D']);
    expect(pendingNames(list, ['A', 'B', 'C', 'D', 'Z'])).toEqual([]);
    expect(pendingNames(list, [])).toEqual(['A', 'B', 'C', 'D']);
  });
});
