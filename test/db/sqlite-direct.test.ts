import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConnection, directStatement, withDirectTransaction } from '../../src/db/sqlite-direct.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-direct-'));
const db = new Database(join(dir, 'direct.db'));
let compiles = 0;
// The pool of one connection, counting how often a statement is compiled on it.
const handle = new Proxy(db, {
  get(target, key) {
    if (key === 'prepare') return (text: string) => (compiles++, target.prepare(text));
    const value: unknown = Reflect.get(target, key);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
const pool = { acquireConnection: async () => handle, releaseConnection: async () => undefined };
// Inside a transaction statements run on the connection it holds, as sqlRows runs them.
const inTransaction = (text: string, params: unknown[]) => {
  const held = directConnection();
  if (!held) throw new Error('not in a direct transaction');
  return held.rows(text, params);
};

beforeAll(() => void db.exec('create table t (id integer primary key, n integer not null)'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('plain statements straight on the SQLite connection', () => {
  it('when the same statements run again, then they are not compiled again, and they still see the new rows', async () => {
    const insert = (n: number) => withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [n]));
    await insert(0);
    const afterFirst = compiles; // begin, the insert and commit, each compiled on first use
    expect(afterFirst).toBe(3);
    for (let i = 1; i < 10; i++) await insert(i);
    expect(compiles).toBe(afterFirst);
    expect(await directStatement(pool, 'select count(*) as c, sum(n) as s from t', [])).toEqual([{ c: 10, s: 45 }]);
  });

  it('when a statement fails inside the transaction, then nothing of it is kept and the next one works', async () => {
    await expect(
      withDirectTransaction(pool, async () => {
        inTransaction('insert into t (n) values (?)', [100]);
        inTransaction('insert into t (n) values (?)', [null]);
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(await directStatement(pool, 'select count(*) as c from t where n = 100', [])).toEqual([{ c: 0 }]);
    await withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [100]));
    expect(await directStatement(pool, 'select count(*) as c from t where n = 100', [])).toEqual([{ c: 1 }]);
  });
});
