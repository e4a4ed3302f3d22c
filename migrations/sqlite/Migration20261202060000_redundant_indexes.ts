import { Migration } from '@mikro-orm/migrations';

/**
 * Two indexes every entry paid for and no query needed: customer_id alone (the (customer_id,
 * entry_date, id) index serves every lookup by customer) and reverses_id beside its own unique index.
 */
export class Migration20261202060000_redundant_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "ledger_entries_customer_id_index";`);
    this.addSql(`drop index if exists "ledger_entries_reverses_id_index";`);
  }

}
