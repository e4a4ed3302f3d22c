// Wires everything once; the only module that reads process.env.
import type { Server } from 'node:http';
import { prepareBot } from '../bot/run.js';
import { ConfigError, createConfig } from './config.js';
import { openDatabase } from './db/orm.js';
import { systemClock } from './domain/clock.js';
import { createServices } from './domain/services.js';
import { createApp } from './http/app.js';
import { answerClientErrorsInJson } from './http/client-errors.js';
import { drainable } from './http/drain.js';
import { connectRedisStore } from './http/rate-limit-redis.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = createConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  const applied = await db.migrate();
  logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema is up to date');

  const services = createServices({ em: db.em, clock: systemClock, bcryptCost: config.bcryptCost });
  const telegram = config.telegram.botToken
    ? await prepareBot({ services, em: db.em, logger, telegram: { ...config.telegram, botToken: config.telegram.botToken } })
    : null;
  // Each stops taking work and finishes what it started; all of them end before the ORM closes.
  const stoppers: Array<() => Promise<void>> = [];
  if (telegram) stoppers.push(() => telegram.stop());
  const redis = config.redisUrl ? await connectRedisStore(config.redisUrl, logger) : null;
  const rateLimits = {
    authPerWindow: config.rateLimits.authPerMinute,
    apiPerWindow: config.rateLimits.apiPerMinute,
    ...(redis ? { store: redis.store } : {}),
  };
  const app = createApp({ services, db, logger, rateLimits, ...(telegram ? { telegram: telegram.http } : {}) });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const http = drainable(server);
  answerClientErrorsInJson(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ host: config.host, port }, `Mini Ledger API listening on http://${config.host}:${port}`);
  if (telegram) await telegram.start();
  else logger.info('Telegram bot off: TELEGRAM_BOT_TOKEN is not set');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      // Stops accepting at once; resolves when the last in-flight request has been answered.
      await Promise.all([http.close(), ...stoppers.map((stop) => stop())]);
      await redis?.close();
      await db.close();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Mini Ledger failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
