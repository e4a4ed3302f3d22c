import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { Counter, Counters } from './counters.js';
import { sendError } from './errors.js';

export type RateLimits = {
  /** Login and register attempts per window, per client address (and the failure limits below). */
  authPerWindow: number;
  /** Authenticated API requests per window, per token. */
  apiPerWindow: number;
  /** Share page views per window, per client address (60 unless set). */
  sharePerWindow?: number;
  /** One minute unless a test shortens it. */
  windowMs?: number;
  /** Shared counters (Redis); each app keeps its own in memory when absent. */
  counters?: Counters;
};

const WINDOW_MS = 60_000;
const DEFAULT_SHARE_PER_WINDOW = 60;

// Keys are hashed: a long username never sits in the counter store as given.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * A token's counter key: a digest of the token itself, not its row id, so two ledgers sharing one Redis
 * (whose token ids both start at 1) never count against each other, and the store never holds the token.
 */
export const tokenKeyOf = (token: string) => digest(`token\n${token}`);

/**
 * The client address: req.ip honours X-Forwarded-For from a loopback proxy; if that header holds
 * something that is not an address, the connection's own address is used. IPv6 addresses count by /64.
 */
export function clientAddress(req: Request): string {
  const ip = req.ip && isIP(req.ip) ? req.ip : (req.socket.remoteAddress ?? 'unknown');
  if (isIP(ip) !== 6 || ip.startsWith('::ffff:')) return ip;
  return `${ip.split(':').slice(0, 4).join(':')}::/64`;
}

function usernameOf(req: Request): string | null {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !('username' in body)) return null;
  return typeof body.username === 'string' ? body.username : null;
}

export type Limiter = ReturnType<typeof createLimiter>;

/**
 * The rate limits, in one small module over the counters: per token on every authenticated request
 * (keyed on the token as authenticated, so no spelling of the header escapes it), per address on login
 * and register, per username on register, and login failures counted per username and address, so
 * guessing is bounded without strangers locking the merchant out.
 */
export function createLimiter(limits: RateLimits, counters: Counters, logger: Logger, now: () => number) {
  const windowMs = limits.windowMs ?? WINDOW_MS;
  const windowSeconds = Math.ceil(windowMs / 1000);
  let lastWarned = 0;

  const refuse = (res: Response, c: Counter) => {
    const retryAfter = String(Math.max(1, Math.ceil((c.resetAt - now()) / 1000)));
    res.set('Retry-After', retryAfter);
    sendError(res, 429, 'rate_limited', `Too many requests; try again in ${retryAfter} seconds.`);
  };
  const headers = (res: Response, limit: number, c: Counter) => {
    res.set('RateLimit-Policy', `${limit};w=${windowSeconds}`);
    res.set('RateLimit', `limit=${limit}, remaining=${Math.max(0, limit - c.count)}, reset=${Math.max(0, Math.ceil((c.resetAt - now()) / 1000))}`);
  };
  // A counter store that fails must not take the ledger down: the request goes through, and that is logged.
  const failOpen = (error: unknown) => {
    if (now() - lastWarned > 60_000) {
      lastWarned = now();
      logger.warn({ err: error }, 'rate-limit counters unavailable: limits fail open');
    }
  };
  async function count(key: string, peekOnly = false): Promise<Counter | null> {
    try {
      return await (peekOnly ? counters.peek(key) : counters.hit(key, windowMs));
    } catch (error) {
      failOpen(error);
      return null;
    }
  }

  return {
    /** Every request of an authenticated token: `res.locals.tokenKey` is set by then. */
    perToken: (async (_req, res, next) => {
      const key = res.locals.tokenKey;
      if (key === undefined) return next();
      const c = await count(`api:${key}`);
      if (c) {
        headers(res, limits.apiPerWindow, c);
        if (c.count > limits.apiPerWindow) return refuse(res, c);
      }
      next();
    }) satisfies RequestHandler,

    /** Share pages: every view counts per client address (a page has no token to count by). */
    share: (async (req, res, next) => {
      const c = await count(`share-ip:${clientAddress(req)}`);
      if (c && c.count > (limits.sharePerWindow ?? DEFAULT_SHARE_PER_WINDOW)) return refuse(res, c);
      next();
    }) satisfies RequestHandler,

    /** Register: every attempt counts, per address and per username. */
    register: (async (req, res, next) => {
      if (req.method !== 'POST') return next();
      const username = usernameOf(req);
      for (const key of [`register-ip:${clientAddress(req)}`, ...(username === null ? [] : [`register-user:${digest(username)}`])]) {
        const c = await count(key);
        if (c && c.count > limits.authPerWindow) return refuse(res, c);
      }
      next();
    }) satisfies RequestHandler,

    /**
     * Login: every attempt counts per address. Failures count per username and address, and per
     * username: past the limit, an address that has failed for that username is refused, while one that
     * has not (the merchant at their own counter) still gets through with the right password.
     */
    login: (async (req, res, next) => {
      if (req.method !== 'POST') return next();
      const perAddress = await count(`login-ip:${clientAddress(req)}`);
      if (perAddress && perAddress.count > limits.authPerWindow) return refuse(res, perAddress);
      const username = usernameOf(req);
      if (username !== null) {
        const mine = await count(`login-fail:${digest(`${username}\n${clientAddress(req)}`)}`, true);
        if (mine && mine.count >= limits.authPerWindow) return refuse(res, mine);
        const everyone = await count(`login-fail-user:${digest(username)}`, true);
        if (mine && everyone && mine.count > 0 && everyone.count >= limits.authPerWindow) return refuse(res, everyone);
      }
      next();
    }) satisfies RequestHandler,

    /** A failed login: counted against the username from this address, and against the username. */
    async loginFailed(req: Request): Promise<void> {
      const username = usernameOf(req);
      if (username === null) return;
      await count(`login-fail:${digest(`${username}\n${clientAddress(req)}`)}`);
      await count(`login-fail-user:${digest(username)}`);
    },
  };
}
