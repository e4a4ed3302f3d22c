import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Services } from '../domain/services.js';
import { customerLanguage } from '../render/customer-texts.js';
import { statementCsv } from '../render/statement-csv.js';
import type { StatementDocuments } from '../render/statement-document.js';
import { fileNamePart } from '../render/file-names.js';
import { formatOf, sendStream } from './downloads.js';
import { methodNotAllowed } from './errors.js';
import { presentStatement } from './presenters.js';
import { chartQuery, statementQuery } from './request-schemas.js';
import { actorOf, customerId, parseQuery, setNextLink } from './request.js';

/** The language a customer-facing text or document is in: en, bn or hi (bn-BD counts as bn); anything else is English. */
export const langParam = z.string().max(35).optional().meta({ description: 'The language of the text: `en`, `bn` or `hi` (a tag like `bn-BD` counts); anything else is English', example: 'bn' });
const documentLanguageQuery = z.object({ lang: langParam });

/** A statement's formats by their media type, for `Accept`. */
const STATEMENT_TYPES = { 'text/csv': 'csv', 'application/pdf': 'pdf' } as const;

/** /api/customers/{id}/statement/: one period of a customer's account, as JSON pages, CSV or PDF. */
export function createStatementRouter(services: Services, requireAuth: RequestHandler, documents: StatementDocuments): Router {
  const router = Router();
  const { statements } = services;

  router
    .route('/:id/statement/')
    .get(requireAuth, async (req, res) => {
      const q = parseQuery(req, statementQuery);
      const period = { startDate: q.start_date, endDate: q.end_date };
      const id = customerId(req.params.id);
      const format = formatOf(req, q.format, STATEMENT_TYPES, 'json');
      if (format === 'json') {
        const page = await statements.page(actorOf(res), id, { ...period, limit: q.limit, cursor: q.cursor });
        setNextLink(req, res, page.nextCursor);
        return void res.json(presentStatement(page.header, page.lines));
      }
      const h = await statements.header(actorOf(res), id, period);
      const name = `statement-${fileNamePart(h.customer.name)}-${h.startDate}-${h.endDate}`;
      if (format === 'csv') return sendStream(res, 'text/csv; charset=utf-8', `${name}.csv`, statementCsv(h, statements.lines(h)));
      const language = customerLanguage(parseQuery(req, documentLanguageQuery).lang);
      return sendStream(res, 'application/pdf', `${name}.pdf`, await documents.pdf(actorOf(res), h, { language }));
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/:id/chart.png')
    .get(requireAuth, async (req, res) => {
      const q = parseQuery(req, chartQuery);
      const h = await statements.header(actorOf(res), customerId(req.params.id), { startDate: q.start_date, endDate: q.end_date });
      const language = customerLanguage(parseQuery(req, documentLanguageQuery).lang);
      res.type('image/png').send(await documents.chart(actorOf(res), h, { language }));
    })
    .all(methodNotAllowed(['GET']));

  return router;
}
