import { Migration } from '@mikro-orm/migrations';
import { nameKey } from '../../src/domain/customers/name-key.js';

/** Fills name_key for the customers that existed before it (the key is computed in code, as on every write). */
export class Migration20261202000100_name_keys extends Migration {

  override async up(): Promise<void> {
    const rows = await this.execute('select id, name from customers');
    for (const row of rows) {
      await this.execute('update customers set name_key = ? where id = ?', [nameKey(String(row.name)), Number(row.id)]);
    }
  }

}
