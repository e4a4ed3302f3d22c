import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../support/database.js';
import { createHarness, sqlRows, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe('database settings', () => {
  // PRAGMAs exist only on SQLite; on PostgreSQL the equivalent guarantees are the server's defaults.
  it.runIf(!ON_POSTGRES)('when SQLite is opened, then WAL, a busy timeout and foreign keys are on', async () => {
    expect(await sqlRows(h.db, 'pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await sqlRows(h.db, 'pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await sqlRows(h.db, 'pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
  });

  it('when migrations run again, then nothing is pending', async () => {
    expect(await h.db.migrate()).toEqual([]);
  });

  it('when something bypasses the services with a non-positive amount, then the database itself refuses it', async () => {
    const insert = (amount: number) =>
      sqlRows(
        h.db,
        "insert into ledger_entries (customer_id, type, amount, note, entry_date, created_at, channel) values (1, 'credit', ?, '', '2026-01-01', ?, 'api')",
        [amount, new Date()],
      );
    await expect(insert(-500)).rejects.toThrow(/CHECK constraint|check constraint/);
    await expect(insert(0)).rejects.toThrow(/CHECK constraint|check constraint/);
  });
});
