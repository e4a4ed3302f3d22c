// `npm run test:postman`: starts the real server on a temporary SQLite database, runs the Postman
// collection against it with newman, stops the server, and exits non-zero on any failed assertion.
import newman from 'newman';
import { COLLECTION_FILE, ENVIRONMENT_FILE } from '../postman/build-collection.js';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { freePort } from '../test/support/ports.js';
import { freshDatabase } from '../test/support/database.js';
import { startService } from '../test/support/process.js';

// A fresh SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
const database = await freshDatabase();
// The bot runs against a local fake Bot API, so the Telegram linking requests meet a live bot.
const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
await telegram.start();
const service = await startService({
  DATABASE_URL: database.url,
  LOG_LEVEL: 'info',
  TELEGRAM_BOT_TOKEN: '4242:postman-run-token',
  TELEGRAM_API_ROOT: telegram.config.apiURL,
});

let failures = 0;
try {
  const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) => {
    newman.run(
      {
        collection: COLLECTION_FILE,
        environment: ENVIRONMENT_FILE,
        envVar: [{ key: 'base_url', value: service.url }],
        reporters: ['cli'],
        timeoutRequest: 10_000,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  failures = summary.run.failures.length;
  const { requests, assertions } = summary.run.stats;
  console.log(`newman: ${requests.total} requests, ${assertions.total} assertions, ${assertions.failed} failed`);
} finally {
  const code = await service.stop('SIGTERM');
  await telegram.stop();
  await database.drop();
  if (code !== 0) {
    console.error(`server exited with ${code}`);
    failures += 1;
  }
}
process.exit(failures === 0 ? 0 : 1);
