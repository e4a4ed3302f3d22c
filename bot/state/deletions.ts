import { currentEm, num, sqlRows, type EntityManager } from '../../src/db/sql.js';
import { DeletionSchema } from './deletion.entity.js';

/** Messages the bot deletes later (a token it showed once), kept in the database so a restart keeps the promise. */
export function createDeletions(root: EntityManager) {
  return {
    async schedule(chatId: string, messageId: number, dueAt: Date): Promise<void> {
      await currentEm(root).insert(DeletionSchema, { chatId, messageId, dueAt });
    },

    /**
     * Deletes up to `batch` due messages through `deleteMessage`, then forgets them (a message already
     * gone, or a chat that blocked the bot, is forgotten too). Every instance may run it: a row is
     * claimed by deleting it first, so each message is deleted once.
     */
    async runDue(now: Date, batch: number, deleteMessage: (chatId: string, messageId: number) => Promise<unknown>): Promise<number> {
      const em = currentEm(root);
      const due = await sqlRows(em, 'select id, chat_id, message_id from telegram_deletions where due_at <= ? order by due_at limit ?', [now, batch]);
      let done = 0;
      for (const row of due) {
        const claimed = await sqlRows(em, 'delete from telegram_deletions where id = ? returning id', [num(row.id)]);
        if (claimed.length === 0) continue;
        done += 1;
        await deleteMessage(String(row.chat_id), num(row.message_id)).catch(() => undefined);
      }
      return done;
    },
  };
}

export type Deletions = ReturnType<typeof createDeletions>;
