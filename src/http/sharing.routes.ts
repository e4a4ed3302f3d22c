import { Router, type Request, type RequestHandler } from 'express';
import { ShareLinkNotFound, SubscriberNotFound } from '../domain/errors.js';
import { todayUtc, type Clock } from '../domain/clock.js';
import type { Services } from '../domain/services.js';
import { customerFormat, customerLanguage } from '../render/customer-texts.js';
import { reminderFor } from '../render/reminder.js';
import { methodNotAllowed } from './errors.js';
import { shareLinkBody } from './request-schemas.js';
import { actorOf, customerId, parseBody, pathId } from './request.js';
import type { ReminderResponse, ShareLinkResponse, SubscriberResponse } from './response-schemas.js';

/** Where share pages are served: PUBLIC_BASE_URL, else the address the request came to. */
export type PublicBase = (req: Request) => string;

export const shareUrl = (base: string, token: string) => `${base}/s/${token}`;

/** /api/customers/{id}/share-links/, /reminder/ and /subscribers/: the merchant's side of sharing. */
export function createSharingRouter(services: Services, requireAuth: RequestHandler, publicBase: PublicBase, clock: Clock): Router {
  const router = Router();
  const { shares, updates } = services;
  const present = (req: Request, l: { id: number; token: string; createdAt: Date; expiresAt: Date | null }): ShareLinkResponse => ({
    id: l.id,
    url: shareUrl(publicBase(req), l.token),
    created_at: l.createdAt.toISOString(),
    expires_at: l.expiresAt?.toISOString() ?? null,
  });

  router
    .route('/:id/share-links/')
    .get(requireAuth, async (req, res) => {
      res.json((await shares.list(actorOf(res), customerId(req.params.id))).map((l) => present(req, l)));
    })
    .post(requireAuth, async (req, res) => {
      // Not stored for Idempotency-Key replays: the answer holds a secret, like a token's.
      const body = parseBody(req, shareLinkBody.optional()) ?? {};
      res.status(201).json(present(req, await shares.create(actorOf(res), customerId(req.params.id), { expiresInDays: body.expires_in_days })));
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/:id/share-links/:link_id/')
    .delete(requireAuth, async (req, res) => {
      await shares.revoke(actorOf(res), customerId(req.params.id), pathId(req.params.link_id, () => new ShareLinkNotFound()));
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));

  router
    .route('/:id/reminder/')
    .post(requireAuth, async (req, res) => {
      const actor = actorOf(res);
      const id = customerId(req.params.id);
      const customer = await services.customers.get(actor, id);
      const link = await shares.current(actor, id);
      const me = await services.auth.me(actor);
      const language = customerLanguage(typeof req.query.lang === 'string' ? req.query.lang : null);
      const r = reminderFor({
        language,
        shop: me.displayName,
        customer,
        balance: customer.totalCredit - customer.totalDebit,
        today: todayUtc(clock),
        shareUrl: shareUrl(publicBase(req), link.token),
        money: customerFormat(language, me.currency).money,
      });
      const body: ReminderResponse = { text: r.text, share_url: r.shareUrl, telegram_share_url: r.telegramShareUrl, whatsapp_url: r.whatsappUrl };
      res.json(body);
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/:id/subscribers/')
    .get(requireAuth, async (req, res) => {
      const list = await updates.list(actorOf(res), customerId(req.params.id));
      res.json(list.map((s): SubscriberResponse => ({ id: s.id, chat_title: s.chatTitle, language: s.language, created_at: s.createdAt.toISOString() })));
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/:id/subscribers/:subscriber_id/')
    .delete(requireAuth, async (req, res) => {
      await updates.remove(actorOf(res), customerId(req.params.id), pathId(req.params.subscriber_id, () => new SubscriberNotFound()));
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));

  return router;
}
