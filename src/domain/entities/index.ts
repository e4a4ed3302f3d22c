import { ApiTokenSchema } from './api-token.entity.js';
import { CustomerSchema } from './customer.entity.js';
import { IdempotencyKeySchema } from './idempotency-key.entity.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { UserSchema } from './user.entity.js';

export const entities = [UserSchema, ApiTokenSchema, CustomerSchema, LedgerEntrySchema, IdempotencyKeySchema];

export * from './api-token.entity.js';
export * from './customer.entity.js';
export * from './idempotency-key.entity.js';
export * from './ledger-entry.entity.js';
export * from './user.entity.js';
