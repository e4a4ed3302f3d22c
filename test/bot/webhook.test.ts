import { textUpdate } from './updates.js';
import { Api, type Transformer } from 'grammy';
import request from 'supertest';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot } from '../../bot/create-bot.js';
import { superviseBot, webhookPath, type SupervisedBot } from '../../bot/run.js';
import { createLogger } from '../../src/logger.js';
import { appFor, createHarness, sqlCount, type Harness } from '../support/harness.js';
import { freePort } from '../support/ports.js';

const TOKEN = '123456:webhook-test-token';
const SECRET = 'a-webhook-secret-for-tests-0123456789';

let server: TelegramServer;
let h: Harness;
let bot: SupervisedBot;
const setWebhookCalls: Record<string, unknown>[] = [];

async function prepare(webhookSecret: string | null) {
  const logger = createLogger('silent');
  const connection = { token: TOKEN, apiRoot: server.config.apiURL };
  const bot = createBot({ services: h.services, documents: h.runtime.documents, publicBase: () => 'http://127.0.0.1:8000', state: h.runtime.botState, em: h.db.em, logger, clock: h.runtime.clock, connection });
  const telegram = { mode: 'webhook', botToken: TOKEN, apiRoot: server.config.apiURL, webhookUrl: 'https://ledger.example.com', webhookSecret } as const;
  const direct = new Api(TOKEN, { apiRoot: server.config.apiURL });
  const prepared = superviseBot(bot, telegram, logger, undefined, direct);
  const record: Transformer = (prev, method, payload, signal) => {
    if (method === 'setWebhook') setWebhookCalls.push(z.record(z.string(), z.unknown()).parse(payload));
    return prev(method, payload, signal);
  };
  direct.config.use(record);
  return prepared;
}

/** Starts the bot and waits until it has set its webhook (it connects in the background). */
async function started(prepared: SupervisedBot): Promise<SupervisedBot> {
  const before = setWebhookCalls.length;
  prepared.start();
  for (let i = 0; i < 400 && setWebhookCalls.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  for (let i = 0; i < 400 && prepared.status() !== 'ok'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return prepared;
}

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  h = await createHarness();
  bot = await started(await prepare(SECRET));
});
afterAll(async () => {
  await bot.stop();
  await server.stop();
  await h.close();
});

function app() {
  return appFor(h, { telegram: bot.http });
}

const message = (updateId: number, messageId: number, text: string) =>
  textUpdate({ updateId, messageId, text, chat: { id: 31337, type: 'private', first_name: 'Hook' } });

const botTexts = () =>
  server.storage.botMessages.filter((m) => m.botToken === TOKEN).map((m) => String(m.message.text));

describe('webhook mode', () => {
  it('when the bot starts in webhook mode, then setWebhook gets the unguessable path and the secret', () => {
    expect(setWebhookCalls[0]).toMatchObject({
      url: `https://ledger.example.com${webhookPath(TOKEN)}`,
      secret_token: SECRET,
    });
    expect(webhookPath(TOKEN)).toMatch(/^\/telegram\/webhook\/[0-9a-f]{32}$/);
    expect(webhookPath(TOKEN)).not.toContain(TOKEN.split(':')[1]);
  });

  it('when an update comes with the right secret, then it is served', async () => {
    const res = await request(app())
      .post(webhookPath(TOKEN))
      .set('X-Telegram-Bot-Api-Secret-Token', SECRET)
      .send(message(1, 1, '/help'));
    expect(res.status).toBe(200);
    expect(botTexts().at(-1)).toContain('I keep your customer ledger');
  });

  it('when the secret is wrong or missing, then the call is refused with 401 and nothing is handled', async () => {
    const before = botTexts().length;
    const wrong = await request(app()).post(webhookPath(TOKEN)).set('X-Telegram-Bot-Api-Secret-Token', 'nope').send(message(2, 2, '/help'));
    const missing = await request(app()).post(webhookPath(TOKEN)).send(message(3, 3, '/help'));
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(botTexts().length).toBe(before);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_updates where update_id in (2, 3)')).toBe(0);
  });

  it('when Telegram re-delivers an update, then the entry is posted once', async () => {
    const { token } = await h.services.auth.register({ username: 'hook-shop', password: 'correct horse' });
    const hook = () => request(app()).post(webhookPath(TOKEN)).set('X-Telegram-Bot-Api-Secret-Token', SECRET);
    expect((await hook().send(message(10, 10, `/link ${token}`))).status).toBe(200);
    expect((await hook().send(message(11, 11, '/add Alice'))).status).toBe(200);
    const credit = message(12, 12, '/credit Alice 500');
    expect((await hook().send(credit)).status).toBe(200);
    expect((await hook().send(credit)).status).toBe(200);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(1);
    expect(botTexts().filter((t) => t.startsWith('Recorded: credit 500.00'))).toHaveLength(1);
  });

  it('when no secret is configured, then each process makes its own random secret', async () => {
    const first = await started(await prepare(null));
    const second = await started(await prepare(null));
    const [a, b] = setWebhookCalls.slice(-2).map((c) => String(c.secret_token));
    expect(a).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(a).not.toBe(b);
  });
});
