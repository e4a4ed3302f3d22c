import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * With TEST_DATABASE_URL=postgres://… every test file gets its own fresh PostgreSQL database;
 * without it, its own SQLite file. The whole suite therefore runs on either database.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
export const ON_POSTGRES = /^postgres(ql)?:\/\//.test(TEST_DATABASE_URL);

export type FreshDatabase = { url: string; drop(): Promise<void> };

let counter = 0;

export async function freshDatabase(): Promise<FreshDatabase> {
  if (!ON_POSTGRES) {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-test-'));
    return {
      url: `file:${join(dir, 'ledger.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `ml_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs a statement on a PostgreSQL database directly (for tests that play the operator). */
export async function onPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
