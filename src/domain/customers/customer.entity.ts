import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../auth/user.entity.js';

/** Running totals are kept in minor units and bumped in the same transaction as each entry. */
export const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p.integer().primary().autoincrement(),
    // No index of its own: the (owner_id, archived, …) indexes below serve every lookup by owner.
    owner: p.manyToOne(UserSchema).mapToPk().deleteRule('cascade').index(false),
    name: p.string().length(100),
    // The name as it is matched (see name-key.ts), kept beside it so matching and search use an index.
    nameKey: p.string().length(400).default(''),
    phone: p.string().length(20).default(''),
    address: p.string().length(500).default(''),
    archived: p.boolean().default(false),
    totalCredit: p.bigint('number').default(0),
    totalDebit: p.bigint('number').default(0),
    // Amounts of this customer's entries that were reversed (each reversal mirrors one): what "gave" and
    // "got" leave out when undone entries should not count as trade.
    totalReversed: p.bigint('number').default(0),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  // (The balance-order index is an expression index: it is made by a migration only.)
  indexes: [{ properties: ['owner', 'archived', 'id', 'nameKey'] }, { properties: ['owner', 'archived', 'nameKey'] }],
});

export type Customer = InferEntity<typeof CustomerSchema>;
