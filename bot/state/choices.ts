import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { currentEm, dateOf, deleteBatch, isUniqueViolation, jsonOf, num, sqlRows, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import { ChoiceSchema, type CHOICE_STATES } from './choice.entity.js';

/** A question waits this long for its button; a list being paged stays turnable for a day. */
export const CHOICE_TTL_MS = 10 * 60 * 1000;
export const VIEW_TTL_MS = 24 * 60 * 60 * 1000;

export type ChoiceState = (typeof CHOICE_STATES)[number];

export type StoredChoice = {
  id: string;
  chatId: string;
  ownerId: number;
  apiTokenId: number;
  kind: string;
  key: string;
  options: unknown;
  state: ChoiceState;
};

const stateSchema = z.enum(['open', 'used', 'cancelled']);

/**
 * Questions the bot asked with buttons, in the database so a press works on any instance and after a
 * restart. A choice is asked under one merchant and one link (token); it closes once (used or
 * cancelled), and the first close wins even when two presses race.
 */
export function createChoices(root: EntityManager, clock: Clock) {
  return {
    /** Stores a question; returns the short id its buttons carry (8 characters). */
    async open(choice: Omit<StoredChoice, 'id' | 'state'>, ttlMs = CHOICE_TTL_MS): Promise<string> {
      const now = clock.now();
      for (let attempt = 1; ; attempt++) {
        const id = randomBytes(6).toString('base64url');
        try {
          await currentEm(root).insert(ChoiceSchema, { ...choice, id, state: 'open', createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
          return id;
        } catch (error) {
          // 48 random bits: a clash is all but impossible, and a new id settles it.
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    /** The choice asked in this chat, if it has not expired (whatever its state). */
    async get(id: string, chatId: string): Promise<StoredChoice | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(
        em,
        'select id, chat_id, owner_id, api_token_id, kind, "key", options, state, expires_at from telegram_choices where id = ? and chat_id = ?',
        [id, chatId],
      );
      if (!row || dateOf(em, row.expires_at) <= clock.now()) return null;
      return {
        id: String(row.id),
        chatId: String(row.chat_id),
        ownerId: num(row.owner_id),
        apiTokenId: num(row.api_token_id),
        kind: String(row.kind),
        key: String(row.key),
        options: jsonOf(row.options),
        state: stateSchema.parse(row.state),
      };
    },

    /** Closes an open choice of this chat; false when it was closed already (the other press won). */
    async close(id: string, chatId: string, state: Exclude<ChoiceState, 'open'>): Promise<boolean> {
      const rows = await sqlRows(root, "update telegram_choices set state = ? where id = ? and chat_id = ? and state = 'open' returning id", [
        state,
        id,
        chatId,
      ]);
      return rows.length > 0;
    },

    purge: (now: Date, batch: number) => deleteBatch(currentEm(root), 'telegram_choices', 'expires_at <= ?', [now], batch),
  };
}

export type Choices = ReturnType<typeof createChoices>;
