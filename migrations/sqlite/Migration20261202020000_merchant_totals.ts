import { Migration } from '@mikro-orm/migrations';

/**
 * Each merchant's book in one row (merchant_totals), filled from the active customers and kept in step
 * from now on, so the overall summary no longer sums the whole book. The customers' id-order and
 * balance-order indexes carry the name key, so a name search reads the index alone.
 */
export class Migration20261202020000_merchant_totals extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "merchant_totals" ("owner_id" integer not null primary key, "customers" integer not null default 0, "total_credit" bigint not null default 0, "total_debit" bigint not null default 0, "total_reversed" bigint not null default 0, "customers_owing" integer not null default 0, "customers_owed" integer not null default 0, "to_get" bigint not null default 0, "to_give" bigint not null default 0, constraint "merchant_totals_owner_id_foreign" foreign key("owner_id") references "users"("id") on delete cascade on update cascade);`);
    this.addSql(`insert into "merchant_totals" ("owner_id", "customers", "total_credit", "total_debit", "total_reversed", "customers_owing", "customers_owed", "to_get", "to_give")
      select "owner_id", count(*), sum("total_credit"), sum("total_debit"), sum("total_reversed"),
             sum(case when "total_credit" > "total_debit" then 1 else 0 end), sum(case when "total_debit" > "total_credit" then 1 else 0 end),
             sum(case when "total_credit" > "total_debit" then "total_credit" - "total_debit" else 0 end),
             sum(case when "total_debit" > "total_credit" then "total_debit" - "total_credit" else 0 end)
      from "customers" where not "archived" group by "owner_id";`);
    this.addSql(`drop index "customers_owner_id_archived_id_index";`);
    this.addSql(`create index "customers_owner_id_archived_id_name_key_index" on "customers" ("owner_id", "archived", "id", "name_key");`);
    this.addSql(`drop index "customers_owner_id_archived_balance_index";`);
    this.addSql(`create index "customers_owner_id_archived_balance_index" on "customers" ("owner_id", "archived", ("total_credit" - "total_debit") desc, "id", "name_key");`);
  }

}
