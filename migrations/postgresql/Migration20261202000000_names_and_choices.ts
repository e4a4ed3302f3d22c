import { Migration } from '@mikro-orm/migrations';

/**
 * Customers get the key their names are matched by (name_key, filled by the next migration) and the
 * total of their reversed entries; chat-made accounts and tokens are marked; the bot's waiting button
 * choices get a table of their own (merchant and link they belong to, options, state), a chat whose
 * link ended (logout, removal over REST) keeps the reason until it is told, and the messages the bot
 * must delete later get a table.
 */
export class Migration20261202000000_names_and_choices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customers" add column "name_key" varchar(400) collate "C" not null default '';`);
    this.addSql(`alter table "customers" add column "total_reversed" bigint not null default 0;`);
    this.addSql(`create index "customers_owner_id_archived_name_key_index" on "customers" ("owner_id", "archived", "name_key");`);
    this.addSql(`update "customers" c set "total_reversed" = coalesce((select sum(e."amount") from "ledger_entries" e where e."customer_id" = c."id" and e."reverses_id" is not null), 0);`);

    this.addSql(`alter table "users" add column "created_by_chat" varchar(32) null;`);
    this.addSql(`alter table "users" add constraint "users_created_by_chat_unique" unique ("created_by_chat");`);
    this.addSql(`alter table "api_tokens" add column "issued_via" varchar(64) null;`);

    this.addSql(`drop table if exists "telegram_pending_entries" cascade;`);
    this.addSql(`create table "telegram_choices" ("id" varchar(16) not null, "chat_id" varchar(32) not null, "owner_id" int not null, "api_token_id" int not null, "kind" varchar(16) not null, "key" varchar(255) not null, "options" jsonb not null, "state" varchar(16) not null default 'open', "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "telegram_choices_pkey" primary key ("id"));`);
    this.addSql(`create index "telegram_choices_expires_at_index" on "telegram_choices" ("expires_at");`);

    this.addSql(`create table "telegram_link_ends" ("chat_id" varchar(32) not null, "reason" varchar(32) not null, "ended_at" timestamptz not null, constraint "telegram_link_ends_pkey" primary key ("chat_id"));`);

    this.addSql(`create table "telegram_deletions" ("id" serial primary key, "chat_id" varchar(32) not null, "message_id" int not null, "due_at" timestamptz not null);`);
    this.addSql(`create index "telegram_deletions_due_at_index" on "telegram_deletions" ("due_at");`);
  }

}
