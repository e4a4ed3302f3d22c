import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths whose values are secrets; they never reach the log output. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'password',
  'token',
  '*.password',
  '*.token',
  // Defence in depth for error objects: body-parser keeps the raw body, grammY's errors the call's payload.
  'err.body',
  'err.payload.text',
  'err.payload.secret_token',
  'err.payload.url',
  'req.body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
