import { JSON_BODY_LIMIT_TEXT } from './limits.js';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { DomainError, ImportInvalid, type ErrorKind, type FieldErrors } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { ErrorResponse } from './response-schemas.js';
// Brings pino-http's `req.id` and `req.log` into the Request type.
import type {} from 'pino-http';


const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
};

// Where the API contract (kept from the service it replaces) answers differently from the error's kind.
const STATUS_BY_CODE: Record<string, number> = {
  invalid_credentials: 400,
  username_taken: 400,
  idempotency_key_reused: 422,
};

export function sendError(res: Response, status: number, code: string, error: string, fields: FieldErrors = {}, extra: Record<string, unknown> = {}): void {
  const body: ErrorResponse = { error, code, fields };
  res.status(status).json({ ...body, ...extra });
}

export function statusOf(error: DomainError): number {
  return STATUS_BY_CODE[error.code] ?? STATUS_BY_KIND[error.kind];
}

// body-parser marks its own errors with a `type` and a 4xx `status`.
const bodyParserError = z.object({ type: z.string(), status: z.number().int().min(400).max(499) });

export const isBodyParserError = (error: unknown) => bodyParserError.safeParse(error).success;

// Express itself marks a client's mistake it cannot route (e.g. a path id with broken %-encoding) with a 4xx status.
const expressClientError = z.object({ status: z.number().int().min(400).max(499) });

/** A body that could not be decoded at all (e.g. a corrupt gzip stream): answered like malformed JSON. */
export class UnreadableBody extends Error {
  readonly type = 'entity.parse.failed';
  readonly status = 400;
}

const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'malformed_json', 'Malformed JSON in the request body.'],
  'entity.too.large': [413, 'payload_too_large', `The request body is larger than ${JSON_BODY_LIMIT_TEXT}.`],
  'encoding.unsupported': [415, 'unsupported_media_type', 'Unsupported content encoding.'],
  'charset.unsupported': [415, 'unsupported_media_type', 'Unsupported charset; send UTF-8 JSON.'],
};

export const DATABASE_UNAVAILABLE = 'The database is not answering; try again shortly.';

// Driver and pool errors that mean "the database is unreachable or overloaded right now", on either
// dialect: the client may retry, so they are a 503, not a 500. "Transaction query already complete" is
// knex's word for a statement sent on a transaction the lost connection already ended.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '57014',
  'SQLITE_BUSY', 'SQLITE_LOCKED',
]);
const unavailableShape = z.object({ name: z.string().optional(), code: z.unknown().optional(), message: z.string() });

export function isDatabaseUnavailable(error: unknown): boolean {
  const parsed = unavailableShape.safeParse(error);
  if (!parsed.success) return false;
  const { name, code, message } = parsed.data;
  if (name === 'ConnectionException' || name === 'LockWaitTimeoutException') return true;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|connect ECONNREFUSED|terminating connection|not currently accepting connections|database is locked|Transaction query already complete|Client has encountered a connection error|Connection is closed/i.test(message);
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof DomainError) {
      const status = statusOf(error);
      if (status === 401) res.set('WWW-Authenticate', 'Token');
      // An import's rows are reported every one, beside the usual shape.
      const extra = error instanceof ImportInvalid ? { errors: error.rows } : {};
      return sendError(res, status, error.code, error.message, error.fields, extra);
    }
    const parserError = bodyParserError.safeParse(error);
    if (parserError.success) {
      const [status, code, message] = BODY_ERRORS[parserError.data.type] ?? [
        parserError.data.status,
        'bad_request',
        'The request could not be read.',
      ];
      return sendError(res, status, code, message);
    }
    const clientError = expressClientError.safeParse(error);
    if (clientError.success) {
      return sendError(res, clientError.data.status, 'bad_request', 'The request could not be read (check the path and its %-encoding).');
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error, reqId: req.id, method: req.method, url: req.originalUrl }, 'database unavailable');
      res.set('Retry-After', '1');
      return sendError(res, 503, 'database_unavailable', DATABASE_UNAVAILABLE);
    }
    logger.error({ err: error, reqId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    return sendError(res, 500, 'internal_error', 'Something went wrong on our side; the request was not applied.');
  };
}

export const notFoundHandler: RequestHandler = (_req, res) =>
  sendError(res, 404, 'not_found', 'Not found.');

export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    sendError(res, 405, 'method_not_allowed', `Method "${req.method}" not allowed.`);
  };
}
