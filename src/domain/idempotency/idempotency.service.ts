import type { z } from 'zod';
import { isUniqueViolation } from '../../db/sql.js';
import type { Transactions } from '../../db/transaction.js';
import type { Clock } from '../clock.js';
import { IdempotencyKeyReused } from '../errors.js';
import { idempotencyKeyRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { IdempotencyRepository } from './idempotency.repository.js';

/** Keys are kept at least this long; an older key may be used again for a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotentRequest = { ownerId: number; key: string; fingerprint: string };

export type IdempotencyServiceDeps = { keys: IdempotencyRepository; transactions: Transactions; clock: Clock };

/**
 * Runs an operation at most once per (owner, key): the key row, the operation's writes and its
 * stored result commit together, so a retry replays the result and a concurrent twin waits on the
 * key's unique index, then replays. A failed operation stores nothing and may be retried.
 */
export function createIdempotencyService({ keys, transactions, clock }: IdempotencyServiceDeps) {
  async function attempt<T>(req: IdempotentRequest, codec: z.ZodType<T>, operation: () => Promise<T>, plain: boolean): Promise<{ replayed: boolean; result: T }> {
    return (plain ? transactions.statements : transactions.run)(async () => {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
      // Claim the key first: a new key (the usual case) costs one statement.
      let id = await keys.claim(req.ownerId, req.key, req.fingerprint, now, expiresAt);
      if (id === null) {
        const existing = await keys.find(req.ownerId, req.key);
        if (existing && existing.expiresAt > now) {
          if (existing.fingerprint !== req.fingerprint) throw new IdempotencyKeyReused();
          return { replayed: true, result: codec.parse(existing.result) };
        }
        // Expired (kept at least IDEMPOTENCY_TTL_MS): the key may serve a new request.
        if (existing) await keys.remove(existing.id);
        id = await keys.insert(req.ownerId, req.key, req.fingerprint, now, expiresAt);
      }
      const result = await operation();
      await keys.storeResult(id, codec.parse(result));
      return { replayed: false, result };
    });
  }

  return {
    /**
     * `plain`: the operation runs plain SQL statements only (no ORM calls), so on SQLite the whole unit
     * can run straight on the connection (Transactions.statements).
     */
    async run<T>(req: IdempotentRequest, codec: z.ZodType<T>, operation: () => Promise<T>, options: { plain?: boolean } = {}): Promise<{ replayed: boolean; result: T }> {
      parseInput(idempotencyKeyRule, req.key);
      const plain = options.plain ?? false;
      try {
        return await attempt(req, codec, operation, plain);
      } catch (error) {
        // A concurrent request with the same key committed first: replay its result.
        if (isUniqueViolation(error)) return attempt(req, codec, operation, plain);
        throw error;
      }
    },

    /** What an operation run under this key stored, while the key is kept; null when nothing (readable) was. */
    async stored<T>(ownerId: number, key: string, codec: z.ZodType<T>): Promise<T | null> {
      const row = await keys.find(ownerId, key);
      if (!row || row.expiresAt <= clock.now()) return null;
      const parsed = codec.safeParse(row.result);
      return parsed.success ? parsed.data : null;
    },
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
