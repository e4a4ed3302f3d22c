import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A message the bot must delete later (a freshly issued token it showed once); due_at says when. */
export const DeletionSchema = defineEntity({
  name: 'TelegramDeletion',
  tableName: 'telegram_deletions',
  properties: {
    id: p.integer().primary().autoincrement(),
    chatId: p.string().length(32),
    messageId: p.integer(),
    dueAt: p.datetime().index(),
  },
});

export type Deletion = InferEntity<typeof DeletionSchema>;
