import { textUpdate } from '../bot/updates.js';
import type { Update } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { webhookPath } from '../../bot/run.js';
import { freePort } from '../support/ports.js';
import { freshDatabase, ON_POSTGRES, type FreshDatabase } from '../support/database.js';
import { startService, type Started } from '../support/process.js';

if (!ON_POSTGRES) console.info('Multi-instance webhook test skipped: set TEST_DATABASE_URL=postgres://… to run it');

const BOT_TOKEN = '777001:multi-instance-webhook';
const SECRET = 'shared-webhook-secret-for-every-instance';
const CHAT = 5150;

const message = (updateId: number, text: string) =>
  textUpdate({ updateId, messageId: updateId, text, chat: { id: CHAT, type: 'private', first_name: 'Counter' } });

describe.runIf(ON_POSTGRES)('the bot in webhook mode on two instances', () => {
  let db: FreshDatabase;
  let telegram: TelegramServer;
  let a: Started;
  let b: Started;

  beforeAll(async () => {
    db = await freshDatabase();
    telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
    await telegram.start();
    const env = {
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
      TELEGRAM_WEBHOOK_URL: 'https://ledger.example.com',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    };
    [a, b] = await Promise.all([startService(env), startService(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await telegram?.stop();
    await db?.drop();
  });

  const deliver = (instance: Started, update: Update) =>
    fetch(`${instance.url}${webhookPath(BOT_TOKEN)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });

  it('when the same update reaches both instances at once, then one entry is posted', async () => {
    const reg = await fetch(`${a.url}/api/auth/register/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'webhook-shop', password: 'password123' }),
    });
    const { token } = z.object({ token: z.string() }).parse(await reg.json());
    const headers = { Authorization: `Token ${token}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${b.url}/api/customers/`, { method: 'POST', headers, body: JSON.stringify({ name: 'Alice' }) });
    const alice = z.object({ id: z.number() }).parse(await created.json());

    expect((await deliver(a, message(1, `/link ${token}`))).status).toBe(200);
    const links = z.array(z.unknown()).parse(await (await fetch(`${b.url}/api/telegram/links/`, { headers })).json());
    expect(links).toHaveLength(1);

    const credit = message(2, '/credit Alice 500');
    const answers = await Promise.all([deliver(a, credit), deliver(b, credit), deliver(a, credit), deliver(b, credit)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const entries = z.array(z.object({ amount: z.string(), channel: z.string() })).parse(
      await (await fetch(`${a.url}/api/customers/${alice.id}/entries/`, { headers })).json(),
    );
    expect(entries).toEqual([expect.objectContaining({ amount: '500.00', channel: 'telegram' })]);
    const summary = await (await fetch(`${b.url}/api/customers/${alice.id}/summary/`, { headers })).json();
    expect(summary).toEqual({ total_credit: '500.00', total_debit: '0.00', balance: '500.00' });
  }, 60_000);
});
