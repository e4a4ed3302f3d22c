// `npm run test:postman`: runs the Postman collection with newman against the real server twice — as
// the quick start runs it (bot off), and with the bot on against a local fake Bot API — each on a fresh
// database, and exits non-zero on any failed assertion.
import newman from 'newman';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { z } from 'zod';
import { COLLECTION_FILE, ENVIRONMENT_FILE } from '../postman/build-collection.js';
import { freshDatabase } from '../test/support/database.js';
import { freePort } from '../test/support/ports.js';
import { startService } from '../test/support/process.js';

const health = z.object({ telegram: z.string() });

/** Waits until the service reports the bot connected (it connects in the background). */
async function botConnected(url: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const body = health.safeParse(await (await fetch(`${url}/healthz`)).json());
    if (body.success && body.data.telegram === 'ok') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the bot did not connect to the fake Bot API');
}

async function runCollection(label: string, env: Record<string, string>, ready: (url: string) => Promise<void>): Promise<number> {
  // A fresh SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
  const database = await freshDatabase();
  const service = await startService({ DATABASE_URL: database.url, LOG_LEVEL: 'info', ...env });
  let failures = 0;
  try {
    await ready(service.url);
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
    console.log(`newman (${label}): ${requests.total} requests, ${assertions.total} assertions, ${assertions.failed} failed`);
  } finally {
    const code = await service.stop('SIGTERM');
    await database.drop();
    if (code !== 0) {
      console.error(`server (${label}) exited with ${code}`);
      failures += 1;
    }
  }
  return failures;
}

let failures = await runCollection('quick start, bot off', {}, async () => {});
// The bot runs against a local fake Bot API, so the Telegram linking requests meet a live bot.
const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
await telegram.start();
try {
  failures += await runCollection('bot on', { TELEGRAM_BOT_TOKEN: '4242:postman-run-token', TELEGRAM_API_ROOT: telegram.config.apiURL }, botConnected);
} finally {
  await telegram.stop();
}
process.exit(failures === 0 ? 0 : 1);
