import { createCallbackData } from 'callback-data';
import { z } from 'zod';
import { MAX_ROW_ID } from '../../src/domain/ids.js';
import { StaleButton } from '../errors.js';

/**
 * Every inline button's data, packed and matched by the `callback-data` library (grammY ecosystem):
 * each feature listens only to its own buttons with `bot.callbackQuery(button.filter(), …)`.
 * Telegram allows 64 bytes of callback data, so entries that carry a note wait in the database and
 * their buttons name them by a short id. Button data comes from the chat: it is checked like any input.
 */

const rowId = z.number().int().positive().max(MAX_ROW_ID);
const pendingId = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/);

export const INVALID_BUTTON = 'This button is no longer valid.';
/** Telegram's limit on a button's callback data. */
export const MAX_CALLBACK_BYTES = 64;

function button<S extends Record<string, NumberConstructor | StringConstructor>, T>(prefix: string, schema: S, check: z.ZodType<T>) {
  const data = createCallbackData(prefix, schema);
  return {
    pack: (value: T & Parameters<typeof data.pack>[0]) => data.pack(value),
    filter: () => data.filter(),
    /** The checked values of a pressed button; StaleButton when the data is not one this bot wrote. */
    read(raw: string): T {
      let unpacked: unknown;
      try {
        unpacked = data.unpack(raw);
      } catch {
        throw new StaleButton(INVALID_BUTTON);
      }
      const parsed = check.safeParse(unpacked);
      if (!parsed.success) throw new StaleButton(INVALID_BUTTON);
      return parsed.data;
    },
  };
}

/** Post a waiting entry to this customer. */
export const pickButton = button('pk', { pendingId: String, customerId: Number }, z.object({ pendingId, customerId: rowId }));
/** Create the customer a waiting entry named, and post it. */
export const createButton = button('mk', { pendingId: String }, z.object({ pendingId }));
/** Reverse this entry (Undo, and /undo's confirmation). */
export const reverseButton = button('rv', { customerId: Number, entryId: Number }, z.object({ customerId: rowId, entryId: rowId }));
/** Show this customer's summary. */
export const summaryButton = button('sm', { customerId: Number }, z.object({ customerId: rowId }));
/** Show this customer's last `count` entries. */
export const historyButton = button('hi', { customerId: Number, count: Number }, z.object({ customerId: rowId, count: z.number().int().min(1).max(50) }));
/** Dismiss a question; nothing changes. */
export const cancelButton = button('x', {}, z.object({}));
