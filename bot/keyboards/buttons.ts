import { createCallbackData } from 'callback-data';
import { z } from 'zod';
import { MAX_ROW_ID } from '../../src/domain/ids.js';
import { CUSTOMER_LANGUAGES } from '../../src/render/customer-texts.js';
import { StaleButton } from '../errors.js';

/**
 * Every inline button's data, packed and matched by the `callback-data` library (grammY ecosystem):
 * each feature listens only to its own buttons with `bot.callbackQuery(button.filter(), …)`.
 * Telegram allows 64 bytes of callback data, so a question's details wait in the database and its
 * buttons name it by a short id. Button data comes from the chat: it is checked like any input.
 */

const rowId = z.number().int().positive().max(MAX_ROW_ID);
const choiceId = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/);
const index = z.number().int().min(0).max(50);

/** Telegram's limit on a button's callback data. */
export const MAX_CALLBACK_BYTES = 64;

export function button<S extends Record<string, NumberConstructor | StringConstructor>, T>(prefix: string, schema: S, check: z.ZodType<T>) {
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
        throw new StaleButton('button-no-longer-valid');
      }
      const parsed = check.safeParse(unpacked);
      if (!parsed.success) throw new StaleButton('button-no-longer-valid');
      return parsed.data;
    },
  };
}

/** Answer a stored entry question with one of its options; `type` c or d, or - when the option carries it. */
export const entryOptionButton = button('eo', { id: String, option: Number, type: String }, z.object({ id: choiceId, option: index, type: z.enum(['c', 'd', '-']) }));
/** Answer a stored /add question: use the customer already there (option 0) or add another (1). */
export const addOptionButton = button('ao', { id: String, option: Number }, z.object({ id: choiceId, option: index }));
/** Turn the customer list (its search stored as a choice) to another page. */
export const customersPageButton = button('pc', { id: String, page: Number }, z.object({ id: choiceId, page: z.number().int().min(0).max(10_000) }));
/** Dismiss a question; `id` is its stored choice, or - when nothing was stored. */
export const cancelButton = button('x', { id: String }, z.object({ id: z.union([choiceId, z.literal('-')]) }));
/** Reverse this entry (Undo, and /undo's confirmation). */
export const reverseButton = button('rv', { customerId: Number, entryId: Number }, z.object({ customerId: rowId, entryId: rowId }));
/** Show this customer's summary. */
export const summaryButton = button('sm', { customerId: Number }, z.object({ customerId: rowId }));
/** Show this customer's last `count` entries, at a page of them. */
export const historyButton = button(
  'hi',
  { customerId: Number, count: Number, page: Number },
  z.object({ customerId: rowId, count: z.number().int().min(1).max(50), page: index }),
);
/** Create a shop account for this chat and link it (one per chat, however often pressed). */
export const accountButton = button('ac', {}, z.object({}));

// A period end on a button: YYYYMMDD, or - for the statement's default (first entry, or today).
const periodEnd = z.union([z.string().regex(/^\d{8}$/), z.literal('-')]);

/** Send this customer's statement (PDF) for a period. */
export const statementButton = button('st', { customerId: Number, from: String, to: String }, z.object({ customerId: rowId, from: periodEnd, to: periodEnd }));
/** Send this customer's balance chart for a period. */
export const chartButton = button('ch', { customerId: Number, from: String, to: String }, z.object({ customerId: rowId, from: periodEnd, to: periodEnd }));
/** Make this customer's reminder (the message to forward, with share buttons). */
export const remindButton = button('rm', { customerId: Number }, z.object({ customerId: rowId }));
/** The same reminder, in another of the languages customers read. */
export const reminderLanguageButton = button('rl', { customerId: Number, language: String }, z.object({ customerId: rowId, language: z.enum(CUSTOMER_LANGUAGES) }));
