import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's book by day (customer_days): what was posted each date (how many entries, credit, debit: every entry, by its
 * entry_date) and what of it was trade (gave, got: neither undone nor a reversal), filled from the
 * entries and kept in step by every posting. Statements read their opening balance and period totals,
 * charts their points and dues their ageing from it, so none of them sums a long ledger.
 */
export class Migration20261202030000_customer_days extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer_days" ("customer_id" integer not null, "entry_date" date not null, "entries" integer not null default 0, "credit" bigint not null default 0, "debit" bigint not null default 0, "gave" bigint not null default 0, "got" bigint not null default 0, constraint "customer_days_pkey" primary key ("customer_id", "entry_date"), constraint "customer_days_customer_id_foreign" foreign key("customer_id") references "customers"("id") on update cascade);`);
    this.addSql(`insert into "customer_days" ("customer_id", "entry_date", "entries", "credit", "debit", "gave", "got")
      select e."customer_id", e."entry_date", count(*),
             sum(case when e."type" = 'credit' then e."amount" else 0 end),
             sum(case when e."type" = 'debit' then e."amount" else 0 end),
             sum(case when e."type" = 'credit' and e."reverses_id" is null and r."id" is null then e."amount" else 0 end),
             sum(case when e."type" = 'debit' and e."reverses_id" is null and r."id" is null then e."amount" else 0 end)
      from "ledger_entries" e left join "ledger_entries" r on r."reverses_id" = e."id"
      group by e."customer_id", e."entry_date";`);
  }

}
