import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const CHOICE_STATES = ['open', 'used', 'cancelled'] as const;

/**
 * A question the bot asked with buttons (which customer, which amount, add one?), waiting for a press.
 * In the database, so any bot instance can take the press; it belongs to the merchant and the link
 * (token) it was asked under, and is dead once used, cancelled, expired, or the chat is linked anew.
 */
export const ChoiceSchema = defineEntity({
  name: 'TelegramChoice',
  tableName: 'telegram_choices',
  properties: {
    id: p.string().length(16).primary(),
    chatId: p.string().length(32),
    ownerId: p.integer(),
    apiTokenId: p.integer(),
    kind: p.string().length(16),
    // The idempotency key of the message that asked, so what it posts posts once.
    key: p.string().length(255),
    options: p.json<unknown>(),
    state: p.enum([...CHOICE_STATES]).default('open'),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
  },
});

export type Choice = InferEntity<typeof ChoiceSchema>;
