import { Migration } from '@mikro-orm/migrations';

/** Languages and local money: the merchant's currency, and each chat's language and digits. */
export class Migration20261202050000_languages extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "currency" varchar(3) null;`);
    this.addSql(`create table "chat_settings" ("chat_id" varchar(32) not null primary key, "language" varchar(8) null, "digits" varchar(8) null, "updated_at" timestamptz not null);`);
  }

}
