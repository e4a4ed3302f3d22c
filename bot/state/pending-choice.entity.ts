import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ENTRY_TYPES } from '../../src/domain/ledger/ledger-entry.entity.js';

/**
 * A /credit or /debit waiting for a button (which customer? add one?). In the database, not in a
 * process, so any bot instance can take the press; the id is the short one in the callback data.
 */
export const PendingChoiceSchema = defineEntity({
  name: 'TelegramPendingEntry',
  tableName: 'telegram_pending_entries',
  properties: {
    id: p.string().length(16).primary(),
    chatId: p.string().length(32),
    idempotencyKey: p.string().length(255),
    // Text as typed: the service that posts validates name and note, as it would without the button.
    name: p.text(),
    type: p.enum([...ENTRY_TYPES]),
    amount: p.bigint('number'),
    note: p.text(),
    expiresAt: p.datetime().index(),
  },
});

export type PendingChoice = InferEntity<typeof PendingChoiceSchema>;
