import { z } from 'zod';

/**
 * Button payloads, kept short: Telegram allows 64 bytes of callback data. Entries that carry a note
 * wait in the database (the pending entry service) and the button names them by a short id.
 */
export type Callback =
  | { action: 'pick'; pendingId: string; customerId: number }
  | { action: 'create'; pendingId: string }
  | { action: 'reverse'; customerId: number; entryId: number }
  | { action: 'cancel' }
  | { action: 'summary'; customerId: number }
  | { action: 'history'; customerId: number; count: number };

export const MAX_CALLBACK_BYTES = 64;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const pendingId = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/);

const shapes = new Map<string, z.ZodType<Callback>>([
  ['pk', z.tuple([pendingId, id]).transform(([p, c]): Callback => ({ action: 'pick', pendingId: p, customerId: c }))],
  ['mk', z.tuple([pendingId]).transform(([p]): Callback => ({ action: 'create', pendingId: p }))],
  ['rv', z.tuple([id, id]).transform(([c, e]): Callback => ({ action: 'reverse', customerId: c, entryId: e }))],
  ['x', z.tuple([]).transform((): Callback => ({ action: 'cancel' }))],
  ['sm', z.tuple([id]).transform(([c]): Callback => ({ action: 'summary', customerId: c }))],
  ['hi', z.tuple([id, id]).transform(([c, n]): Callback => ({ action: 'history', customerId: c, count: n }))],
]);

export function encodeCallback(cb: Callback): string {
  switch (cb.action) {
    case 'pick':
      return `pk:${cb.pendingId}:${cb.customerId}`;
    case 'create':
      return `mk:${cb.pendingId}`;
    case 'reverse':
      return `rv:${cb.customerId}:${cb.entryId}`;
    case 'cancel':
      return 'x';
    case 'summary':
      return `sm:${cb.customerId}`;
    case 'history':
      return `hi:${cb.customerId}:${cb.count}`;
  }
}

/** Reads button data back; anything the bot did not write (or an old format) is null. */
export function decodeCallback(data: string): Callback | null {
  const [tag, ...parts] = data.split(':');
  const shape = tag === undefined ? undefined : shapes.get(tag);
  const parsed = shape?.safeParse(parts);
  if (!parsed) return null;
  return parsed.success ? parsed.data : null;
}
