import { Migration } from '@mikro-orm/migrations';

/**
 * A chat hears its updates in order: claiming a message asks whether an earlier one to the same
 * subscription is still unsent. This index holds only unsent messages, so that question never walks a
 * subscription's history of sent ones.
 */
export class Migration20261204000000_outbox_in_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "notification_outbox_pending_index" on "notification_outbox" ("subscription_id", "id") where "sent_at" is null and "failed_at" is null;`);
  }

}
