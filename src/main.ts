// `npm start`: reads the environment, builds the service through the composition root, serves, and
// stops gracefully on SIGTERM or SIGINT.
import { ConfigError, createConfig } from './config.js';
import { DatabaseMissing } from './db/orm.js';
import { createRuntime } from './runtime.js';

const SHUTDOWN_LIMIT_MS = 10_000;

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
  const runtime = await createRuntime(config);
  const { logger } = runtime;
  await runtime.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    try {
      await runtime.stop();
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
  // An operator's mistake (a missing database) is said plainly; anything else comes with its stack.
  const text = error instanceof DatabaseMissing ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`Mini Ledger failed to start: ${text}\n`);
  process.exit(1);
});
