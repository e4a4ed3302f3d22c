import { createHash, randomBytes, randomInt } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/sql.js';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { InvalidCredentials, InvalidToken, UsernameTaken } from '../errors.js';
import { createLruCache } from '../lru-cache.js';
import { loginPasswordRule, loginUsernameRule, passwordRule, usernameRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { AuthRepository } from './auth.repository.js';
import type { PasswordHasher } from './password-hasher.js';

export type Principal = { userId: number; username: string; tokenId: number };
export type Credentials = { username: string; password: string };

const TOKEN_FORMAT = /^[0-9a-f]{64}$/;
// Writing last_used_at on every request would turn each read into a write; once a minute is plenty.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolved tokens are kept in memory this long, so most requests skip the token query. Logout evicts
 * its token here at once; another instance of the service (several processes on one PostgreSQL
 * database) may still accept a token revoked elsewhere until its entry expires: this TTL is that window.
 */
export const PRINCIPAL_CACHE_TTL_MS = 5_000;
const PRINCIPAL_CACHE_MAX = 10_000;

const registrationRule = z.object({ username: usernameRule, password: passwordRule });
const loginRule = z.object({ username: loginUsernameRule, password: loginPasswordRule });

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A well-formed bcrypt hash at `cost` (salt from bcryptjs, 31 random hash characters) that was never computed. */
export function decoyBcryptHash(cost: number): string {
  const tail = Array.from({ length: 31 }, () => BCRYPT_ALPHABET[randomInt(BCRYPT_ALPHABET.length)]).join('');
  return `${bcrypt.genSaltSync(cost)}${tail}`;
}

export type AuthServiceDeps = {
  users: AuthRepository;
  transactions: Transactions;
  clock: Clock;
  bcryptCost: number;
  passwords: PasswordHasher;
  /** Called in the logout's transaction: whatever acts with the token (linked chats) goes with it. */
  onTokenRevoked(ownerId: number, tokenId: number): Promise<void>;
};

export function createAuthService({ users, transactions, clock, bcryptCost, passwords, onTokenRevoked }: AuthServiceDeps) {
  // A hash to compare against when the username is unknown, so both paths cost one bcrypt check. The
  // check's cost comes from the salt's cost field, not from how the hash was made, so a real salt plus
  // random characters will do: nothing is hashed at start-up and no password can ever match it.
  const decoyHash = decoyBcryptHash(bcryptCost);
  type Cached = { principal: Principal; lastUsedAt: number };
  const principals = createLruCache<string, Cached>({ max: PRINCIPAL_CACHE_MAX, ttlMs: PRINCIPAL_CACHE_TTL_MS, now: () => clock.now().getTime() });
  // Bumped by every logout: a lookup that started before one may have read the token still live.
  let logouts = 0;

  async function touch(tokenId: number, lastUsedAt: number | null, now: Date): Promise<boolean> {
    if (lastUsedAt !== null && now.getTime() - lastUsedAt < LAST_USED_RESOLUTION_MS) return false;
    await users.touchToken(tokenId, now);
    return true;
  }

  async function issueToken(userId: number): Promise<string> {
    const token = randomBytes(32).toString('hex');
    await users.insertToken(userId, hashToken(token), clock.now());
    return token;
  }

  return {
    /** Creates a user and returns its first API token (shown once). */
    async register(command: Credentials): Promise<{ token: string; userId: number }> {
      const { username, password } = parseInput(registrationRule, command);
      const passwordHash = await passwords.hash(password, bcryptCost);
      try {
        return await transactions.run(async () => {
          const userId = await users.insertUser(username, passwordHash, clock.now());
          return { token: await issueToken(userId), userId };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTaken();
        throw error;
      }
    },

    /** Checks credentials and returns a new token for this session. */
    async login(command: Credentials): Promise<{ token: string; userId: number }> {
      const { username, password } = parseInput(loginRule, command);
      const user = await users.findUserByUsername(username);
      const ok = await passwords.compare(password, user?.passwordHash ?? decoyHash);
      if (!user || !ok) throw new InvalidCredentials();
      return { token: await issueToken(user.id), userId: user.id };
    },

    /** Resolves a raw token to its owner; revoked or unknown tokens are refused. */
    async authenticate(token: string): Promise<Principal> {
      if (!TOKEN_FORMAT.test(token)) throw new InvalidToken();
      const hash = hashToken(token);
      const now = clock.now();
      const cached = principals.get(hash);
      if (cached) {
        if (await touch(cached.principal.tokenId, cached.lastUsedAt, now)) cached.lastUsedAt = now.getTime();
        return cached.principal;
      }
      const logoutsBefore = logouts;
      const row = await users.findLiveToken(hash);
      if (!row) throw new InvalidToken();
      const principal = { userId: row.userId, username: row.username, tokenId: row.id };
      const touched = await touch(row.id, row.lastUsedAt?.getTime() ?? null, now);
      if (logouts === logoutsBefore) {
        principals.set(hash, { principal, lastUsedAt: touched ? now.getTime() : (row.lastUsedAt?.getTime() ?? now.getTime()) });
      }
      return principal;
    },

    /** Counts this instance's logouts, so caches built on tokens (a chat's link) can drop what they hold. */
    logoutCount: (): number => logouts,

    /** Revokes the token the actor is using and unlinks every Telegram chat linked with it. */
    async logout(actor: Actor): Promise<void> {
      const tokenId = actor.tokenId;
      if (tokenId === null) return;
      await transactions.run(async () => {
        await users.revokeToken(tokenId, actor.ownerId, clock.now());
        await onTokenRevoked(actor.ownerId, tokenId);
      });
      // After the commit: a lookup still in flight sees the counter move and caches nothing.
      logouts += 1;
      principals.deleteWhere((entry) => entry.principal.tokenId === tokenId);
    },

    async me(actor: Actor): Promise<{ id: number; username: string }> {
      const user = await users.findUser(actor.ownerId);
      if (!user) throw new InvalidToken();
      return user;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
