import { z } from 'zod';
import { InvalidInput } from './errors.js';

/** Opaque page cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not base64 JSON
  }
  throw new InvalidInput('cursor: is not a cursor this API gave out', { cursor: 'is not a cursor this API gave out' });
}

export type Page<T> = { items: T[]; nextCursor: string | null };
