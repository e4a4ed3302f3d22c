import { Migration } from '@mikro-orm/migrations';

export class Migration20261124074758_telegram extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`telegram_updates\` (\`id\` integer not null primary key autoincrement, \`update_id\` bigint not null, \`received_at\` datetime not null);`);
    this.addSql(`create unique index \`telegram_updates_update_id_unique\` on \`telegram_updates\` (\`update_id\`);`);
    this.addSql(`create index \`telegram_updates_received_at_index\` on \`telegram_updates\` (\`received_at\`);`);

    this.addSql(`create table \`telegram_link_codes\` (\`id\` integer not null primary key autoincrement, \`owner_id\` integer not null, \`api_token_id\` integer not null, \`code_hash\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`telegram_link_codes_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`telegram_link_codes_api_token_id_foreign\` foreign key(\`api_token_id\`) references \`api_tokens\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`telegram_link_codes_owner_id_index\` on \`telegram_link_codes\` (\`owner_id\`);`);
    this.addSql(`create index \`telegram_link_codes_api_token_id_index\` on \`telegram_link_codes\` (\`api_token_id\`);`);
    this.addSql(`create unique index \`telegram_link_codes_code_hash_unique\` on \`telegram_link_codes\` (\`code_hash\`);`);
    this.addSql(`create index \`telegram_link_codes_expires_at_index\` on \`telegram_link_codes\` (\`expires_at\`);`);

    this.addSql(`create table \`telegram_links\` (\`id\` integer not null primary key autoincrement, \`owner_id\` integer not null, \`api_token_id\` integer not null, \`chat_id\` text not null, \`chat_title\` text not null default '', \`created_at\` datetime not null, constraint \`telegram_links_owner_id_foreign\` foreign key(\`owner_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, constraint \`telegram_links_api_token_id_foreign\` foreign key(\`api_token_id\`) references \`api_tokens\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`telegram_links_owner_id_index\` on \`telegram_links\` (\`owner_id\`);`);
    this.addSql(`create index \`telegram_links_api_token_id_index\` on \`telegram_links\` (\`api_token_id\`);`);
    this.addSql(`create unique index \`telegram_links_chat_id_unique\` on \`telegram_links\` (\`chat_id\`);`);
  }

}
