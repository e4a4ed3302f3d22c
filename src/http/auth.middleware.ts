import type { RequestHandler } from 'express';
import type { AuthService } from '../domain/auth/auth.service.js';
import { InvalidToken, NotAuthenticated } from '../domain/errors.js';

const TOKEN_HEADER = /^Token\s+(\S+)\s*$/i;

/** `Authorization: Token <key>` -> res.locals.actor; anything else is a 401. */
export function createRequireAuth(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('Authorization');
    if (!header) throw new NotAuthenticated();
    const match = TOKEN_HEADER.exec(header);
    if (!match?.[1]) throw new InvalidToken();
    const principal = await auth.authenticate(match[1]);
    res.locals.actor = { ownerId: principal.userId, channel: 'api', tokenId: principal.tokenId, chatId: null };
    next();
  };
}
