import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080651_telegram_shared_state extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "telegram_link_failures" ("id" serial primary key, "chat_id" varchar(32) not null, "failed_at" timestamptz not null);`);
    this.addSql(`create index "telegram_link_failures_chat_id_failed_at_index" on "telegram_link_failures" ("chat_id", "failed_at");`);

    this.addSql(`create table "telegram_pending_entries" ("id" varchar(16) not null, "chat_id" varchar(32) not null, "idempotency_key" varchar(255) not null, "name" text not null, "type" text check ("type" in ('credit', 'debit')) not null, "amount" bigint not null, "note" text not null, "expires_at" timestamptz not null, constraint "telegram_pending_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "telegram_pending_entries_expires_at_index" on "telegram_pending_entries" ("expires_at");`);

    this.addSql(`create index "ledger_entries_telegram_chat_id_reverses_id_id_index" on "ledger_entries" ("telegram_chat_id", "reverses_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "telegram_link_failures" cascade;`);

    this.addSql(`drop table if exists "telegram_pending_entries" cascade;`);

    this.addSql(`drop index "ledger_entries_telegram_chat_id_reverses_id_id_index";`);
  }

}
