import { Migration } from '@mikro-orm/migrations';

export class Migration20261124073447_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`users\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`password_hash\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`users_username_unique\` on \`users\` (\`username\`);`);

    this.addSql(`create table \`idempotency_keys\` (\`id\` integer not null primary key autoincrement, \`owner_id\` integer not null, \`key\` text not null, \`fingerprint\` text not null, \`result\` json null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`idempotency_keys_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`idempotency_keys_owner_id_index\` on \`idempotency_keys\` (\`owner_id\`);`);
    this.addSql(`create index \`idempotency_keys_expires_at_index\` on \`idempotency_keys\` (\`expires_at\`);`);
    this.addSql(`create unique index \`idempotency_keys_owner_id_key_unique\` on \`idempotency_keys\` (\`owner_id\`, \`key\`);`);

    this.addSql(`create table \`customers\` (\`id\` integer not null primary key autoincrement, \`owner_id\` integer not null, \`name\` text not null, \`phone\` text not null default '', \`address\` text not null default '', \`archived\` integer not null default false, \`total_credit\` bigint not null default 0, \`total_debit\` bigint not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`customers_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`customers_owner_id_index\` on \`customers\` (\`owner_id\`);`);
    this.addSql(`create index \`customers_owner_id_archived_id_index\` on \`customers\` (\`owner_id\`, \`archived\`, \`id\`);`);

    this.addSql(`create table \`api_tokens\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_tokens_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`api_tokens_user_id_index\` on \`api_tokens\` (\`user_id\`);`);
    this.addSql(`create unique index \`api_tokens_token_hash_unique\` on \`api_tokens\` (\`token_hash\`);`);

    this.addSql(`create table \`ledger_entries\` (\`id\` integer not null primary key autoincrement, \`customer_id\` integer not null, \`type\` text check (\`type\` in ('credit', 'debit')) not null, \`amount\` bigint not null check (\`amount\` > 0 and \`amount\` <= 99999999999999), \`note\` text not null default '', \`entry_date\` date not null, \`created_at\` datetime not null, \`reverses_id\` integer null, \`channel\` text check (\`channel\` in ('api', 'telegram')) not null default 'api', \`api_token_id\` integer null, \`telegram_chat_id\` text null, constraint \`ledger_entries_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, constraint \`ledger_entries_reverses_id_foreign\` foreign key(\`reverses_id\`) references \`ledger_entries\`(\`id\`) on delete set null on update cascade, constraint \`ledger_entries_api_token_id_foreign\` foreign key(\`api_token_id\`) references \`api_tokens\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`ledger_entries_customer_id_index\` on \`ledger_entries\` (\`customer_id\`);`);
    this.addSql(`create index \`ledger_entries_reverses_id_index\` on \`ledger_entries\` (\`reverses_id\`);`);
    this.addSql(`create unique index \`ledger_entries_reverses_id_unique\` on \`ledger_entries\` (\`reverses_id\`);`);
    this.addSql(`create index \`ledger_entries_api_token_id_index\` on \`ledger_entries\` (\`api_token_id\`);`);
    this.addSql(`create index \`ledger_entries_customer_id_entry_date_id_index\` on \`ledger_entries\` (\`customer_id\`, \`entry_date\`, \`id\`);`);
  }

}
