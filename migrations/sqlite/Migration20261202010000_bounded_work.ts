import { Migration } from '@mikro-orm/migrations';

/**
 * Bounded work for big books: a merchant's customer count kept beside it (the cap is checked without
 * counting rows), and an index in balance order, so "largest first" reads a page, not the whole book.
 */
export class Migration20261202010000_bounded_work extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "customer_count" integer not null default 0;`);
    this.addSql(`update "users" set "customer_count" = (select count(*) from "customers" c where c."owner_id" = "users"."id");`);
    this.addSql(`create index "customers_owner_id_archived_balance_index" on "customers" ("owner_id", "archived", ("total_credit" - "total_debit") desc, "id");`);
  }

}
