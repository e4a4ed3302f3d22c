import { createServer, type Server } from 'node:http';
import type { Bot } from 'grammy';
import type { Express } from 'express';
import type { BotContext } from '../bot/context.js';
import { createBot } from '../bot/create-bot.js';
import type { OfflineApi } from '../bot/offline-api.js';
import { superviseBot, type Backoff, type SupervisedBot } from '../bot/run.js';
import { createBotState, type BotState } from '../bot/state/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/orm.js';
import type { PasswordHasher } from './domain/auth/password-hasher.js';
import { systemClock, type Clock } from './domain/clock.js';
import { createServices, type Services } from './domain/services.js';
import { createHousekeeping, type Housekeeping } from './housekeeping.js';
import { createApp, type TelegramHttp } from './http/app.js';
import { answerClientErrorsInJson } from './http/client-errors.js';
import { drainable } from './http/drain.js';
import { redisStatusOf, type Dependencies } from './http/health.routes.js';
import { connectRedisCounters } from './http/rate-limit-redis.js';
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
};

export type Runtime = {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Database;
  services: Services;
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
    const services = createServices({ em: db.em, dialect: db.dialect, clock, bcryptCost: config.bcryptCost, maxCustomers: config.maxCustomersPerMerchant, ...(options.passwords ? { passwords: options.passwords } : {}) });
    const botState = createBotState({ em: db.em, clock });
    const documents = createStatementDocuments(services, clock);
    const housekeeping = createHousekeeping({ purges: [...services.purges, ...botState.purges], clock, logger });

    let bot: Bot<BotContext> | null = null;
    let online: SupervisedBot | null = null;
    let telegram: TelegramHttp | undefined;
    const botDeps = { services, documents, state: botState, em: db.em, logger, clock };
    if (options.offlineBot) {
      const { username } = options.offlineBot.botInfo;
      bot = createBot({ ...botDeps, connection: { offline: options.offlineBot } });
      telegram = { botUsername: () => username };
    } else if (config.telegram.mode !== 'off') {
      bot = createBot({ ...botDeps, connection: { token: config.telegram.botToken, apiRoot: config.telegram.apiRoot } });
      // Connects in the background once the server listens: Telegram never holds up the ledger.
      online = superviseBot(bot, config.telegram, logger, options.telegramBackoff);
      telegram = online.http;
    }

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
      db,
      logger,
      rateLimits: {
        authPerWindow: config.rateLimits.authPerMinute,
        apiPerWindow: config.rateLimits.apiPerMinute,
        ...(options.rateLimitWindowMs ? { windowMs: options.rateLimitWindowMs } : {}),
        ...(redis ? { counters: redis.counters } : {}),
      },
      ...(telegram ? { telegram } : {}),
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
        logger.info({ host: config.host, port }, `Mini Ledger API listening on ${url}`);
        if (online) online.start();
        else if (!options.offlineBot) logger.info('Telegram bot off: TELEGRAM_BOT_TOKEN is not set');
        housekeeping.start();
        return { url, server };
      },
      stop() {
        // Each stops taking work and finishes what it started; all of them end before the ORM closes.
        stopping ??= (async () => {
          await Promise.all([http?.close(), online?.stop(), housekeeping.stop()]);
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
