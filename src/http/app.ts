import { RequestContext } from '@mikro-orm/core';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Database } from '../db/orm.js';
import type { Services } from '../domain/services.js';
import type { Logger } from '../logger.js';
import { createRequireAuth } from './auth.middleware.js';
import { createAuthRouter } from './auth.routes.js';
import { createCustomerRouter } from './customer.routes.js';
import { createDocsRouter } from './docs.routes.js';
import { createErrorHandler, isBodyParserError, methodNotAllowed, notFoundHandler, sendError, UnreadableBody } from './errors.js';
import { createLedgerRouter, createSummaryRouter } from './ledger.routes.js';
import { JSON_BODY_LIMIT_BYTES } from './limits.js';
import { apiLimiter, authLimiters, type RateLimits } from './rate-limit.js';
import { requestLog } from './request-log.js';
import { createTelegramRouter } from './telegram.routes.js';
import { createOpenApiDocument } from './openapi.js';

/** What the app needs of the bot: its username for deep links and, in webhook mode, grammY's callback. */
export type TelegramHttp = { botUsername: string; webhook?: { path: string; handler: RequestHandler } | undefined };

export type AppDeps = {
  services: Services;
  db: Pick<Database, 'em' | 'ping'>;
  logger: Logger;
  rateLimits: RateLimits;
  /** Absent when the bot is off. */
  telegram?: TelegramHttp;
};

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A body that is present but not JSON is refused before anything reads it. */
const requireJsonBody: RequestHandler = (req, res, next) => {
  const length = req.get('Content-Length');
  const hasBody = req.get('Transfer-Encoding') !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !req.is(JSON_TYPES)) {
    return sendError(res, 415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).');
  }
  next();
};

export function createApp({ services, db, logger, rateLimits, telegram }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Served over plain HTTP (or behind a TLS proxy): do not force the docs page's assets onto https.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  app.use(requestLog(logger));
  app.use(requireJsonBody);
  const parseJson = express.json({ limit: JSON_BODY_LIMIT_BYTES, type: JSON_TYPES });
  // Whatever goes wrong reading a body (a corrupt gzip stream too) is the client's mistake, never a 500.
  app.use((req, res, next) =>
    parseJson(req, res, (error?: unknown) => next(error === undefined || isBodyParserError(error) ? error : new UnreadableBody())),
  );
  // grammY checks the secret header itself (401 when wrong) and opens its own unit of work per update.
  if (telegram?.webhook) app.post(telegram.webhook.path, telegram.webhook.handler);
  // Path prefixes (any case, with or without the slash), so every path that reaches login or register counts.
  app.use('/api/auth/login', ...authLimiters(rateLimits, 'login'));
  app.use('/api/auth/register', ...authLimiters(rateLimits, 'register'));
  app.use('/api', apiLimiter(rateLimits));
  // One EntityManager fork per request.
  app.use((_req, _res, next) => RequestContext.create(db.em, next));

  app
    .route('/healthz')
    .get(async (_req, res) => {
      if (await db.ping()) res.json({ status: 'ok', database: 'ok' });
      else sendError(res, 503, 'database_unavailable', 'The database is not answering.');
    })
    .all(methodNotAllowed(['GET']));

  const requireAuth = createRequireAuth(services.auth);
  app.use('/api/auth', createAuthRouter(services, requireAuth));
  app.use('/api/customers', createCustomerRouter(services, requireAuth));
  app.use('/api/customers', createLedgerRouter(services, requireAuth));
  app.use('/api/summary', createSummaryRouter(services, requireAuth));
  app.use('/api/telegram', createTelegramRouter(services, requireAuth, telegram?.botUsername ?? null));
  app.use(createDocsRouter(createOpenApiDocument()));

  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}
