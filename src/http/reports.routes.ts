import { Router, type RequestHandler } from 'express';
import type { Services } from '../domain/services.js';
import { duesCsv } from '../render/dues-csv.js';
import { formatOf, sendStream } from './downloads.js';
import { methodNotAllowed } from './errors.js';
import { presentDue } from './presenters.js';
import { duesQuery } from './request-schemas.js';
import { actorOf, parseQuery, setNextLink } from './request.js';

/** /api/reports/: the dues list (who owes you, or with ?side=give whom you owe), JSON pages or CSV. */
export function createReportsRouter(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router
    .route('/dues/')
    .get(requireAuth, async (req, res) => {
      const q = parseQuery(req, duesQuery);
      const side = q.side ?? 'get';
      if (formatOf(req, q.format, { 'text/csv': 'csv' } as const, 'json') === 'csv') {
        return sendStream(res, 'text/csv; charset=utf-8', `dues-${side}.csv`, duesCsv(services.dues.all(actorOf(res), side)));
      }
      const page = await services.dues.page(actorOf(res), { side, limit: q.limit, cursor: q.cursor });
      setNextLink(req, res, page.nextCursor);
      res.json(page.items.map(presentDue));
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
