import { createHash, randomBytes, randomInt } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/sql.js';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { InvalidCredentials, InvalidToken, UsernameTaken } from '../errors.js';
import { createLruCache } from '../lru-cache.js';
import { currencyField, displayNameField, loginPasswordRule, loginUsernameRule, passwordRule, usernameRule } from '../rules.js';
import { parseInput } from '../validate.js';
import type { AuthRepository, Profile } from './auth.repository.js';
import type { PasswordHasher } from './password-hasher.js';

/** Who a token acts for; `currency` rides along so answers can name it without another query. */
export type Principal = { userId: number; username: string; tokenId: number; currency: string | null };
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
const profileRule = z
  .object({ displayName: displayNameField.optional(), currency: currencyField.optional() })
  .refine((c) => c.displayName !== undefined || c.currency !== undefined, { message: 'give display_name or currency', path: ['displayName'] });

/**
 * bcrypt reads only the first 72 bytes of what it is given, so passwords are pre-hashed: SHA-256,
 * base64 (44 bytes, no NUL), then bcrypt. Stored hashes carry the scheme in front; a hash without it
 * is the older plain bcrypt, still verified, and replaced by the new scheme at the next good login.
 */
const PREHASHED = 'sha256:';
const prehash = (password: string) => createHash('sha256').update(password, 'utf8').digest('base64');

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

  async function storedHash(password: string): Promise<string> {
    return `${PREHASHED}${await passwords.hash(prehash(password), bcryptCost)}`;
  }

  /** Checks a password against a stored hash of either scheme; an unknown user is checked against the decoy. */
  function verify(password: string, stored: string | null): Promise<boolean> {
    if (stored?.startsWith(PREHASHED)) return passwords.compare(prehash(password), stored.slice(PREHASHED.length));
    if (stored) return passwords.compare(password, stored);
    return passwords.compare(prehash(password), decoyHash);
  }

  async function touch(tokenId: number, lastUsedAt: number | null, now: Date): Promise<boolean> {
    if (lastUsedAt !== null && now.getTime() - lastUsedAt < LAST_USED_RESOLUTION_MS) return false;
    await users.touchToken(tokenId, now);
    return true;
  }

  async function issueToken(userId: number, issuedVia: string | null = null): Promise<{ token: string; tokenId: number }> {
    const token = randomBytes(32).toString('hex');
    return { token, tokenId: await users.insertToken(userId, hashToken(token), clock.now(), issuedVia) };
  }

  function forgetTokens(tokenIds: number[]): void {
    // After the commit: a lookup still in flight sees the counter move and caches nothing.
    logouts += 1;
    principals.deleteWhere((entry) => tokenIds.includes(entry.principal.tokenId));
  }

  return {
    /** Creates a user and returns its first API token (shown once). */
    async register(command: Credentials): Promise<{ token: string; userId: number }> {
      const { username, password } = parseInput(registrationRule, command);
      const passwordHash = await storedHash(password);
      try {
        return await transactions.run(async () => {
          const userId = await users.insertUser(username, passwordHash, clock.now());
          return { token: (await issueToken(userId)).token, userId };
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
      // An account made from a chat has no password until one is set: it costs the same check and fails.
      const ok = await verify(password, user?.passwordHash || null);
      if (!user || !user.passwordHash || !ok) throw new InvalidCredentials();
      if (!user.passwordHash.startsWith(PREHASHED)) await users.setPasswordHash(user.id, await storedHash(password));
      return { token: (await issueToken(user.id)).token, userId: user.id };
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
      const principal = { userId: row.userId, username: row.username, tokenId: row.id, currency: row.currency };
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
      forgetTokens([tokenId]);
    },

    /**
     * An account made from a Telegram chat, with no password yet, and its first token (`issuedVia`
     * marks it). One per chat: a second call returns the first account and no token. The username is
     * the first free one of `usernames` (made unique with a number when all are taken).
     */
    async registerFromChat(chatId: string, usernames: string[], issuedVia: string): Promise<{ userId: number; username: string; tokenId: number | null }> {
      const existing = await users.findUserByChat(chatId);
      if (existing) return { userId: existing.id, username: existing.username, tokenId: null };
      const candidates = usernames.map((u) => parseInput(usernameRule, u));
      for (let attempt = 0; attempt < candidates.length + 20; attempt++) {
        const base = candidates[Math.min(attempt, candidates.length - 1)] ?? 'shop';
        const username = attempt < candidates.length ? base : `${base.slice(0, 140)}-${randomInt(1000, 1_000_000)}`;
        if (await users.usernameTaken(username)) continue;
        try {
          return await transactions.run(async () => {
            const userId = await users.insertChatUser(username, chatId, clock.now());
            const { tokenId } = await issueToken(userId, issuedVia);
            return { userId, username, tokenId };
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Either the username went meanwhile (try the next), or this chat's account was just made.
          const made = await users.findUserByChat(chatId);
          if (made) return { userId: made.id, username: made.username, tokenId: null };
        }
      }
      throw new UsernameTaken();
    },

    /** A fresh API token for the actor's merchant, marked with where it was issued. */
    issueTokenFor: (actor: Actor, issuedVia: string): Promise<{ token: string; tokenId: number }> => issueToken(actor.ownerId, issuedVia),

    /** Revokes the merchant's tokens issued through `issuedVia`; returns how many. */
    async revokeIssued(actor: Actor, issuedVia: string): Promise<number> {
      const ids = await users.revokeIssued(actor.ownerId, issuedVia, clock.now());
      forgetTokens(ids);
      return ids.length;
    },

    /** Sets (or changes) the merchant's password for POST /api/auth/login/. */
    async setPassword(actor: Actor, password: string): Promise<void> {
      const checked = parseInput(z.object({ password: passwordRule }), { password }).password;
      await users.setPasswordHash(actor.ownerId, await storedHash(checked));
    },

    /** The merchant: its username, and the shop name customers see (the username until one is set). */
    async me(actor: Actor): Promise<Profile> {
      const user = await users.findUser(actor.ownerId);
      if (!user) throw new InvalidToken();
      return user;
    },

    /** Changes the shop's name and/or the currency amounts are shown in (null: none); at least one. */
    async updateProfile(actor: Actor, command: { displayName?: string | undefined; currency?: string | null | undefined }): Promise<Profile> {
      const change = parseInput(profileRule, command);
      await users.setProfile(actor.ownerId, change);
      // This instance's cached principals carry the currency; others see the change within the cache's TTL.
      principals.deleteWhere((entry) => entry.principal.userId === actor.ownerId);
      return this.me(actor);
    },

    async setDisplayName(actor: Actor, command: { displayName: string }): Promise<Profile> {
      return this.updateProfile(actor, command);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
