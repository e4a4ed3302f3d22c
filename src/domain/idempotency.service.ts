import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from './clock.js';
import { currentEm, isUniqueViolation, num, sqlRows, type EntityManager } from './db.js';
import { IdempotencyKeySchema } from './entities/index.js';
import { IdempotencyKeyReused } from './errors.js';
import { idempotencyKeySchema } from './inputs.js';
import { parseInput } from './validate.js';

/** Keys are kept at least this long; an older key may be used again for a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

/** A timestamp column: milliseconds on SQLite, text on PostgreSQL. */
function dateOf(em: EntityManager, value: unknown): Date {
  if (typeof value !== 'number' && typeof value !== 'string') throw new Error('expected a timestamp column');
  return em.getPlatform().parseDate(value);
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
function jsonOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export type IdempotentRequest = { ownerId: number; key: string; fingerprint: string };

export type IdempotencyServiceDeps = { em: EntityManager; clock: Clock };

/**
 * Runs an operation at most once per (owner, key): the key row, the operation's writes and its
 * stored result commit together, so a retry replays the result and a concurrent twin waits on the
 * key's unique index, then replays. A failed operation stores nothing and may be retried.
 */
export function createIdempotencyService({ em: root, clock }: IdempotencyServiceDeps) {
  async function attempt<T>(
    req: IdempotentRequest,
    codec: z.ZodType<T>,
    operation: () => Promise<T>,
  ): Promise<{ replayed: boolean; result: T }> {
    // Plain SQL: every keyed POST (and every bot entry) passes here, and the ORM's query building
    // costs more than these statements.
    return currentEm(root).transactional(async (em) => {
      const now = clock.now();
      const insertKey = async (onConflict: string) =>
        sqlRows(
          em,
          `insert into idempotency_keys (owner_id, "key", fingerprint, result, created_at, expires_at)
           values (?, ?, ?, null, ?, ?) ${onConflict} returning id`,
          [req.ownerId, req.key, req.fingerprint, now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS)],
        );
      // Claim the key first: a new key (the usual case) costs one statement. A twin still in flight
      // holds the key's index entry, so this waits for it to commit, then finds its row below.
      let [inserted] = await insertKey('on conflict (owner_id, "key") do nothing');
      if (!inserted) {
        const [existing] = await sqlRows(
          em,
          'select id, fingerprint, result, expires_at from idempotency_keys where owner_id = ? and "key" = ?',
          [req.ownerId, req.key],
        );
        if (existing && dateOf(em, existing.expires_at) > now) {
          if (existing.fingerprint !== req.fingerprint) throw new IdempotencyKeyReused();
          return { replayed: true, result: codec.parse(jsonOf(existing.result)) };
        }
        // Expired (kept at least IDEMPOTENCY_TTL_MS): the key may serve a new request.
        if (existing) await em.nativeDelete(IdempotencyKeySchema, { id: num(existing.id) });
        [inserted] = await insertKey('');
      }
      const result = await operation();
      await sqlRows(em, 'update idempotency_keys set result = ? where id = ? returning id', [
        JSON.stringify(codec.parse(result)),
        num(inserted?.id),
      ]);
      return { replayed: false, result };
    });
  }

  return {
    async run<T>(
      req: IdempotentRequest,
      codec: z.ZodType<T>,
      operation: () => Promise<T>,
    ): Promise<{ replayed: boolean; result: T }> {
      parseInput(idempotencyKeySchema, req.key);
      try {
        return await attempt(req, codec, operation);
      } catch (error) {
        // A concurrent request with the same key committed first: replay its result.
        if (isUniqueViolation(error)) return attempt(req, codec, operation);
        throw error;
      }
    },

    /** Deletes expired keys; returns how many. */
    async purgeExpired(): Promise<number> {
      return currentEm(root).nativeDelete(IdempotencyKeySchema, { expiresAt: { $lte: clock.now() } });
    },
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
