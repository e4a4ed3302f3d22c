import { currentEm, deleteBatch, sqlRows, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import { TooManyLinkAttempts } from '../errors.js';
import { LinkAttemptSchema } from './link-attempt.entity.js';

export const MAX_FAILED_LINKS_PER_MINUTE = 5;
const LINK_WINDOW_MS = 60_000;

/** Link attempts per chat, counted over the last minute by every instance alike. */
export function createLinkAttempts(root: EntityManager, clock: Clock) {
  return {
    /**
     * Runs one link try under the per-chat limit: the try's row is written first and then counted,
     * so of concurrent tries at most the limit get through. The row stays as a failure when
     * `isFailure(error)`, and is removed when the try succeeds or fails for another reason.
     */
    async limited<T>(chatId: string, attempt: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
      const em = currentEm(root);
      const now = clock.now();
      const id = await em.insert(LinkAttemptSchema, { chatId, failedAt: now });
      const release = () => currentEm(root).nativeDelete(LinkAttemptSchema, { id });
      const [counted] = await sqlRows(em, 'select count(*) as n from telegram_link_failures where chat_id = ? and failed_at > ?', [
        chatId,
        new Date(now.getTime() - LINK_WINDOW_MS),
      ]);
      if (Number(counted?.n) > MAX_FAILED_LINKS_PER_MINUTE) {
        await release();
        throw new TooManyLinkAttempts();
      }
      let result: T;
      try {
        result = await attempt();
      } catch (error) {
        // Best effort: the error being thrown says more than a failed clean-up would.
        if (!isFailure(error)) await release().catch(() => undefined);
        throw error;
      }
      await release();
      return result;
    },

    purge: (now: Date, batch: number) =>
      deleteBatch(currentEm(root), 'telegram_link_failures', 'failed_at <= ?', [new Date(now.getTime() - LINK_WINDOW_MS)], batch),
  };
}

export type LinkAttempts = ReturnType<typeof createLinkAttempts>;
