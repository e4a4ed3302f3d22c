import { createHash, randomBytes, randomInt } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { currentEm, isUniqueViolation, type EntityManager } from './db.js';
import { ApiTokenSchema, TelegramLinkSchema, UserSchema } from './entities/index.js';
import { InvalidCredentials, InvalidToken, UsernameTaken } from './errors.js';
import { credentialsSchema, loginSchema } from './inputs.js';
import type { PasswordHasher } from './password-hasher.js';
import { parseInput } from './validate.js';

export type Principal = { userId: number; username: string; tokenId: number };

const TOKEN_FORMAT = /^[0-9a-f]{64}$/;
// Writing last_used_at on every request would turn each read into a write; once a minute is plenty.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolved tokens are kept in memory this long, so most requests skip the token and user queries.
 * Logout evicts its token here at once; another instance of the service (several processes on one
 * PostgreSQL database) may still accept a token revoked elsewhere until its entry expires: this TTL
 * is that window.
 */
export const PRINCIPAL_CACHE_TTL_MS = 5_000;
const PRINCIPAL_CACHE_MAX = 10_000;

type CachedPrincipal = { principal: Principal; lastUsedAt: number; expiresAt: number };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A well-formed bcrypt hash at `cost` (salt from bcryptjs, 31 random hash characters) that was never computed. */
export function decoyBcryptHash(cost: number): string {
  const tail = Array.from({ length: 31 }, () => BCRYPT_ALPHABET[randomInt(BCRYPT_ALPHABET.length)]).join('');
  return `${bcrypt.genSaltSync(cost)}${tail}`;
}

export type AuthServiceDeps = { em: EntityManager; clock: Clock; bcryptCost: number; passwords: PasswordHasher };

export function createAuthService({ em: root, clock, bcryptCost, passwords }: AuthServiceDeps) {
  // A hash to compare against when the username is unknown, so both paths cost one bcrypt check. The
  // check's cost comes from the salt's cost field, not from how the hash was made, so a real salt plus
  // random characters will do: nothing is hashed at start-up and no password can ever match it.
  const decoyHash = decoyBcryptHash(bcryptCost);
  // Token hash -> principal, least recently used first (a Map keeps insertion order).
  const principals = new Map<string, CachedPrincipal>();
  // Bumped by every logout: a lookup that started before one may have read the token still live.
  let logouts = 0;

  function remember(hash: string, entry: CachedPrincipal): void {
    principals.delete(hash);
    principals.set(hash, entry);
    if (principals.size > PRINCIPAL_CACHE_MAX) {
      const oldest = principals.keys().next();
      if (!oldest.done) principals.delete(oldest.value);
    }
  }

  async function touch(em: EntityManager, tokenId: number, lastUsedAt: number | null, now: Date): Promise<boolean> {
    if (lastUsedAt !== null && now.getTime() - lastUsedAt < LAST_USED_RESOLUTION_MS) return false;
    await em.nativeUpdate(ApiTokenSchema, { id: tokenId }, { lastUsedAt: now });
    return true;
  }

  async function issueToken(em: EntityManager, userId: number): Promise<string> {
    const token = randomBytes(32).toString('hex');
    await em.insert(ApiTokenSchema, {
      user: userId,
      tokenHash: hashToken(token),
      createdAt: clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return token;
  }

  return {
    /** Creates a user and returns its first API token (shown once). */
    async register(input: unknown): Promise<{ token: string; userId: number }> {
      const { username, password } = parseInput(credentialsSchema, input);
      const passwordHash = await passwords.hash(password, bcryptCost);
      try {
        return await currentEm(root).transactional(async (em) => {
          const userId = await em.insert(UserSchema, { username, passwordHash, createdAt: clock.now() });
          return { token: await issueToken(em, userId), userId };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTaken();
        throw error;
      }
    },

    /** Checks credentials and returns a new token for this session. */
    async login(input: unknown): Promise<{ token: string; userId: number }> {
      const { username, password } = parseInput(loginSchema, input);
      const em = currentEm(root);
      const user = await em.findOne(UserSchema, { username }, { disableIdentityMap: true });
      const ok = await passwords.compare(password, user?.passwordHash ?? decoyHash);
      if (!user || !ok) throw new InvalidCredentials();
      return { token: await issueToken(em, user.id), userId: user.id };
    },

    /** Resolves a raw token to its owner; revoked or unknown tokens are refused. */
    async authenticate(token: string): Promise<Principal> {
      if (!TOKEN_FORMAT.test(token)) throw new InvalidToken();
      const hash = hashToken(token);
      const now = clock.now();
      const cached = principals.get(hash);
      if (cached && cached.expiresAt > now.getTime()) {
        remember(hash, cached);
        if (await touch(currentEm(root), cached.principal.tokenId, cached.lastUsedAt, now)) cached.lastUsedAt = now.getTime();
        return cached.principal;
      }
      principals.delete(hash);
      const logoutsBefore = logouts;
      const em = currentEm(root);
      const row = await em.findOne(ApiTokenSchema, { tokenHash: hash, revokedAt: null }, { disableIdentityMap: true });
      if (!row) throw new InvalidToken();
      const user = await em.findOne(UserSchema, { id: row.user }, { disableIdentityMap: true, fields: ['username'] });
      if (!user) throw new InvalidToken();
      const principal = { userId: row.user, username: user.username, tokenId: row.id };
      const touched = await touch(em, row.id, row.lastUsedAt?.getTime() ?? null, now);
      if (logouts === logoutsBefore) {
        const lastUsedAt = touched ? now.getTime() : (row.lastUsedAt?.getTime() ?? now.getTime());
        remember(hash, { principal, lastUsedAt, expiresAt: now.getTime() + PRINCIPAL_CACHE_TTL_MS });
      }
      return principal;
    },

    /** Revokes the token the actor is using and unlinks every Telegram chat linked with it. */
    /** Counts this instance's logouts, so caches built on tokens (a chat's link) can drop what they hold. */
    logoutCount: (): number => logouts,

    async logout(actor: Actor): Promise<void> {
      const tokenId = actor.tokenId;
      if (tokenId === null) return;
      await currentEm(root).transactional(async (em) => {
        await em.nativeUpdate(
          ApiTokenSchema,
          { id: tokenId, user: actor.ownerId, revokedAt: null },
          { revokedAt: clock.now() },
        );
        await em.nativeDelete(TelegramLinkSchema, { apiToken: tokenId, owner: actor.ownerId });
      });
      // After the commit: a lookup still in flight sees the counter move and caches nothing.
      logouts += 1;
      for (const [hash, entry] of principals) if (entry.principal.tokenId === tokenId) principals.delete(hash);
    },

    async me(actor: Actor): Promise<{ id: number; username: string }> {
      const user = await currentEm(root).findOne(UserSchema, { id: actor.ownerId }, { disableIdentityMap: true });
      if (!user) throw new InvalidToken();
      return { id: user.id, username: user.username };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
