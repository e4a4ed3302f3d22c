import { currentEm, deleteBatch, num, sqlRows, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';

// Telegram picks a random next update id after a week without updates; older ids cannot come back.
export const SEEN_UPDATE_TTL_MS = 8 * 24 * 60 * 60 * 1000;

// Claims made in one turn of the event loop are written by one statement (one commit): under load
// the runner hands over many updates at once, and a commit costs more than the rows in it.
const MAX_BATCH = 64;

type Waiter = { resolve(claimed: boolean): void; reject(error: unknown): void };

/** Update ids already handled, shared by every instance, so a re-delivered update is skipped. */
export function createSeenUpdates(root: EntityManager, clock: Clock) {
  let pending = new Map<number, Waiter[]>();
  let scheduled = false;

  async function write(batch: Map<number, Waiter[]>): Promise<void> {
    const ids = [...batch.keys()];
    const now = clock.now();
    try {
      // Outside any transaction (claims are made before an update's work starts): each claim is
      // committed before its update is handled, as when it was written alone.
      const rows = await sqlRows(
        root,
        `insert into telegram_updates (update_id, received_at) values ${ids.map(() => '(?, ?)').join(', ')}
         on conflict (update_id) do nothing returning update_id`,
        ids.flatMap((id) => [id, now]),
      );
      const inserted = new Set(rows.map((r) => num(r.update_id)));
      // The same id twice in one turn: the first claim wins, as if they had come one after the other.
      for (const [id, waiters] of batch) waiters.forEach((w, i) => w.resolve(i === 0 && inserted.has(id)));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }

  function flush(): void {
    scheduled = false;
    const all = [...pending];
    pending = new Map();
    for (let i = 0; i < all.length; i += MAX_BATCH) void write(new Map(all.slice(i, i + MAX_BATCH)));
  }

  return {
    /**
     * Records an update id; false when it was seen before, so the update must not be handled again.
     * Called outside any transaction: the claim is committed on its own before the update's work.
     */
    claim(updateId: number): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        const waiters = pending.get(updateId);
        if (waiters) waiters.push({ resolve, reject });
        else pending.set(updateId, [{ resolve, reject }]);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },

    purge: (now: Date, batch: number) =>
      deleteBatch(currentEm(root), 'telegram_updates', 'received_at < ?', [new Date(now.getTime() - SEEN_UPDATE_TTL_MS)], batch),
  };
}

export type SeenUpdates = ReturnType<typeof createSeenUpdates>;
