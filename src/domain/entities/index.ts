import { ApiTokenSchema } from './api-token.entity.js';
import { CustomerSchema } from './customer.entity.js';
import { IdempotencyKeySchema } from './idempotency-key.entity.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { TelegramLinkCodeSchema } from './telegram-link-code.entity.js';
import { TelegramLinkFailureSchema } from './telegram-link-failure.entity.js';
import { TelegramLinkSchema } from './telegram-link.entity.js';
import { TelegramPendingEntrySchema } from './telegram-pending-entry.entity.js';
import { TelegramUpdateSchema } from './telegram-update.entity.js';
import { UserSchema } from './user.entity.js';

export const entities = [
  UserSchema,
  ApiTokenSchema,
  CustomerSchema,
  LedgerEntrySchema,
  IdempotencyKeySchema,
  TelegramLinkSchema,
  TelegramLinkCodeSchema,
  TelegramUpdateSchema,
  TelegramPendingEntrySchema,
  TelegramLinkFailureSchema,
];

export * from './api-token.entity.js';
export * from './customer.entity.js';
export * from './idempotency-key.entity.js';
export * from './ledger-entry.entity.js';
export * from './telegram-link-code.entity.js';
export * from './telegram-link-failure.entity.js';
export * from './telegram-link.entity.js';
export * from './telegram-pending-entry.entity.js';
export * from './telegram-update.entity.js';
export * from './user.entity.js';
