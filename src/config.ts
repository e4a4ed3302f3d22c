import { z } from 'zod';
import { DEFAULT_MAX_CUSTOMERS } from './domain/services.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const intFrom = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Login/register attempts and authenticated API requests a minute, unless RATE_LIMIT_* says otherwise. */
export const RATE_LIMIT_DEFAULTS = { authPerMinute: 10, apiPerMinute: 600 };

const envSchema = z.object({
  PORT: intFrom(0, 65535).default(8000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'must start with file: (SQLite) or postgres:// (PostgreSQL)')
    .default('file:./data/ledger.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  BCRYPT_COST: intFrom(4, 15).default(12),
  SQLITE_BUSY_TIMEOUT_MS: intFrom(0, 600_000).default(5000),
  DATABASE_POOL_SIZE: intFrom(1, 1000).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: intFrom(0, 3_600_000).default(30_000),
  RATE_LIMIT_AUTH_PER_MIN: intFrom(1, 1_000_000).default(RATE_LIMIT_DEFAULTS.authPerMinute),
  RATE_LIMIT_API_PER_MIN: intFrom(1, 1_000_000).default(RATE_LIMIT_DEFAULTS.apiPerMinute),
  HTTP_REQUEST_TIMEOUT_MS: intFrom(1_000, 3_600_000).default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: intFrom(1_000, 600_000).default(10_000),
  HTTP_MAX_CONNECTIONS: intFrom(1, 1_000_000).default(1_000),
  MAX_CUSTOMERS_PER_MERCHANT: intFrom(1, 10_000_000).default(DEFAULT_MAX_CUSTOMERS),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be the public http(s) base URL customers open share links at' }).optional(),
  SHARE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SHARE_RATE_LIMIT_PER_MIN: intFrom(1, 1_000_000).default(60),
  UPDATES_CLAIM_MS: intFrom(100, 3_600_000).default(30_000),
  UPDATES_POLL_MS: intFrom(10, 60_000).default(1_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-from-BotFather').optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be the public http(s) base URL of this server' }).optional(),
  // Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -.
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z a-z 0-9 _ -').optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bcryptCost: number;
  sqliteBusyTimeoutMs: number;
  /** PostgreSQL: connections per instance, and the cap on any one statement (0 = none). */
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  rateLimits: {
    /** Login and register attempts a minute, per client IP and per username. */
    authPerMinute: number;
    /** Authenticated API requests a minute, per token. */
    apiPerMinute: number;
  };
  http: {
    /** A request (headers and body) must arrive within this, or it is answered 408 and closed. */
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    /** Connections past this are closed at once, so a flood of idle sockets cannot take every file descriptor. */
    maxConnections: number;
  };
  /** Nothing grows without bound: a merchant keeps at most this many customers. */
  maxCustomersPerMerchant: number;
  /** The base of share links (`<base>/s/<token>`); null: the address this server listens on (or a request's Host). */
  publicBaseUrl: string | null;
  /** Share-link tokens are derived with this; null: a secret the database keeps (made once). */
  shareLinkSecret: string | null;
  /** Share page views a minute per client address. */
  shareRateLimitPerMinute: number;
  /** Customers' updates: how long a claimed message is one instance's, and how often the outbox is read. */
  updatesSender: { claimMs: number; pollMs: number };
  /** Rate-limit counters live in Redis when set (shared by every instance), in memory otherwise. */
  redisUrl: string | null;
  telegram: TelegramConfig;
};

/** The bot is off without a token; with one it long-polls, or takes webhooks when a public URL is set. */
export type TelegramConfig =
  | { mode: 'off' }
  | { mode: 'polling'; botToken: string; apiRoot: string }
  | {
      mode: 'webhook';
      botToken: string;
      apiRoot: string;
      /** This server's public base URL. */
      webhookUrl: string;
      /** Null means: generate a random one per process (never a fixed default). */
      webhookSecret: string | null;
    };

function telegramConfig(e: z.output<typeof envSchema>): TelegramConfig {
  if (!e.TELEGRAM_BOT_TOKEN) return { mode: 'off' };
  const apiRoot = e.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  if (!e.TELEGRAM_WEBHOOK_URL) return { mode: 'polling', botToken: e.TELEGRAM_BOT_TOKEN, apiRoot };
  return {
    mode: 'webhook',
    botToken: e.TELEGRAM_BOT_TOKEN,
    apiRoot,
    webhookUrl: e.TELEGRAM_WEBHOOK_URL.replace(/\/+$/, ''),
    webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? null,
  };
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad value names the variable. */
export function createConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    bcryptCost: e.BCRYPT_COST,
    sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    rateLimits: { authPerMinute: e.RATE_LIMIT_AUTH_PER_MIN, apiPerMinute: e.RATE_LIMIT_API_PER_MIN },
    http: { requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS, headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, maxConnections: e.HTTP_MAX_CONNECTIONS },
    maxCustomersPerMerchant: e.MAX_CUSTOMERS_PER_MERCHANT,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    shareLinkSecret: e.SHARE_LINK_SECRET ?? null,
    shareRateLimitPerMinute: e.SHARE_RATE_LIMIT_PER_MIN,
    updatesSender: { claimMs: e.UPDATES_CLAIM_MS, pollMs: e.UPDATES_POLL_MS },
    redisUrl: e.REDIS_URL ?? null,
    telegram: telegramConfig(e),
  };
}
