import { randomBytes } from 'node:crypto';
import type { EntryType } from '../src/domain/entities/index.js';

/** An entry command waiting for a button: which customer, or whether to create one. */
export type PendingEntry = {
  chatId: string;
  /** The idempotency key of the message that asked, so the entry posts once however often a button is pressed. */
  key: string;
  name: string;
  type: EntryType;
  amount: number;
  note: string;
};

export const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 5_000;

/**
 * In memory, per bot: a restart forgets pending choices and the button then asks to send the
 * command again, which is safe because nothing was posted yet.
 */
export function createPendingEntries(now: () => number = Date.now) {
  const items = new Map<string, PendingEntry & { expiresAt: number }>();

  function sweep(): void {
    const t = now();
    for (const [id, item] of items) if (item.expiresAt <= t) items.delete(id);
    // Oldest first: Map keeps insertion order.
    for (const id of items.keys()) {
      if (items.size < MAX_PENDING) break;
      items.delete(id);
    }
  }

  return {
    add(entry: PendingEntry): string {
      sweep();
      const id = randomBytes(6).toString('base64url');
      items.set(id, { ...entry, expiresAt: now() + PENDING_TTL_MS });
      return id;
    },
    /** The pending entry, if it exists, has not expired, and belongs to this chat. */
    get(id: string, chatId: string): PendingEntry | null {
      const item = items.get(id);
      if (!item || item.expiresAt <= now() || item.chatId !== chatId) return null;
      return item;
    },
  };
}

export type PendingEntries = ReturnType<typeof createPendingEntries>;
