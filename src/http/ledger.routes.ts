import { Router, type RequestHandler } from 'express';
import { EntryNotFound } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { methodNotAllowed } from './errors.js';
import { presentEntry, presentOverall, presentTotals } from './presenters.js';
import { entryCreateBody, entryListQuery, entryQueryOf, newEntryOf, reverseBody } from './request-schemas.js';
import { actorOf, customerId, parseBody, parseQuery, pathId, respondCreated, setNextLink } from './request.js';

/** Entries, reversals and summaries, nested under /api/customers/{id}/. */
export function createLedgerRouter(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  const { ledger } = services;

  router
    .route('/:id/entries/')
    .get(requireAuth, async (req, res) => {
      const query = entryQueryOf(parseQuery(req, entryListQuery));
      const page = await ledger.list(actorOf(res), customerId(req.params.id), query);
      setNextLink(req, res, page.nextCursor);
      res.json(page.items.map(presentEntry));
    })
    .post(requireAuth, async (req, res) => {
      await respondCreated(req, res, services.idempotency, async () => {
        const command = newEntryOf(parseBody(req, entryCreateBody));
        const { entry } = await ledger.post(actorOf(res), customerId(req.params.id), command);
        return presentEntry(entry);
      }, { plain: true });
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/:id/entries/:entry_id/reverse/')
    .post(requireAuth, async (req, res) => {
      await respondCreated(req, res, services.idempotency, async () => {
        const body = parseBody(req, reverseBody.optional()) ?? {};
        const id = customerId(req.params.id);
        const entryId = pathId(req.params.entry_id, () => new EntryNotFound());
        const { entry } = await ledger.reverse(actorOf(res), id, entryId, body);
        return presentEntry(entry);
      }, { plain: true });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/:id/summary/')
    .get(requireAuth, async (req, res) => {
      res.json(presentTotals(await ledger.customerSummary(actorOf(res), customerId(req.params.id))));
    })
    .all(methodNotAllowed(['GET']));

  return router;
}

/** GET /api/summary/: the merchant's totals over all customers. */
export function createSummaryRouter(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router
    .route('/')
    .get(requireAuth, async (_req, res) => {
      res.json(presentOverall(await services.ledger.overallSummary(actorOf(res))));
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
