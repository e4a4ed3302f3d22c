import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One /link attempt per row, counted per chat over the last minute by every instance alike. */
export const LinkAttemptSchema = defineEntity({
  name: 'TelegramLinkFailure',
  tableName: 'telegram_link_failures',
  properties: {
    id: p.integer().primary().autoincrement(),
    chatId: p.string().length(32),
    failedAt: p.datetime(),
  },
  indexes: [{ properties: ['chatId', 'failedAt'] }],
});

export type LinkAttempt = InferEntity<typeof LinkAttemptSchema>;
