import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ApiTokenSchema } from '../auth/api-token.entity.js';
import { UserSchema } from '../auth/user.entity.js';

/** A Telegram chat acting for a merchant through one API token; revoking the token removes the link. */
export const ChatLinkSchema = defineEntity({
  name: 'TelegramLink',
  tableName: 'telegram_links',
  properties: {
    id: p.integer().primary().autoincrement(),
    owner: p.manyToOne(UserSchema).mapToPk().index().deleteRule('cascade'),
    apiToken: p.manyToOne(ApiTokenSchema).mapToPk().index().deleteRule('cascade'),
    // One link per chat: linking again replaces it.
    chatId: p.string().length(32).unique(),
    chatTitle: p.string().length(255).default(''),
    createdAt: p.datetime(),
  },
});

export type ChatLink = InferEntity<typeof ChatLinkSchema>;
