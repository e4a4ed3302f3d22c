import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from '../auth/user.entity.js';

/**
 * A merchant's book in one row, kept in step with its active customers' running totals in the same
 * transactions that move them, so the overall summary reads one row however big the book is.
 */
export const MerchantTotalsSchema = defineEntity({
  name: 'MerchantTotals',
  tableName: 'merchant_totals',
  properties: {
    owner: p.oneToOne(UserSchema).primary().mapToPk().deleteRule('cascade'),
    customers: p.integer().default(0),
    totalCredit: p.bigint('number').default(0),
    totalDebit: p.bigint('number').default(0),
    totalReversed: p.bigint('number').default(0),
    // Customers who owe the merchant (balance > 0) and whom the merchant owes (< 0), and those sums.
    customersOwing: p.integer().default(0),
    customersOwed: p.integer().default(0),
    toGet: p.bigint('number').default(0),
    toGive: p.bigint('number').default(0),
  },
});

export type MerchantTotals = InferEntity<typeof MerchantTotalsSchema>;
