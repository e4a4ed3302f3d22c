import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ApiTokenSchema } from '../auth/api-token.entity.js';
import { UserSchema } from '../auth/user.entity.js';

/** A one-time deep-link code; only its SHA-256 is stored, like API tokens. */
export const LinkCodeSchema = defineEntity({
  name: 'TelegramLinkCode',
  tableName: 'telegram_link_codes',
  properties: {
    id: p.integer().primary().autoincrement(),
    owner: p.manyToOne(UserSchema).mapToPk().index().deleteRule('cascade'),
    apiToken: p.manyToOne(ApiTokenSchema).mapToPk().index().deleteRule('cascade'),
    codeHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable(),
  },
});

export type LinkCode = InferEntity<typeof LinkCodeSchema>;
