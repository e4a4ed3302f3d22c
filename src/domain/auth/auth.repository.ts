import { currentEm, dateOf, num, sqlRows, sqlRun, type EntityManager } from '../../db/sql.js';
import { ApiTokenSchema } from './api-token.entity.js';
import { UserSchema } from './user.entity.js';

/** Every query of users and their API tokens (only token hashes are ever stored). */
/** The merchant as /me shows it. */
export type Profile = { id: number; username: string; displayName: string; currency: string | null };

export function createAuthRepository(root: EntityManager) {
  return {
    /** A unique violation when the username is taken. */
    insertUser: (username: string, passwordHash: string, now: Date): Promise<number> =>
      currentEm(root).insert(UserSchema, { username, passwordHash, createdAt: now }),

    /** A unique violation when the username is taken, or the chat already made an account. */
    insertChatUser: (username: string, chatId: string, now: Date): Promise<number> =>
      currentEm(root).insert(UserSchema, { username, passwordHash: '', createdByChat: chatId, createdAt: now }),

    async findUserByChat(chatId: string): Promise<{ id: number; username: string } | null> {
      const [row] = await sqlRows(root, 'select id, username from users where created_by_chat = ?', [chatId]);
      return row ? { id: num(row.id), username: String(row.username) } : null;
    },

    async usernameTaken(username: string): Promise<boolean> {
      return (await sqlRows(root, 'select id from users where username = ?', [username])).length > 0;
    },

    async setPasswordHash(userId: number, passwordHash: string): Promise<void> {
      await currentEm(root).nativeUpdate(UserSchema, { id: userId }, { passwordHash });
    },

    async insertToken(userId: number, tokenHash: string, now: Date, issuedVia: string | null = null): Promise<number> {
      return currentEm(root).insert(ApiTokenSchema, { user: userId, tokenHash, createdAt: now, lastUsedAt: null, revokedAt: null, issuedVia });
    },

    /** Revokes a user's live tokens issued through `issuedVia`; returns their ids. */
    async revokeIssued(userId: number, issuedVia: string, now: Date): Promise<number[]> {
      const em = currentEm(root);
      const rows = await sqlRows(em, 'select id from api_tokens where user_id = ? and issued_via = ? and revoked_at is null', [userId, issuedVia]);
      const ids = rows.map((r) => num(r.id));
      if (ids.length) await em.nativeUpdate(ApiTokenSchema, { id: { $in: ids } }, { revokedAt: now });
      return ids;
    },

    async findUserByUsername(username: string): Promise<{ id: number; passwordHash: string } | null> {
      const [row] = await sqlRows(root, 'select id, password_hash from users where username = ?', [username]);
      return row ? { id: num(row.id), passwordHash: String(row.password_hash) } : null;
    },

    async findUser(id: number): Promise<Profile | null> {
      const [row] = await sqlRows(root, 'select id, username, display_name, currency from users where id = ?', [id]);
      return row
        ? { id: num(row.id), username: String(row.username), displayName: row.display_name === null ? String(row.username) : String(row.display_name), currency: row.currency === null ? null : String(row.currency) }
        : null;
    },

    async setProfile(id: number, change: { displayName?: string | undefined; currency?: string | null | undefined }): Promise<void> {
      const sets: string[] = [];
      const params: Array<string | number | null> = [];
      if (change.displayName !== undefined) sets.push('display_name = ?'), params.push(change.displayName);
      if (change.currency !== undefined) sets.push('currency = ?'), params.push(change.currency);
      if (sets.length > 0) await sqlRun(root, `update users set ${sets.join(', ')} where id = ?`, [...params, id]);
    },

    /** A token that has not been revoked, with its owner's username. */
    async findLiveToken(tokenHash: string): Promise<{ id: number; userId: number; username: string; currency: string | null; lastUsedAt: Date | null } | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(
        em,
        `select t.id, t.user_id, t.last_used_at, u.username, u.currency from api_tokens t join users u on u.id = t.user_id
         where t.token_hash = ? and t.revoked_at is null`,
        [tokenHash],
      );
      if (!row) return null;
      return {
        id: num(row.id),
        userId: num(row.user_id),
        username: String(row.username),
        currency: row.currency === null || row.currency === undefined ? null : String(row.currency),
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
