import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { currentEm, deleteBatch, isUniqueViolation, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import type { EntryType } from '../../src/domain/ledger/ledger-entry.entity.js';
import { customerNameRule, noteRule } from '../../src/domain/rules.js';
import { parseInput } from '../../src/domain/validate.js';
import { PendingChoiceSchema } from './pending-choice.entity.js';

/** A chat entry command waiting for a button: which customer, or whether to create one. */
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

// Chat text is untrusted: the name and note are checked like any other input before they are stored
// (a NUL byte, for one, would otherwise reach SQLite and fail the insert).
const storedText = z.object({ name: customerNameRule, note: noteRule });

/**
 * Pending choices live in the database, so a button pressed on any instance (or after a restart)
 * finds its entry. A choice stays usable until it expires: pressing twice is safe because the
 * entry's idempotency key posts it once.
 */
export function createPendingChoices(root: EntityManager, clock: Clock) {
  return {
    /** Keeps the entry for PENDING_TTL_MS; returns the short id a button carries (8 characters). */
    async add(entry: PendingEntry): Promise<string> {
      parseInput(storedText, { name: entry.name, note: entry.note });
      const em = currentEm(root);
      const now = clock.now();
      for (let attempt = 1; ; attempt++) {
        const id = randomBytes(6).toString('base64url');
        try {
          await em.insert(PendingChoiceSchema, {
            id,
            chatId: entry.chatId,
            idempotencyKey: entry.key,
            name: entry.name,
            type: entry.type,
            amount: entry.amount,
            note: entry.note,
            expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
          });
          return id;
        } catch (error) {
          // 48 random bits: a clash is all but impossible, and a new id settles it.
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    /** The pending entry, if it exists, has not expired, and belongs to this chat. */
    async get(id: string, chatId: string): Promise<PendingEntry | null> {
      const row = await currentEm(root).findOne(PendingChoiceSchema, { id, chatId, expiresAt: { $gt: clock.now() } }, { disableIdentityMap: true });
      if (!row) return null;
      return { chatId: row.chatId, key: row.idempotencyKey, name: row.name, type: row.type, amount: row.amount, note: row.note };
    },

    // The primary key is the short text id, so the batch is chosen by it (deleteBatch selects by id).
    purge: (now: Date, batch: number) => deleteBatch(currentEm(root), 'telegram_pending_entries', 'expires_at <= ?', [now], batch),
  };
}

export type PendingChoices = ReturnType<typeof createPendingChoices>;
