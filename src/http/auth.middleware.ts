import type { Request, RequestHandler } from 'express';
import type { AuthService } from '../domain/auth/auth.service.js';
import { InvalidToken, NotAuthenticated } from '../domain/errors.js';
import { tagAmounts } from './currency-tag.js';
import { tokenKeyOf } from './rate-limit.js';

const TOKEN_HEADER = /^Token\s+(\S+)\s*$/i;

// Under /api, only these are open without a token: registering, logging in, and the API's own description.
const PUBLIC = /^\/(auth\/(login|register)\/?|openapi\.json)$/i;

/** True for a request that is sending a body (its bytes may still be arriving). */
export const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * `Authorization: Token <key>` -> res.locals.actor, for every /api route but the public ones, before the
 * body is read: a stranger's body is never parsed, and a refused request with a body still coming is
 * answered with `Connection: close`, so a slow body cannot hold its socket.
 */
export function createAuthenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    if (PUBLIC.test(req.path)) return next();
    // Only a header of our own is taken back: one already set (a draining server's) stays.
    const closeUntilKnown = hasBody(req) && !res.hasHeader('Connection');
    if (closeUntilKnown) res.set('Connection', 'close');
    const header = req.get('Authorization');
    if (!header) throw new NotAuthenticated();
    const match = TOKEN_HEADER.exec(header);
    if (!match?.[1]) throw new InvalidToken();
    const principal = await auth.authenticate(match[1]);
    res.locals.actor = { ownerId: principal.userId, channel: 'api', tokenId: principal.tokenId, chatId: null };
    res.locals.tokenKey = tokenKeyOf(match[1]);
    if (principal.currency) tagAmounts(res, principal.currency);
    if (closeUntilKnown) res.removeHeader('Connection');
    next();
  };
}

/** A route's guard: the request was authenticated on its way in (see createAuthenticate). */
export const requireAuth: RequestHandler = (_req, res, next) => {
  if (!res.locals.actor) throw new NotAuthenticated();
  next();
};
