import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../auth/user.entity.js';
import { CustomerSchema } from '../customers/customer.entity.js';
import { ShareLinkSchema } from '../sharing/share-link.entity.js';

/** A customer's own Telegram chat, told of every entry on their side of the book until it stops. */
export const SubscriptionSchema = defineEntity({
  name: 'CustomerSubscription',
  tableName: 'customer_subscriptions',
  properties: {
    id: p.integer().primary().autoincrement(),
    owner: p.manyToOne(UserSchema).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(CustomerSchema).mapToPk().index(),
    // The link it came from: revoking that link ends it.
    shareLink: p.manyToOne(ShareLinkSchema).mapToPk().index(),
    chatId: p.string().length(32).index(),
    chatTitle: p.string().length(200).default(''),
    language: p.string().length(8).default('en'),
    createdAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    endReason: p.string().length(32).nullable(),
  },
});

/** A one-time code a share page's "Get updates on Telegram" puts in the bot's deep link; only its hash is kept. */
export const SubscribeCodeSchema = defineEntity({
  name: 'SubscribeCode',
  tableName: 'subscribe_codes',
  properties: {
    id: p.integer().primary().autoincrement(),
    shareLink: p.manyToOne(ShareLinkSchema).mapToPk().deleteRule('cascade'),
    codeHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable(),
  },
});

/**
 * A message owed to a subscribed chat, written in the same transaction as the entry it tells of, and
 * sent by whichever instance claims it first (the outbox).
 */
export const OutboxSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'notification_outbox',
  properties: {
    id: p.integer().primary().autoincrement(),
    subscription: p.manyToOne(SubscriptionSchema).mapToPk().index(),
    chatId: p.string().length(32),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    // Not before this (a retry after a failure or a flood wait).
    dueAt: p.datetime(),
    attempts: p.integer().default(0),
    claimedUntil: p.datetime().nullable(),
    sentAt: p.datetime().nullable(),
    failedAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['sentAt', 'dueAt', 'id'] },
    // Unsent messages by subscription: a claim checks nothing earlier to the same chat is pending.
    {
      name: 'notification_outbox_pending_index',
      expression: 'create index "notification_outbox_pending_index" on "notification_outbox" ("subscription_id", "id") where "sent_at" is null and "failed_at" is null',
    },
  ],
});

export type Subscription = InferEntity<typeof SubscriptionSchema>;
export type SubscribeCode = InferEntity<typeof SubscribeCodeSchema>;
export type OutboxMessage = InferEntity<typeof OutboxSchema>;
