import { currentEm, dateOf, deleteBatch, jsonOf, num, sqlRows, type EntityManager } from '../../db/sql.js';

export type StoredKey = { id: number; fingerprint: string; result: unknown; expiresAt: Date };

/** Every query of the idempotency store. Plain SQL: every keyed POST and every bot entry passes here. */
export function createIdempotencyRepository(root: EntityManager) {
  const insert = async (ownerId: number, key: string, fingerprint: string, now: Date, expiresAt: Date, onConflict: string) => {
    const [row] = await sqlRows(
      root,
      `insert into idempotency_keys (owner_id, "key", fingerprint, result, created_at, expires_at)
       values (?, ?, ?, null, ?, ?) ${onConflict} returning id`,
      [ownerId, key, fingerprint, now, expiresAt],
    );
    return row ? num(row.id) : null;
  };

  return {
    /**
     * Claims a key; null when a row for it exists already. A twin still in flight holds the key's
     * index entry, so this waits for it to commit (or roll back) first.
     */
    claim: (ownerId: number, key: string, fingerprint: string, now: Date, expiresAt: Date) =>
      insert(ownerId, key, fingerprint, now, expiresAt, 'on conflict (owner_id, "key") do nothing'),

    /** Inserts the key's row; a concurrent twin makes this a unique violation. */
    async insert(ownerId: number, key: string, fingerprint: string, now: Date, expiresAt: Date): Promise<number> {
      return num(await insert(ownerId, key, fingerprint, now, expiresAt, ''));
    },

    async find(ownerId: number, key: string): Promise<StoredKey | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(em, 'select id, fingerprint, result, expires_at from idempotency_keys where owner_id = ? and "key" = ?', [
        ownerId,
        key,
      ]);
      if (!row) return null;
      return { id: num(row.id), fingerprint: String(row.fingerprint), result: jsonOf(row.result), expiresAt: dateOf(em, row.expires_at) };
    },

    async remove(id: number): Promise<void> {
      await sqlRows(root, 'delete from idempotency_keys where id = ? returning id', [id]);
    },

    async storeResult(id: number, result: unknown): Promise<void> {
      await sqlRows(root, 'update idempotency_keys set result = ? where id = ? returning id', [JSON.stringify(result), id]);
    },

    /** Deletes up to `batch` keys past their expiry; returns how many. */
    purgeExpired: (now: Date, batch: number) => deleteBatch(currentEm(root), 'idempotency_keys', 'expires_at <= ?', [now], batch),
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
