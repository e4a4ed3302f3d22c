import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes every write paid for and no query needed, each covered by a wider one: ledger_entries'
 * customer_id (by (customer_id, entry_date, id)) and reverses_id (by its unique index),
 * idempotency_keys' owner_id (by the unique (owner_id, key)), customers' owner_id (by (owner_id, archived, …)).
 */
export class Migration20261202060000_redundant_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "ledger_entries_customer_id_index";`);
    this.addSql(`drop index if exists "ledger_entries_reverses_id_index";`);
    this.addSql(`drop index if exists "idempotency_keys_owner_id_index";`);
    this.addSql(`drop index if exists "customers_owner_id_index";`);
  }

}
