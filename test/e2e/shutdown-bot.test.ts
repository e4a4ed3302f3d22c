import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { botTextsTo, waitFor } from '../bot/e2e-support.js';
import { freePort } from '../support/ports.js';
import { json } from '../support/load.js';
import { startService } from '../support/process.js';
import { runVerify } from '../support/verify.js';

const BOT_TOKEN = '5550002:shutdown-bot-token';
const CHATS = Array.from({ length: 8 }, (_, i) => 8001 + i);
const PER_CHAT = 4;

describe('graceful shutdown with the bot polling', () => {
  it('when SIGTERM arrives while chat commands are being handled, then every update already taken is finished and answered, and the process exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-shutdown-bot-'));
    const databaseUrl = `file:${join(dir, 'ledger.db')}`;
    const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 120 });
    await telegram.start();
    try {
      const service = await startService({ DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_ROOT: telegram.config.apiURL });
      await waitFor(service.output, (out) => out.includes('Telegram bot on'));
      const token = z.object({ token: z.string() }).parse((await json(`${service.url}/api/auth/register/`, 'POST', { username: 'bot-shop', password: 'correct horse' })).body).token;
      expect((await json(`${service.url}/api/customers/`, 'POST', { name: 'Alice' }, token)).status).toBe(201);
      const clients = CHATS.map((chat) => telegram.getClient(BOT_TOKEN, { chatId: chat, userId: chat, type: 'private', firstName: `Till ${chat}` }));
      for (const [i, client] of clients.entries()) {
        await client.sendCommand(client.makeCommand(`/link ${token}`));
        await waitFor(() => botTextsTo(telegram, BOT_TOKEN, CHATS[i] ?? 0), (t) => t.some((m) => m.startsWith('Linked')));
      }
      const recorded = () => CHATS.flatMap((chat) => botTextsTo(telegram, BOT_TOKEN, chat)).filter((t) => t.startsWith('Recorded'));

      await Promise.all(clients.flatMap((client) => Array.from({ length: PER_CHAT }, (_, n) => client.sendCommand(client.makeCommand(`/credit Alice 1 note ${n}`)))));
      await waitFor(() => recorded().length, (n) => n > 0);
      const atSignal = recorded().length;
      const code = await service.stop('SIGTERM');
      const answered = recorded().length;
      console.info(`bot shutdown: ${atSignal} commands answered at SIGTERM, ${answered} by exit (of ${CHATS.length * PER_CHAT} sent)`);

      expect(code).toBe(0);
      expect(service.output()).not.toMatch(/bot update failed|bot error|shutdown failed/);
      expect(CHATS.flatMap((chat) => botTextsTo(telegram, BOT_TOKEN, chat))).not.toContain('Sorry, something went wrong on our side. Please try again in a moment.');

      // Every entry the bot stored was answered, and nothing else was stored.
      const reader = await startService({ DATABASE_URL: databaseUrl });
      try {
        const customers = z.array(z.object({ id: z.number(), total_credit: z.string() })).parse((await json(`${reader.url}/api/customers/`, 'GET', undefined, token)).body);
        expect(customers.map((c) => c.total_credit)).toEqual([`${answered}.00`]);
      } finally {
        expect(await reader.stop()).toBe(0);
      }
      expect((await runVerify(databaseUrl)).code).toBe(0);
    } finally {
      await telegram.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
