import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from './support.js';
import { startService, type Started } from '../support/process.js';
import { botMessagesTo, botTextsTo, pressButton, sendEdit, sentFiles, userMessageId, waitFor, type BotMessage } from './e2e-support.js';
import { freePort } from '../support/ports.js';

const TOKEN = '987654:e2e-test-token';
const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-bot-e2e-'));
let server: TelegramServer;
let service: Started;

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 120 });
  await server.start();
  service = await startService({
    DATABASE_URL: `file:${join(dir, 'ledger.db')}`,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: server.config.apiURL,
  });
  await waitFor(service.output, (out) => out.includes('Telegram bot on: long polling'));
});

afterAll(async () => {
  // Stop the bot before the fake server: the fake answers getUpdates at once, so polling spins.
  const code = await service?.stop('SIGTERM');
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

/** Sends a command from a chat and waits for the bot's next reply there. */
async function say(client: TelegramClient, chatId: number, text: string): Promise<string> {
  const before = botTextsTo(server, TOKEN, chatId).length;
  await client.sendCommand(client.makeCommand(text));
  const after = await waitFor(
    () => botTextsTo(server, TOKEN, chatId),
    (t) => t.length > before,
  );
  return after.slice(before).join('\n');
}

async function api(path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

const tokenBody = z.object({ token: z.string() });

/** Waits for the bot's message in a chat that `ready` picks (a new one, or one edited in place). */
async function botMessage(chatId: number, ready: (messages: BotMessage[]) => BotMessage | undefined): Promise<BotMessage> {
  const found = ready(await waitFor(() => botMessagesTo(server, TOKEN, chatId), (m) => ready(m) !== undefined));
  if (!found) throw new Error(`no such bot message in ${JSON.stringify(botMessagesTo(server, TOKEN, chatId).map((m) => m.text))}`);
  return found;
}

describe('npm start with TELEGRAM_BOT_TOKEN, against a local Bot API server', () => {
  it('when a merchant walks /start, /link, /credit, /debit and /summary, then the REST summary agrees, the token message is gone, and other chats and merchants are kept out', async () => {
    const { token } = tokenBody.parse((await api('/api/auth/register/', null, { username: 'kiosk', password: 'password123' })).body);
    const chat = 1001;
    const client = server.getClient(TOKEN, { chatId: chat, userId: chat, type: 'private', firstName: 'Kiosk' });

    expect(await say(client, chat, '/start')).toContain('/link <your API token>');

    expect(await say(client, chat, `/link ${token}`)).toContain('merchant kiosk');
    const history = JSON.stringify(server.getUpdatesHistory(TOKEN));
    expect(history).not.toContain(token);

    expect(await say(client, chat, '/add Alice')).toContain('Added Alice');
    expect(await say(client, chat, '/credit Alice 500 rice')).toBe(
      'Recorded: credit 500.00 (you gave) — Alice (rice)\nAlice owes you 500.00.',
    );
    expect(await say(client, chat, '/debit alice 200')).toBe('Recorded: debit 200.00 (you got) — Alice\nAlice owes you 300.00.');
    expect(await say(client, chat, '/summary Alice')).toContain('Balance: 300.00: Alice owes you 300.00');

    const customers = z.array(z.object({ id: z.number(), name: z.string() })).parse((await api('/api/customers/', token)).body);
    const alice = customers.find((c) => c.name === 'Alice');
    const summaryPath = `/api/customers/${alice?.id}/summary/`;
    const agreed = { total_credit: '500.00', total_debit: '200.00', balance: '300.00' };
    expect((await api(summaryPath, token)).body).toEqual(agreed);

    // A chat nobody linked is told how to link, and nothing changes.
    const stranger = 2002;
    const strangerClient = server.getClient(TOKEN, { chatId: stranger, userId: stranger, type: 'private' });
    expect(await say(strangerClient, stranger, '/credit Alice 5')).toBe(en('how-to-link'));

    // Another merchant's chat can neither see nor post to Alice.
    const other = tokenBody.parse((await api('/api/auth/register/', null, { username: 'rival', password: 'password123' })).body);
    const rivalChat = 3003;
    const rival = server.getClient(TOKEN, { chatId: rivalChat, userId: rivalChat, type: 'private' });
    expect(await say(rival, rivalChat, `/link ${other.token}`)).toContain('merchant rival');
    expect(await say(rival, rivalChat, '/summary Alice')).toContain('No customer named "Alice"');
    expect(await say(rival, rivalChat, '/credit Alice 5')).toContain('No customer is named "Alice"');
    expect((await api(summaryPath, other.token)).status).toBe(404);

    expect((await api(summaryPath, token)).body).toEqual(agreed);
  });
});

describe('buttons, edits and pages through the real process and a fake Bot API', () => {
  it('when Add is pressed under two questions, a stale button is pressed after a relink, a message is edited and /history is paged, then each does what the README says', async () => {
    const shop = tokenBody.parse((await api('/api/auth/register/', null, { username: 'stall', password: 'password123' })).body);
    const chat = 4004;
    const client = server.getClient(TOKEN, { chatId: chat, userId: chat, type: 'private', firstName: 'Stall' });
    expect(await say(client, chat, `/link ${shop.token}`)).toContain('merchant stall');

    // Two questions, two "Add Chotu" presses: one Chotu, two entries.
    const count = () => botMessagesTo(server, TOKEN, chat).length;
    let before = count();
    await say(client, chat, '/credit Chotu 250');
    const first = await botMessage(chat, (m) => m.slice(before).find((x) => x.buttons.length > 0));
    before = count();
    await say(client, chat, '/credit Chotu 100');
    const second = await botMessage(chat, (m) => m.slice(before).find((x) => x.buttons.length > 0));
    await pressButton(client, chat, first, 'Add Chotu');
    await botMessage(chat, (m) => m.find((x) => x.messageId === first.messageId && x.text.startsWith('Recorded')));
    await pressButton(client, chat, second, 'Add Chotu');
    await botMessage(chat, (m) => m.find((x) => x.messageId === second.messageId && x.text.startsWith('Recorded')));
    const customers = z.array(z.object({ id: z.number(), name: z.string(), balance: z.string() })).parse((await api('/api/customers/', shop.token)).body);
    expect(customers).toEqual([expect.objectContaining({ name: 'Chotu', balance: '350.00' })]);

    // A question asked before the chat was linked to another merchant posts nothing after it.
    before = count();
    await say(client, chat, '/credit Stale 5');
    const stale = await botMessage(chat, (m) => m.slice(before).find((x) => x.buttons.length > 0));
    const other = tokenBody.parse((await api('/api/auth/register/', null, { username: 'stall-two', password: 'password123' })).body);
    expect(await say(client, chat, `/link ${other.token}`)).toContain('merchant stall-two');
    before = count();
    await pressButton(client, chat, stale, 'Add Stale');
    await botMessage(chat, (m) => m.slice(before).find((x) => x.text === en('choice-other-link')));
    expect((await api('/api/customers/', other.token)).body).toEqual([]);
    expect(await say(client, chat, `/link ${shop.token}`)).toContain('merchant stall');

    // An edited message changes nothing; the bot offers Undo and the corrected entry.
    await say(client, chat, '/credit Chotu 10');
    const messageId = userMessageId(server, TOKEN, chat, '/credit Chotu 10');
    before = count();
    sendEdit(server, client, chat, messageId, '/credit Chotu 11');
    const edit = await botMessage(chat, (m) => m.slice(before).find((x) => x.text.startsWith('Editing a message does not change the ledger')));
    expect(edit.buttons.map((b) => b.text)).toEqual(['Undo', 'Post credit 11.00 to Chotu']);
    expect(z.array(z.object({ balance: z.string() })).parse((await api('/api/customers/', shop.token)).body)[0]?.balance).toBe('360.00');

    // A long history comes in pages with Next.
    const chotu = customers[0]?.id ?? 0;
    for (let i = 0; i < 30; i++) await api(`/api/customers/${chotu}/entries/`, shop.token, { type: 'debit', amount: '1', note: `payment number ${i} `.repeat(8) });
    before = count();
    await say(client, chat, '/history Chotu 40');
    const page1 = await botMessage(chat, (m) => m.slice(before).find((x) => x.text.startsWith('Last 33 for Chotu')));
    expect(page1.text).toContain('(page 1 of');
    expect(page1.text.length).toBeLessThanOrEqual(4096);
    await pressButton(client, chat, page1, 'Next');
    await botMessage(chat, (m) => m.find((x) => x.messageId === page1.messageId && x.text.includes('(page 2 of')));
  });
});

describe('documents and pictures through the real process and a fake Bot API', () => {
  it('when a merchant asks for /statement, /chart and /export, then the uploads arrive whole: a PDF, a PNG and the CSV', async () => {
    const shop = tokenBody.parse((await api('/api/auth/register/', null, { username: 'papers', password: 'password123' })).body);
    const chat = 5005;
    const client = server.getClient(TOKEN, { chatId: chat, userId: chat, type: 'private', firstName: 'Papers' });
    expect(await say(client, chat, `/link ${shop.token}`)).toContain('merchant papers');
    await say(client, chat, '/add Meena');
    await say(client, chat, '/credit Meena 750 flour');
    const filesTo = () => sentFiles.filter((f) => f.botToken === TOKEN && f.chatId === chat);
    for (const command of ['/statement Meena', '/chart Meena', '/export']) {
      const before = filesTo().length;
      await client.sendCommand(client.makeCommand(command));
      await waitFor(filesTo, (f) => f.length > before);
    }
    const [pdf, png, csv] = filesTo();
    expect(pdf?.method).toBe('sendDocument');
    expect(pdf?.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf?.caption).toContain('Closing balance: 750.00');
    expect(png?.method).toBe('sendPhoto');
    expect(png?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(csv?.filename).toMatch(/^book-\d{4}-\d\d-\d\d\.csv$/);
    expect(csv?.data.toString()).toContain('Meena,,');
  });
});

describe('npm start without TELEGRAM_BOT_TOKEN', () => {
  it('when no token is set, then the API runs alone and the log says the bot is off', async () => {
    const alone = await startService({ DATABASE_URL: `file:${join(dir, 'alone.db')}` });
    try {
      await waitFor(alone.output, (out) => out.includes('Telegram bot off'));
      expect(alone.output()).toContain('Telegram bot off: TELEGRAM_BOT_TOKEN is not set');
      expect(alone.output()).not.toContain('Telegram bot on');
      expect((await fetch(`${alone.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await alone.stop('SIGTERM')).toBe(0);
    }
  });
});
