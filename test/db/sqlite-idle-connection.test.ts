import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqlRows, sqlRun } from '../../src/db/sql.js';
import { ON_POSTGRES } from '../support/database.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  await sqlRun(h.db.em, 'create table scratch (n integer not null)', []);
});
afterAll(async () => h?.close());

// SQLite only: on PostgreSQL every statement goes through the ORM's pool.
describe.skipIf(ON_POSTGRES)('a plain statement on an idle SQLite connection', () => {
  it('when no one holds the connection, then the statement runs on it at once, without a round trip through the pool', async () => {
    await sqlRows(h.db.em, 'select 1 as one', []);
    const acquire = vi.spyOn(h.db.em.getKnex().client, 'acquireConnection');
    try {
      expect(await sqlRows(h.db.em, 'select 2 as two', [])).toEqual([{ two: 2 }]);
      expect(acquire).not.toHaveBeenCalled();
    } finally {
      acquire.mockRestore();
    }
  });

  it('when an ORM transaction holds the connection, then the statement waits for it to end and never runs inside it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = h.db.em.fork().transactional(async (em) => {
      await sqlRun(em, 'insert into scratch (n) values (1)', []);
      entered();
      await gate;
      throw new Error('rolled back on purpose');
    });
    await inside;

    let answered = false;
    const read = sqlRows(h.db.em, 'select count(*) as c from scratch', []).then((rows) => ((answered = true), rows));
    await new Promise((resolve) => setImmediate(resolve));
    // Inside the transaction it would have answered already, and counted the uncommitted row.
    expect(answered).toBe(false);

    release();
    await expect(transaction).rejects.toThrow('rolled back on purpose');
    expect(await read).toEqual([{ c: 0 }]);
  });
});
