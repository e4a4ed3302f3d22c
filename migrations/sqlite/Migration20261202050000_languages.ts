import { Migration } from '@mikro-orm/migrations';

/** Languages and local money: the merchant's currency, and each chat's language and digits. */
export class Migration20261202050000_languages extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "currency" text null;`);
    this.addSql(`create table "chat_settings" ("chat_id" text not null primary key, "language" text null, "digits" text null, "updated_at" datetime not null);`);
  }

}
