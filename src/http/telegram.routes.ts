import { Router, type RequestHandler } from 'express';
import { TelegramLinkNotFound } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import type { TelegramHttp } from './app.js';
import { methodNotAllowed, sendError } from './errors.js';
import { actorOf, pathId } from './request.js';

/**
 * /api/telegram/: one-time deep-link codes and the merchant's linked chats. A link code answer
 * carries a secret, so like the auth routes it is not stored for Idempotency-Key replays.
 */
export function createTelegramRouter(services: Services, requireAuth: RequestHandler, telegram: Pick<TelegramHttp, 'botUsername'> | null): Router {
  const router = Router();
  const { chatLinks } = services;

  router
    .route('/link-code/')
    .post(requireAuth, async (_req, res) => {
      if (telegram === null) {
        return sendError(res, 503, 'telegram_bot_off', 'The Telegram bot is not running on this server (TELEGRAM_BOT_TOKEN is not set).');
      }
      const botUsername = telegram.botUsername();
      if (botUsername === null) {
        // The bot has not reached Telegram yet (it keeps trying): a link to it could not be written.
        res.set('Retry-After', '5');
        return sendError(res, 503, 'telegram_unavailable', 'The Telegram bot is still connecting to Telegram; try again shortly.');
      }
      const { code, expiresAt } = await chatLinks.createLinkCode(actorOf(res));
      res.status(201).json({ code, url: `https://t.me/${botUsername}?start=${code}`, expires_at: expiresAt.toISOString() });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/links/')
    .get(requireAuth, async (_req, res) => {
      const links = await chatLinks.listLinks(actorOf(res));
      res.json(links.map((l) => ({ id: l.id, chat_id: l.chatId, chat_title: l.chatTitle, created_at: l.createdAt.toISOString() })));
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/links/:id/')
    .delete(requireAuth, async (req, res) => {
      await chatLinks.removeLink(actorOf(res), pathId(req.params.id, () => new TelegramLinkNotFound()));
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));

  return router;
}
