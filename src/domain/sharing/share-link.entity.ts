import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../auth/user.entity.js';
import { CustomerSchema } from '../customers/customer.entity.js';

/**
 * A read-only link to one customer's side of the book. The token in its URL is derived from `salt`
 * with a server secret (see share-tokens.ts); only its SHA-256 is stored, for the lookup.
 */
export const ShareLinkSchema = defineEntity({
  name: 'ShareLink',
  tableName: 'share_links',
  properties: {
    id: p.integer().primary().autoincrement(),
    owner: p.manyToOne(UserSchema).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(CustomerSchema).mapToPk().index(),
    salt: p.string().length(32),
    tokenHash: p.string().length(64).unique().nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type ShareLink = InferEntity<typeof ShareLinkSchema>;
