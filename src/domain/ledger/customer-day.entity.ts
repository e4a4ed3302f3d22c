import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CustomerSchema } from '../customers/customer.entity.js';

/**
 * A customer's book by entry date, kept in step by every posting: `entries` counts them, `credit`/`debit` sum every entry of the
 * date (reversals included, as statements show them); `gave`/`got` only trade (an undone entry and its
 * reversal are both left out: a reversal takes its amount back from the original's date).
 */
export const CustomerDaySchema = defineEntity({
  name: 'CustomerDay',
  tableName: 'customer_days',
  properties: {
    customer: p.manyToOne(CustomerSchema).mapToPk().primary(),
    entryDate: p.date().primary(),
    entries: p.integer().default(0),
    credit: p.bigint('number').default(0),
    debit: p.bigint('number').default(0),
    gave: p.bigint('number').default(0),
    got: p.bigint('number').default(0),
  },
});

export type CustomerDay = InferEntity<typeof CustomerDaySchema>;
