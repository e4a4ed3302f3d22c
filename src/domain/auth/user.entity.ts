import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().length(150).unique(),
    passwordHash: p.string().length(100),
    createdAt: p.datetime(),
    // Set for an account made from a Telegram chat (/start): one account per chat, whatever the presses.
    createdByChat: p.string().length(32).nullable().unique(),
    // How many customers the merchant has made (archived ones too): the cap is checked on this, not by counting.
    customerCount: p.integer().default(0),
    // The shop's name as customers see it (share pages, reminders, updates); the username when unset.
    displayName: p.string().length(100).nullable(),
    // ISO 4217 code amounts are shown with (the symbol, the grouping); null shows plain numbers. Never converted.
    currency: p.string().length(3).nullable(),
  },
});

export type User = InferEntity<typeof UserSchema>;
