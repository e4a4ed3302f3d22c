import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, sqlRows, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

async function indexesOf(table: string): Promise<string[]> {
  const sql =
    h.db.dialect === 'postgresql'
      ? 'select indexname as name from pg_indexes where tablename = ? order by indexname'
      : "select name from sqlite_master where type = 'index' and tbl_name = ? and name not like 'sqlite_%' order by name";
  return (await sqlRows(h.db, sql, [table])).map((r) => String(r.name));
}

describe('indexes no query needs', () => {
  it('when the schema is migrated, then every posting maintains only the indexes a query uses', async () => {
    const names = await indexesOf('ledger_entries');
    expect(names).toEqual(expect.arrayContaining(['ledger_entries_customer_id_entry_date_id_index', 'ledger_entries_reverses_id_unique', 'ledger_entries_telegram_chat_id_reverses_id_id_index']));
    expect(names).not.toContain('ledger_entries_customer_id_index');
    expect(names).not.toContain('ledger_entries_reverses_id_index');
  });

  it('when the schema is migrated, then customers and idempotency keys keep only their covering indexes by owner', async () => {
    expect(await indexesOf('customers')).not.toContain('customers_owner_id_index');
    expect(await indexesOf('idempotency_keys')).not.toContain('idempotency_keys_owner_id_index');
    expect((await indexesOf('idempotency_keys')).some((n) => n.includes('owner_id_key'))).toBe(true);
  });
});
