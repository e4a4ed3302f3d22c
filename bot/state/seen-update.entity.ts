import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Update ids already handled, so a re-delivered update (webhook retry, restart) is skipped. */
export const SeenUpdateSchema = defineEntity({
  name: 'TelegramUpdate',
  tableName: 'telegram_updates',
  properties: {
    id: p.integer().primary().autoincrement(),
    updateId: p.bigint('number').unique(),
    receivedAt: p.datetime().index(),
  },
});

export type SeenUpdate = InferEntity<typeof SeenUpdateSchema>;
