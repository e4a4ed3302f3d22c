import express, { Router, type RequestHandler } from 'express';
import { ImportInvalid } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { bookCsv, parseBookCsv } from '../render/book-csv.js';
import { sendStream } from './downloads.js';
import { methodNotAllowed, sendError } from './errors.js';
import { IMPORT_LIMIT_BYTES, IMPORT_LIMIT_TEXT } from './limits.js';
import { actorOf, respondCreated } from './request.js';
import type { ImportResponse } from './response-schemas.js';

const readCsv = express.text({ type: 'text/csv', limit: IMPORT_LIMIT_BYTES });

/** A CSV body, up to IMPORT_LIMIT_BYTES; anything else is the usual JSON error. */
const csvBody: RequestHandler = (req, res, next) => {
  if (!req.is('text/csv')) return sendError(res, 415, 'unsupported_media_type', 'Send the book as CSV (Content-Type: text/csv).');
  readCsv(req, res, (error?: unknown) => {
    if (error === undefined) return next();
    const tooLarge = typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large';
    if (tooLarge) return sendError(res, 413, 'payload_too_large', `The book file is larger than ${IMPORT_LIMIT_TEXT}.`);
    next(error);
  });
};

/** /api/export/ and /api/import/: the merchant's whole book out as CSV, and a CSV book in (all rows or none). */
export function createBookRouter(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router
    .route('/export/')
    .get(requireAuth, async (_req, res) => {
      const today = new Date().toISOString().slice(0, 10);
      await sendStream(res, 'text/csv; charset=utf-8', `book-${today}.csv`, bookCsv(services.book.exportRows(actorOf(res))));
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/import/')
    .post(requireAuth, csvBody, async (req, res) => {
      await respondCreated(req, res, services.idempotency, async (): Promise<ImportResponse> => {
        const text = typeof req.body === 'string' ? req.body : '';
        const { rows, errors } = parseBookCsv(text);
        if (errors.length > 0) throw new ImportInvalid(errors);
        const result = await services.book.importRows(actorOf(res), rows);
        return { customers_created: result.customersCreated, entries_imported: result.entriesImported };
      });
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
