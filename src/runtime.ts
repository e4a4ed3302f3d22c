import { createServer, type Server } from 'node:http';
import type { Bot } from 'grammy';
import type { Express } from 'express';
import type { BotContext } from '../bot/context.js';
import type { OfflineApi } from '../bot/offline-api.js';
import type { Backoff } from '../bot/run.js';
import { createBotState, type BotState } from '../bot/state/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/orm.js';
import type { PasswordHasher } from './domain/auth/password-hasher.js';
import { systemClock, type Clock } from './domain/clock.js';
import { createServices, type Services } from './domain/services.js';
import { createHousekeeping, type Housekeeping } from './housekeeping.js';
import { createApp } from './http/app.js';
import { answerClientErrorsInJson } from './http/client-errors.js';
import { drainable } from './http/drain.js';
import { redisStatusOf, type Dependencies } from './http/health.routes.js';
import { connectRedisCounters } from './http/rate-limit-redis.js';
import type { SenderOptions, UpdatesSender } from '../bot/updates-sender.js';
import { appSecret } from './db/app-secrets.js';
import { createLogger, type Logger } from './logger.js';
import { createStatementDocuments, type StatementDocuments } from './render/statement-document.js';

export type RuntimeOptions = {
  /** The system clock unless a test moves time itself. */
  clock?: Clock;
  logger?: Logger;
  passwords?: PasswordHasher;
  /** Runs the bot against this stand-in for the Bot API, whatever the Telegram configuration says. */
  offlineBot?: OfflineApi;
  /** False for read-only tools (`npm run verify`): the schema is used as it is. */
  migrate?: boolean;
  /** A shorter rate-limit window than a minute (tests). */
  rateLimitWindowMs?: number;
  /** How the bot backs off while Telegram does not answer (tests shorten it). */
  telegramBackoff?: Backoff;
  /** The customers' updates sender's pacing (tests shorten it). */
  updatesSender?: Partial<SenderOptions>;
};

export type Runtime = {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Database;
  services: Services;
  /** Sends customers' updates from the outbox; null when the bot is off. Started by start(). */
  updatesSender: UpdatesSender | null;
  /** Statement PDFs and charts, for the API and the bot. */
  documents: StatementDocuments;
  botState: BotState;
  /** Null when the bot is off. */
  bot: Bot<BotContext> | null;
  app: Express;
  housekeeping: Housekeeping;
  /** Listens on the configured address, then starts the bot (polling or webhook) and housekeeping. */
  start(): Promise<{ url: string; server: Server }>;
  /** Stops taking work, finishes what was started, then closes the database. */
  stop(): Promise<void>;
};

/**
 * The one composition root: config -> database -> migrations -> services -> bot -> app ->
 * housekeeping. `npm start`, `npm run chat`, `npm run verify`, the benchmarks and the tests all build
 * the service through it.
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  const stoppers: Array<() => Promise<void>> = [];
  try {
    if (options.migrate !== false) {
      const applied = await db.migrate();
      logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema is up to date');
    }
    // Share links need the secret their tokens are derived with; a read-only run (verify) makes none.
    const secret = options.migrate === false ? null : await appSecret(db.em, 'share-links', config.shareLinkSecret, clock.now());
    const shareSecret = () => {
      if (secret === null) throw new Error('share links are off in a read-only run');
      return secret;
    };
    const services = createServices({ em: db.em, dialect: db.dialect, clock, shareSecret, bcryptCost: config.bcryptCost, maxCustomers: config.maxCustomersPerMerchant, ...(options.passwords ? { passwords: options.passwords } : {}) });
    const botState = createBotState({ em: db.em, clock });
    const documents = createStatementDocuments(services, clock);
    const housekeeping = createHousekeeping({ purges: [...services.purges, ...botState.purges], clock, logger });

    // Share links point at PUBLIC_BASE_URL, else at the address this server listens on (known once it does).
    let listeningUrl: string | null = null;
    const publicBase = () => config.publicBaseUrl ?? listeningUrl ?? `http://${config.host}:${config.port}`;
    // grammY, its plugins and the bot's own modules are imported only when a bot runs: they were an
    // eighth of the time to the first answer of a server without one.
    const connection = options.offlineBot
      ? { offline: options.offlineBot }
      : config.telegram.mode !== 'off'
        ? { online: config.telegram, backoff: options.telegramBackoff }
        : null;
    const side = connection
      ? (await import('./telegram-runtime.js')).createTelegramSide({
          services,
          documents,
          publicBase,
          state: botState,
          em: db.em,
          logger,
          clock,
          connection,
          senderOptions: { ...config.updatesSender, ...options.updatesSender },
        })
      : null;
    const bot = side?.bot ?? null;
    const online = side?.online ?? null;
    const updatesSender = side?.updatesSender ?? null;
    if (bot) {
      const api = bot.api;
      housekeeping.add({ name: 'scheduled deletions', run: (now, batch) => botState.deletions.runDue(now, batch, (chat, message) => api.deleteMessage(chat, message)) });
    }

    // Redis connects in the background too: until it answers, the limits fail open.
    const now = () => clock.now().getTime();
    const redis = config.redisUrl ? connectRedisCounters(config.redisUrl, logger, now) : null;
    if (redis) stoppers.push(() => redis.close());
    const dependencies = (): Dependencies => ({
      telegram: online ? online.status() : options.offlineBot ? 'ok' : 'off',
      redis: redis ? redisStatusOf(redis.counters.status()) : 'off',
    });
    const app = createApp({
      services,
      documents,
      publicBaseUrl: config.publicBaseUrl,
      clock,
      db,
      logger,
      rateLimits: {
        authPerWindow: config.rateLimits.authPerMinute,
        apiPerWindow: config.rateLimits.apiPerMinute,
        ...(options.rateLimitWindowMs ? { windowMs: options.rateLimitWindowMs } : {}),
        ...(redis ? { counters: redis.counters } : {}),
        sharePerWindow: config.shareRateLimitPerMinute,
      },
      ...(side ? { telegram: side.telegram } : {}),
      dependencies,
      now,
    });

    let http: { close(): Promise<void> } | null = null;
    let stopping: Promise<void> | null = null;

    return {
      config,
      logger,
      clock,
      db,
      services,
      updatesSender,
      documents,
      botState,
      bot,
      app,
      housekeeping,
      async start() {
        // Every request's time is bounded: a slow body or slow headers are cut off (408; checked every
        // second, not Node's default 30 s), and connections past the cap are closed at once instead of
        // taking every file descriptor.
        const server = createServer(
          {
            requestTimeout: config.http.requestTimeoutMs,
            headersTimeout: Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs),
            connectionsCheckingInterval: 1_000,
          },
          app,
        );
        server.maxConnections = config.http.maxConnections;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(config.port, config.host, () => resolve());
        });
        http = drainable(server);
        answerClientErrorsInJson(server);
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const url = `http://${config.host}:${port}`;
        listeningUrl = url;
        logger.info({ host: config.host, port }, `Mini Ledger API listening on ${url}`);
        if (online) online.start();
        else if (!options.offlineBot) logger.info('Telegram bot off: TELEGRAM_BOT_TOKEN is not set');
        housekeeping.start();
        updatesSender?.start();
        return { url, server };
      },
      stop() {
        // Each stops taking work and finishes what it started; all of them end before the ORM closes.
        stopping ??= (async () => {
          await Promise.all([http?.close(), online?.stop(), housekeeping.stop(), updatesSender?.stop()]);
          for (const stop of stoppers) await stop();
          await services.passwords.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const stop of stoppers) await stop().catch(() => undefined);
    await db.close();
    throw error;
  }
}
