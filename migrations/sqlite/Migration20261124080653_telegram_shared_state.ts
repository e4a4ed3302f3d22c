import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080653_telegram_shared_state extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`telegram_link_failures\` (\`id\` integer not null primary key autoincrement, \`chat_id\` text not null, \`failed_at\` datetime not null);`);
    this.addSql(`create index \`telegram_link_failures_chat_id_failed_at_index\` on \`telegram_link_failures\` (\`chat_id\`, \`failed_at\`);`);

    this.addSql(`create table \`telegram_pending_entries\` (\`id\` text not null, \`chat_id\` text not null, \`idempotency_key\` text not null, \`name\` text not null, \`type\` text check (\`type\` in ('credit', 'debit')) not null, \`amount\` bigint not null, \`note\` text not null, \`expires_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`telegram_pending_entries_expires_at_index\` on \`telegram_pending_entries\` (\`expires_at\`);`);

    this.addSql(`create index \`ledger_entries_telegram_chat_id_reverses_id_id_index\` on \`ledger_entries\` (\`telegram_chat_id\`, \`reverses_id\`, \`id\`);`);
  }

}
