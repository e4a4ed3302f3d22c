import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../bot/e2e-support.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api.js';
import { startService, type Started } from '../support/process.js';

const CUSTOMER = 9001;
const isUpdate = (m: { chatId: number; text: string }) => m.chatId === CUSTOMER && m.text.includes('Your account:');

async function api(base: string, token: string | null, method: string, path: string, body?: object) {
  const res = await fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

/** The customer follows "Get updates on Telegram" and sends the bot the /start it leads to. */
async function subscribe(service: Started, fake: FakeBotApi, pagePath: string): Promise<void> {
  // The page offers updates once the bot has said who it is (getMe), in the background of start-up.
  let answer = await api(service.url, null, 'GET', `${pagePath}/updates`);
  for (let i = 0; i < 400 && answer.status !== 303; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await api(service.url, null, 'GET', `${pagePath}/updates`);
  }
  expect(answer.status).toBe(303);
  const code = new URL(String(answer.location)).searchParams.get('start') ?? '';
  const text = `/start ${code}`;
  fake.queueUpdate({
    update_id: 1,
    message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: CUSTOMER, type: 'private', first_name: 'Alice' }, from: { id: CUSTOMER, is_bot: false, first_name: 'Alice' }, text, entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
  });
  const greeted = await waitFor(() => fake.messages.filter((m) => m.chatId === CUSTOMER && m.text.startsWith('You will get a message here')), (g) => g.length > 0, 20_000);
  expect(greeted).toHaveLength(1);
}

describe('customers’ updates across a crash', () => {
  it('when the process is SIGKILLed after the entries commit and while their updates are being sent, then after a restart each update reaches the customer once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-outbox-'));
    const fake = await startFakeBotApi('healthy');
    const env = {
      DATABASE_URL: `file:${join(dir, 'ledger.db')}`,
      TELEGRAM_BOT_TOKEN: '123456:ABC',
      TELEGRAM_API_ROOT: fake.url,
      // A dead instance's claims are free for another after a second; the outbox is read every 50 ms.
      UPDATES_CLAIM_MS: '1000',
      UPDATES_POLL_MS: '50',
    };
    let second: Started | null = null;
    try {
      const first = await startService(env);
      const reg = await api(first.url, null, 'POST', '/api/auth/register/', { username: 'corner', password: 'correct horse' });
      const token = String(reg.body.token);
      const alice = (await api(first.url, token, 'POST', '/api/customers/', { name: 'Alice' })).body.id;
      const link = await api(first.url, token, 'POST', `/api/customers/${alice}/share-links/`, {});
      await subscribe(first, fake, new URL(link.body.url).pathname);

      // Telegram takes the first update and never answers: the sender is stuck mid-send, the rest claimed or waiting behind it.
      fake.holdWhen(isUpdate);
      const amounts = ['1.00', '2.00', '3.00', '4.00', '5.00'];
      for (const amount of amounts) expect((await api(first.url, token, 'POST', `/api/customers/${alice}/entries/`, { type: 'credit', amount })).status).toBe(201);
      const inFlight = await waitFor(() => fake.messages.filter(isUpdate), (m) => m.length > 0, 20_000);
      expect(inFlight.every((m) => !m.answered)).toBe(true);
      first.child.kill('SIGKILL');
      await first.stop();

      fake.holdWhen(null);
      second = await startService(env);
      const delivered = await waitFor(() => fake.messages.filter((m) => isUpdate(m) && m.answered), (m) => m.length >= amounts.length, 30_000);
      // Every update reached the chat, each once; nothing is left to send, so none can come again.
      expect(delivered.map((m) => /took ([\d.,]+) on credit/.exec(m.text)?.[1])).toEqual(amounts);
      const summary = await api(second.url, token, 'GET', `/api/customers/${alice}/subscribers/`);
      expect(summary.body).toHaveLength(1);
      expect(await second.stop()).toBe(0);
      second = null;
      expect(fake.messages.filter((m) => isUpdate(m) && m.answered)).toHaveLength(amounts.length);
      const db = new Database(join(dir, 'ledger.db'), { readonly: true });
      try {
        expect(db.prepare('select count(*) as n, count(sent_at) as sent from notification_outbox').get()).toEqual({ n: amounts.length, sent: amounts.length });
      } finally {
        db.close();
      }
    } finally {
      await second?.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
