import { currentEm, deleteBatch, isUniqueViolation, sqlRows, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';

// Telegram picks a random next update id after a week without updates; older ids cannot come back.
export const SEEN_UPDATE_TTL_MS = 8 * 24 * 60 * 60 * 1000;

/** Update ids already handled, shared by every instance, so a re-delivered update is skipped. */
export function createSeenUpdates(root: EntityManager, clock: Clock) {
  return {
    /** Records an update id; false when it was seen before, so the update must not be handled again. */
    async claim(updateId: number): Promise<boolean> {
      try {
        await sqlRows(currentEm(root), 'insert into telegram_updates (update_id, received_at) values (?, ?) returning id', [updateId, clock.now()]);
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    purge: (now: Date, batch: number) =>
      deleteBatch(currentEm(root), 'telegram_updates', 'received_at < ?', [new Date(now.getTime() - SEEN_UPDATE_TTL_MS)], batch),
  };
}

export type SeenUpdates = ReturnType<typeof createSeenUpdates>;
