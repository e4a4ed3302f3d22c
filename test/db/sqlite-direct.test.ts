import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConnection, directStatement, withDirectTransaction } from '../../src/db/sqlite-direct.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-direct-'));
const db = new Database(join(dir, 'direct.db'));
let compiles = 0;
let commits = 0;
let failCommit = false;
// The pool of one connection, counting how often a statement is compiled on it and how often it commits
// (and failing the commit when a test says so, as a full disk would).
const counted = (text: string) => {
  const statement = db.prepare(text);
  return {
    reader: statement.reader,
    all: (...params: unknown[]) => statement.all(...params),
    run: (...params: unknown[]) => {
      if (text === 'commit') {
        if (failCommit) throw new Error('database or disk is full');
        commits++;
      }
      return statement.run(...params);
    },
  };
};
const handle = new Proxy(db, {
  get(target, key) {
    if (key === 'prepare') return (text: string) => (compiles++, counted(text));
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
    const afterFirst = compiles; // begin, savepoint, the insert, release and commit, each compiled on first use
    expect(afterFirst).toBe(5);
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

  it('when transactions begin in the same turn, then they share one commit, and the one that fails loses only its own rows', async () => {
    const before = commits;
    const results = await Promise.allSettled([1, 2, 3].map((n) =>
      withDirectTransaction(pool, async () => {
        inTransaction('insert into t (n) values (?)', [1000 + n]);
        if (n === 2) inTransaction('insert into t (n) values (?)', [null]);
        return n;
      }),
    ));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(commits - before).toBe(1);
    expect(await directStatement(pool, 'select n from t where n > 1000 order by n', [])).toEqual([{ n: 1001 }, { n: 1003 }]);
  });

  it('when the shared commit fails, then every member fails and none of their rows is kept; the next transaction works', async () => {
    failCommit = true;
    const results = await Promise.allSettled([1, 2].map((n) => withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [2000 + n]))));
    failCommit = false;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await directStatement(pool, 'select count(*) as c from t where n > 2000', [])).toEqual([{ c: 0 }]);
    await withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [2003]));
    expect(await directStatement(pool, 'select n from t where n > 2000', [])).toEqual([{ n: 2003 }]);
  });

  it('when a transaction begins after the turn whose commit is due, then it commits in a batch of its own', async () => {
    const before = commits;
    await withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [3001]));
    await withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [3002]));
    expect(commits - before).toBe(2);
  });

  it('when a statement ends the whole shared transaction, then no member of it is told it was kept, and none of their rows is', async () => {
    // SQLite ends the transaction itself on a full disk or an I/O error; a ROLLBACK inside stands in for one.
    const results = await Promise.allSettled([1, 2, 3].map((n) =>
      withDirectTransaction(pool, async () => {
        inTransaction('insert into t (n) values (?)', [4000 + n]);
        if (n === 2) {
          inTransaction('rollback', []);
          throw new Error('disk I/O error');
        }
      }),
    ));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await directStatement(pool, 'select count(*) as c from t where n > 4000', [])).toEqual([{ c: 0 }]);
    await withDirectTransaction(pool, async () => void inTransaction('insert into t (n) values (?)', [4004]));
    expect(await directStatement(pool, 'select n from t where n > 4000', [])).toEqual([{ n: 4004 }]);
  });
});
