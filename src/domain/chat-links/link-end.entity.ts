import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Why a chat's link ended (its token was logged out, or the merchant removed it), until the chat is told. */
export const LinkEndSchema = defineEntity({
  name: 'TelegramLinkEnd',
  tableName: 'telegram_link_ends',
  properties: {
    chatId: p.string().length(32).primary(),
    reason: p.string().length(32),
    endedAt: p.datetime(),
  },
});

export type LinkEnd = InferEntity<typeof LinkEndSchema>;
