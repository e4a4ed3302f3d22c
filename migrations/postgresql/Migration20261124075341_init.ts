import { Migration } from '@mikro-orm/migrations';

export class Migration20261124075341_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "telegram_updates" ("id" serial primary key, "update_id" bigint not null, "received_at" timestamptz not null);`);
    this.addSql(`alter table "telegram_updates" add constraint "telegram_updates_update_id_unique" unique ("update_id");`);
    this.addSql(`create index "telegram_updates_received_at_index" on "telegram_updates" ("received_at");`);

    this.addSql(`create table "users" ("id" serial primary key, "username" varchar(150) not null, "password_hash" varchar(100) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`create table "idempotency_keys" ("id" serial primary key, "owner_id" int not null, "key" varchar(255) not null, "fingerprint" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null, "expires_at" timestamptz not null);`);
    this.addSql(`create index "idempotency_keys_expires_at_index" on "idempotency_keys" ("expires_at");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_owner_id_key_unique" unique ("owner_id", "key");`);

    this.addSql(`create table "customers" ("id" serial primary key, "owner_id" int not null, "name" varchar(100) not null, "phone" varchar(20) not null default '', "address" varchar(500) not null default '', "archived" boolean not null default false, "total_credit" bigint not null default 0, "total_debit" bigint not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "customers_owner_id_archived_id_index" on "customers" ("owner_id", "archived", "id");`);

    this.addSql(`create table "api_tokens" ("id" serial primary key, "user_id" int not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "api_tokens_user_id_index" on "api_tokens" ("user_id");`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "telegram_link_codes" ("id" serial primary key, "owner_id" int not null, "api_token_id" int not null, "code_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null);`);
    this.addSql(`create index "telegram_link_codes_owner_id_index" on "telegram_link_codes" ("owner_id");`);
    this.addSql(`create index "telegram_link_codes_api_token_id_index" on "telegram_link_codes" ("api_token_id");`);
    this.addSql(`alter table "telegram_link_codes" add constraint "telegram_link_codes_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "telegram_link_codes_expires_at_index" on "telegram_link_codes" ("expires_at");`);

    this.addSql(`create table "telegram_links" ("id" serial primary key, "owner_id" int not null, "api_token_id" int not null, "chat_id" varchar(32) not null, "chat_title" varchar(255) not null default '', "created_at" timestamptz not null);`);
    this.addSql(`create index "telegram_links_owner_id_index" on "telegram_links" ("owner_id");`);
    this.addSql(`create index "telegram_links_api_token_id_index" on "telegram_links" ("api_token_id");`);
    this.addSql(`alter table "telegram_links" add constraint "telegram_links_chat_id_unique" unique ("chat_id");`);

    this.addSql(`create table "ledger_entries" ("id" serial primary key, "customer_id" int not null, "type" text check ("type" in ('credit', 'debit')) not null, "amount" bigint not null check ("amount" > 0 and "amount" <= 99999999999999), "note" varchar(500) not null default '', "entry_date" date not null, "created_at" timestamptz not null, "reverses_id" int null, "channel" text check ("channel" in ('api', 'telegram')) not null default 'api', "api_token_id" int null, "telegram_chat_id" varchar(32) null);`);
    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_reverses_id_unique" unique ("reverses_id");`);
    this.addSql(`create index "ledger_entries_customer_id_entry_date_id_index" on "ledger_entries" ("customer_id", "entry_date", "id");`);

    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customers" add constraint "customers_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_tokens" add constraint "api_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "telegram_link_codes" add constraint "telegram_link_codes_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "telegram_link_codes" add constraint "telegram_link_codes_api_token_id_foreign" foreign key ("api_token_id") references "api_tokens" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "telegram_links" add constraint "telegram_links_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "telegram_links" add constraint "telegram_links_api_token_id_foreign" foreign key ("api_token_id") references "api_tokens" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_reverses_id_foreign" foreign key ("reverses_id") references "ledger_entries" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_api_token_id_foreign" foreign key ("api_token_id") references "api_tokens" ("id") on update cascade on delete set null;`);
  }

}
