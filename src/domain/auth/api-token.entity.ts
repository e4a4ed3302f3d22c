import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from './user.entity.js';

/** Only the SHA-256 of a token is stored; the token itself is shown once. */
export const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: p.manyToOne(UserSchema).mapToPk().index().deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    // Where a token was issued when not by login or register (e.g. "telegram:<chat id>" for /token).
    issuedVia: p.string().length(64).nullable(),
  },
});

export type ApiToken = InferEntity<typeof ApiTokenSchema>;
