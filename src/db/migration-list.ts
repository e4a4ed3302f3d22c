import type { MigrationObject } from '@mikro-orm/core';

/** One migration of a dialect's list: its name, and its module, imported only when it is needed. */
export type MigrationEntry = {
  name: string;
  /** The migration's module; it exports the migration class under the migration's name. */
  load(): Promise<Record<string, MigrationObject['class']>>;
};

/** The migrations of `list` as the ORM's migrator takes them, their modules imported now. */
export async function loadMigrations(list: readonly MigrationEntry[]): Promise<MigrationObject[]> {
  return Promise.all(
    list.map(async ({ name, load }) => {
      const migration = (await load())[name];
      if (migration === undefined) throw new Error(`migration ${name}: its module exports no class named ${name}`);
      return { name, class: migration };
    }),
  );
}

/** The names in `list` that `applied` (the names the migrations table holds) lacks, in order. */
export function pendingNames(list: readonly MigrationEntry[], applied: Iterable<string>): string[] {
  const done = new Set(applied);
  return list.filter(({ name }) => !done.has(name)).map(({ name }) => name);
}
