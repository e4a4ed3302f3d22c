import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ApiTokenSchema } from '../auth/api-token.entity.js';
import { CustomerSchema } from '../customers/customer.entity.js';

export const ENTRY_TYPES = ['credit', 'debit'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const CHANNELS = ['api', 'telegram'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Append-only: entries are never updated or deleted; a correction is a reversing entry. */
export const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  properties: {
    id: p.integer().primary().autoincrement(),
    // No index of its own: (customer_id, entry_date, id) below serves every lookup by customer.
    customer: p.manyToOne(CustomerSchema).mapToPk().index(false),
    type: p.enum([...ENTRY_TYPES]),
    amount: p.bigint('number'),
    note: p.string().length(500).default(''),
    entryDate: p.date(),
    createdAt: p.datetime(),
    // Unique: an entry can be reversed at most once, even under concurrent requests (the unique index
    // is the only one it needs).
    reverses: () => p.manyToOne(LedgerEntrySchema).mapToPk().nullable().unique().index(false),
    channel: p.enum([...CHANNELS]).default('api'),
    apiToken: p.manyToOne(ApiTokenSchema).mapToPk().nullable().deleteRule('set null'),
    telegramChatId: p.string().length(32).nullable(),
  },
  indexes: [
    { properties: ['customer', 'entryDate', 'id'] },
    // /undo: this chat's newest entry that is not a reversal (telegram_chat_id = ? and reverses_id is null order by id desc).
    { properties: ['telegramChatId', 'reverses', 'id'] },
  ],
});

export type LedgerEntry = InferEntity<typeof LedgerEntrySchema>;
