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
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
