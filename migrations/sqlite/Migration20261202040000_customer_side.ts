import { Migration } from '@mikro-orm/migrations';

/**
 * The customer's side of the book: the shop's display name, read-only share links, customers'
 * subscriptions to updates on Telegram with their one-time codes, the outbox their messages wait in,
 * and the server's own secrets (the one share URLs are derived with, unless the environment sets it).
 */
export class Migration20261202040000_customer_side extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "display_name" text null;`);
    this.addSql(`create table "share_links" ("id" integer not null primary key autoincrement, "owner_id" integer not null, "customer_id" integer not null, "salt" text not null, "token_hash" text null, "created_at" datetime not null, "expires_at" datetime null, "revoked_at" datetime null, constraint "share_links_owner_id_foreign" foreign key("owner_id") references "users"("id") on delete cascade on update cascade, constraint "share_links_customer_id_foreign" foreign key("customer_id") references "customers"("id") on update cascade);`);
    this.addSql(`create unique index "share_links_token_hash_unique" on "share_links" ("token_hash");`);
    this.addSql(`create index "share_links_customer_id_index" on "share_links" ("customer_id");`);
    this.addSql(`create table "customer_subscriptions" ("id" integer not null primary key autoincrement, "owner_id" integer not null, "customer_id" integer not null, "share_link_id" integer not null, "chat_id" text not null, "chat_title" text not null default '', "language" text not null default 'en', "created_at" datetime not null, "ended_at" datetime null, "end_reason" text null, constraint "customer_subscriptions_owner_id_foreign" foreign key("owner_id") references "users"("id") on delete cascade on update cascade, constraint "customer_subscriptions_customer_id_foreign" foreign key("customer_id") references "customers"("id") on update cascade, constraint "customer_subscriptions_share_link_id_foreign" foreign key("share_link_id") references "share_links"("id") on update cascade);`);
    this.addSql(`create index "customer_subscriptions_customer_id_index" on "customer_subscriptions" ("customer_id");`);
    this.addSql(`create index "customer_subscriptions_share_link_id_index" on "customer_subscriptions" ("share_link_id");`);
    this.addSql(`create index "customer_subscriptions_chat_id_index" on "customer_subscriptions" ("chat_id");`);
    this.addSql(`create table "subscribe_codes" ("id" integer not null primary key autoincrement, "share_link_id" integer not null, "code_hash" text not null, "created_at" datetime not null, "expires_at" datetime not null, "used_at" datetime null, constraint "subscribe_codes_share_link_id_foreign" foreign key("share_link_id") references "share_links"("id") on delete cascade on update cascade);`);
    this.addSql(`create unique index "subscribe_codes_code_hash_unique" on "subscribe_codes" ("code_hash");`);
    this.addSql(`create index "subscribe_codes_expires_at_index" on "subscribe_codes" ("expires_at");`);
    this.addSql(`create table "notification_outbox" ("id" integer not null primary key autoincrement, "subscription_id" integer not null, "chat_id" text not null, "payload" json not null, "created_at" datetime not null, "due_at" datetime not null, "attempts" integer not null default 0, "claimed_until" datetime null, "sent_at" datetime null, "failed_at" datetime null, constraint "notification_outbox_subscription_id_foreign" foreign key("subscription_id") references "customer_subscriptions"("id") on update cascade);`);
    this.addSql(`create index "notification_outbox_subscription_id_index" on "notification_outbox" ("subscription_id");`);
    this.addSql(`create index "notification_outbox_sent_at_due_at_id_index" on "notification_outbox" ("sent_at", "due_at", "id");`);
    this.addSql(`create table "app_secrets" ("name" text not null primary key, "value" text not null, "created_at" datetime not null);`);
  }

}
