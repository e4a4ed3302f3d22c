import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { sendError } from './errors.js';

export type RateLimits = {
  /** Login and register attempts per window, per client IP and per username (each route counted apart). */
  authPerWindow: number;
  /** Authenticated API requests per window, per token. */
  apiPerWindow: number;
  /** One minute unless a test shortens it. */
  windowMs?: number;
  /** A fresh store per limiter (e.g. Redis); each limiter keeps its own memory store when absent. */
  store?: (name: string) => Store;
};

const WINDOW_MS = 60_000;

// Keys are hashed: a token or a long username never sits in the counter store as given.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

function usernameOf(req: Request): string | null {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !('username' in body)) return null;
  return typeof body.username === 'string' ? body.username : null;
}

/**
 * The client address: req.ip honours X-Forwarded-For from a loopback proxy; if that header holds
 * something that is not an address, the connection's own address is used.
 */
function clientAddress(req: Request): string {
  const ip = req.ip && isIP(req.ip) ? req.ip : (req.socket.remoteAddress ?? 'unknown');
  return ipKeyGenerator(ip);
}

function limiter(
  limits: RateLimits,
  name: string,
  limit: number,
  key: ((req: Request) => string | null) | 'ip',
  counts: (req: Request) => boolean = () => true,
): RequestHandler {
  const keyOf = key === 'ip' ? null : key;
  return rateLimit({
    windowMs: limits.windowMs ?? WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Without a key (no username, no token) this limiter has nothing to count; the others still apply.
    skip: (req: Request) => !counts(req) || (keyOf !== null && keyOf(req) === null),
    keyGenerator: keyOf ? (req: Request) => `${name}:${digest(keyOf(req) ?? '')}` : clientAddress,
    // Checked by clientAddress instead of logged on every odd X-Forwarded-For.
    validate: { ip: false },
    ...(limits.store ? { store: limits.store(name) } : {}),
    // A counter store that fails (Redis down) must not take the ledger down with it.
    passOnStoreError: true,
    handler: (_req, res) => {
      const retryAfter = res.get('Retry-After') ?? String(Math.ceil((limits.windowMs ?? WINDOW_MS) / 1000));
      res.set('Retry-After', retryAfter);
      sendError(res, 429, 'rate_limited', `Too many requests; try again in ${retryAfter} seconds.`);
    },
  });
}

const isPost = (req: Request) => req.method === 'POST';

/** Per-IP and per-username limits for one auth route (login or register); only POSTs count. */
export function authLimiters(limits: RateLimits, route: 'login' | 'register'): RequestHandler[] {
  return [
    limiter(limits, `${route}-ip`, limits.authPerWindow, 'ip', isPost),
    limiter(limits, `${route}-user`, limits.authPerWindow, usernameOf, isPost),
  ];
}

/** Per-token limit on every request that carries an Authorization header. */
export function apiLimiter(limits: RateLimits): RequestHandler {
  return limiter(limits, 'api-token', limits.apiPerWindow, (req) => req.get('Authorization') ?? null);
}
