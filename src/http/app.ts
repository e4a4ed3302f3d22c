import express, { type Express, type Request, type RequestHandler } from 'express';
import { systemClock, type Clock } from '../domain/clock.js';
import helmet from 'helmet';
import type { Database } from '../db/orm.js';
import { inUnitOfWork } from '../db/unit-of-work.js';
import type { Services } from '../domain/services.js';
import type { Logger } from '../logger.js';
import { createAuthenticate, requireAuth } from './auth.middleware.js';
import { createAuthRouter } from './auth.routes.js';
import { memoryCounters } from './counters.js';
import { createCustomerRouter } from './customer.routes.js';
import { createDocsRouter } from './docs.routes.js';
import { createErrorHandler, isBodyParserError, notFoundHandler, sendError, UnreadableBody } from './errors.js';
import { createHealthRouter, type Dependencies } from './health.routes.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { createLedgerRouter, createSummaryRouter } from './ledger.routes.js';
import { IMPORT_PATH, JSON_BODY_LIMIT_BYTES } from './limits.js';
import { createLimiter, type RateLimits } from './rate-limit.js';
import { requestLog } from './request-log.js';
import { createTelegramRouter } from './telegram.routes.js';
import { createStatementRouter } from './statement.routes.js';
import { createReportsRouter } from './reports.routes.js';
import { createBookRouter } from './book.routes.js';
import { createSharePageRouter } from './share-page.routes.js';
import { createSharingRouter } from './sharing.routes.js';
import type { StatementDocuments } from '../render/statement-document.js';

/** What the app needs of the bot: its username for deep links (null while it connects) and, in webhook mode, grammY's callback. */
export type TelegramHttp = { botUsername(): string | null; webhook?: { path: string; handler: RequestHandler } | undefined };

export type AppDeps = {
  services: Services;
  db: Pick<Database, 'em' | 'ping'>;
  logger: Logger;
  rateLimits: RateLimits;
  /** Absent when the bot is off. */
  telegram?: TelegramHttp;
  /** Statement PDFs and charts. */
  documents: StatementDocuments;
  /** PUBLIC_BASE_URL: where share links point; absent, the address each request came to. */
  publicBaseUrl?: string | null;
  clock?: Clock;
  /** How the outside services are doing, for /healthz and /readyz; both "off" when absent. */
  dependencies?: () => Dependencies;
  now?: () => number;
};

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A body that is present but not JSON is refused before anything reads it. */
const requireJsonBody: RequestHandler = (req, res, next) => {
  const length = req.get('Content-Length');
  const hasBody = req.get('Transfer-Encoding') !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !req.is(JSON_TYPES) && !(IMPORT_PATH.test(req.path) && req.is('text/csv'))) {
    return sendError(res, 415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).');
  }
  next();
};

// Nothing the API answers may be kept by a cache: tokens, link codes and the ledger itself.
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

export function createApp({ services, db, logger, rateLimits, telegram, documents, publicBaseUrl = null, clock = systemClock, dependencies, now = Date.now }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Served over plain HTTP (or behind a TLS proxy): do not force the docs page's assets onto https.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const limiter = createLimiter(rateLimits, rateLimits.counters ?? memoryCounters(now), logger, now);

  app.use(requestLog(logger));
  app.use('/api', noStore);
  app.use(requireJsonBody);
  // One unit of work per request; its EntityManager fork is made only if the ORM is used.
  app.use((_req, _res, next) => inUnitOfWork(db.em, next));
  // Authenticated before any body is read; then counted against its token.
  app.use('/api', createAuthenticate(services.auth), limiter.perToken);

  const parseJson = express.json({ limit: JSON_BODY_LIMIT_BYTES, type: JSON_TYPES });
  // Whatever goes wrong reading a body (a corrupt gzip stream too) is the client's mistake, never a 500.
  app.use((req, res, next) =>
    parseJson(req, res, (error?: unknown) => {
      if (error !== undefined) return next(isBodyParserError(error) ? error : new UnreadableBody());
      if (nestsDeeperThan(req.body, MAX_JSON_DEPTH)) {
        return sendError(res, 400, 'json_too_deep', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
      }
      next();
    }),
  );
  // grammY checks the secret header itself (401 when wrong) and opens its own unit of work per update.
  if (telegram?.webhook) app.post(telegram.webhook.path, telegram.webhook.handler);
  // Path prefixes (any case, with or without the slash), so every path that reaches login or register counts.
  app.use('/api/auth/login', limiter.login);
  app.use('/api/auth/register', limiter.register);

  app.use(createHealthRouter(db, dependencies));
  app.use('/api/auth', createAuthRouter(services, requireAuth, limiter));
  app.use('/api/customers', createCustomerRouter(services, requireAuth));
  const publicBase = (req: Request) => publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  app.use('/api/customers', createSharingRouter(services, requireAuth, publicBase, clock));
  app.use('/api/customers', createLedgerRouter(services, requireAuth));
  app.use('/api/summary', createSummaryRouter(services, requireAuth));
  app.use('/api/customers', createStatementRouter(services, requireAuth, documents));
  app.use('/api/reports', createReportsRouter(services, requireAuth));
  app.use('/api', createBookRouter(services, requireAuth));
  app.use('/api/telegram', createTelegramRouter(services, requireAuth, telegram ?? null));
  app.use(createDocsRouter());
  app.use(createSharePageRouter({ services, documents, clock, limit: limiter.share, botUsername: () => telegram?.botUsername() ?? null }));

  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}



