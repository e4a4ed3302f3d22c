import { currentEm, dateOf, num, sqlRows, type EntityManager } from '../../db/sql.js';
import { ApiTokenSchema } from './api-token.entity.js';
import { UserSchema } from './user.entity.js';

/** Every query of users and their API tokens (only token hashes are ever stored). */
export function createAuthRepository(root: EntityManager) {
  return {
    /** A unique violation when the username is taken. */
    insertUser: (username: string, passwordHash: string, now: Date): Promise<number> =>
      currentEm(root).insert(UserSchema, { username, passwordHash, createdAt: now }),

    async insertToken(userId: number, tokenHash: string, now: Date): Promise<number> {
      return currentEm(root).insert(ApiTokenSchema, { user: userId, tokenHash, createdAt: now, lastUsedAt: null, revokedAt: null });
    },

    async findUserByUsername(username: string): Promise<{ id: number; passwordHash: string } | null> {
      const [row] = await sqlRows(currentEm(root), 'select id, password_hash from users where username = ?', [username]);
      return row ? { id: num(row.id), passwordHash: String(row.password_hash) } : null;
    },

    async findUser(id: number): Promise<{ id: number; username: string } | null> {
      const [row] = await sqlRows(currentEm(root), 'select id, username from users where id = ?', [id]);
      return row ? { id: num(row.id), username: String(row.username) } : null;
    },

    /** A token that has not been revoked, with its owner's username. */
    async findLiveToken(tokenHash: string): Promise<{ id: number; userId: number; username: string; lastUsedAt: Date | null } | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(
        em,
        `select t.id, t.user_id, t.last_used_at, u.username from api_tokens t join users u on u.id = t.user_id
         where t.token_hash = ? and t.revoked_at is null`,
        [tokenHash],
      );
      if (!row) return null;
      return {
        id: num(row.id),
        userId: num(row.user_id),
        username: String(row.username),
        lastUsedAt: row.last_used_at === null || row.last_used_at === undefined ? null : dateOf(em, row.last_used_at),
      };
    },

    async touchToken(id: number, now: Date): Promise<void> {
      await currentEm(root).nativeUpdate(ApiTokenSchema, { id }, { lastUsedAt: now });
    },

    async revokeToken(id: number, userId: number, now: Date): Promise<void> {
      await currentEm(root).nativeUpdate(ApiTokenSchema, { id, user: userId, revokedAt: null }, { revokedAt: now });
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
