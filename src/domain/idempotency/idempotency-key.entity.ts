import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../auth/user.entity.js';

/** A stored outcome for a client-chosen key, so a retried request creates nothing new. */
export const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  properties: {
    id: p.integer().primary().autoincrement(),
    // No index of its own: the unique (owner_id, key) index serves every lookup by owner.
    owner: p.manyToOne(UserSchema).mapToPk().deleteRule('cascade').index(false),
    key: p.string().length(255),
    fingerprint: p.string().length(64),
    result: p.json<unknown>().nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
  },
  uniques: [{ properties: ['owner', 'key'] }],
});

export type IdempotencyKey = InferEntity<typeof IdempotencyKeySchema>;
