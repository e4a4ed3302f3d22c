import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { botTextsTo, waitFor } from '../bot/e2e-support.js';
import { freePort } from '../support/ports.js';
import { startService } from '../support/process.js';

const BOT_TOKEN = '5550001:log-secret-bot-token-Zq9';
const PASSWORD = 'pw-Secret-7c41d';
const SECOND_PASSWORD = 'pw-Wrong-93ab1';
const IDEMPOTENCY_KEY = 'idem-secret-0f3a';

async function call(base: string, method: string, path: string, options: { token?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Token ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? z.unknown().parse(JSON.parse(text)) : null };
}

const tokenOf = (body: unknown) => z.object({ token: z.string() }).parse(body).token;

describe('secrets stay out of the logs', () => {
  it('when a full flow runs at LOG_LEVEL=trace (register, login, failed logins, API calls, link code, /start <code>, /link <token>, a share page, the code of its deep link), then no secret appears in the log output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-secrets-'));
    const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 120 });
    await telegram.start();
    const service = await startService({
      DATABASE_URL: `file:${join(dir, 'ledger.db')}`,
      LOG_LEVEL: 'trace',
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
    });
    const secrets: string[] = [PASSWORD, SECOND_PASSWORD, IDEMPOTENCY_KEY, BOT_TOKEN, BOT_TOKEN.split(':')[1] ?? BOT_TOKEN];
    try {
      await waitFor(service.output, (out) => out.includes('Telegram bot on'));
      const base = service.url;
      const credentials = JSON.stringify({ username: 'quiet-shop', password: PASSWORD });
      const registered = await call(base, 'POST', '/api/auth/register/', { body: credentials });
      expect(registered.status).toBe(201);
      const first = tokenOf(registered.body);
      const login = await call(base, 'POST', '/api/auth/login/', { body: credentials });
      const second = tokenOf(login.body);
      secrets.push(first, second);

      // Failures take other paths through the code: wrong password, malformed JSON, a bad token.
      expect((await call(base, 'POST', '/api/auth/login/', { body: JSON.stringify({ username: 'quiet-shop', password: SECOND_PASSWORD }) })).status).toBe(400);
      expect((await call(base, 'POST', '/api/auth/login/', { body: `{"username":"quiet-shop","password":"${SECOND_PASSWORD}"` })).status).toBe(400);
      expect((await call(base, 'GET', '/api/auth/me/', { token: `${first.slice(0, 60)}beef` })).status).toBe(401);
      expect((await call(base, 'GET', '/api/auth/me/', { token: first })).status).toBe(200);
      const customer = await call(base, 'POST', '/api/customers/', { token: first, body: JSON.stringify({ name: 'Alice' }), headers: { 'Idempotency-Key': IDEMPOTENCY_KEY } });
      expect(customer.status).toBe(201);

      // A one-time link code through the API, used from a chat with /start <code>.
      const linkCode = await call(base, 'POST', '/api/telegram/link-code/', { token: first });
      expect(linkCode.status).toBe(201);
      const code = z.object({ code: z.string() }).parse(linkCode.body).code;
      secrets.push(code);
      const byCode = telegram.getClient(BOT_TOKEN, { chatId: 7001, userId: 7001, type: 'private', firstName: 'Shop' });
      await byCode.sendCommand(byCode.makeCommand(`/start ${code}`));
      // And /link <token> from another chat: the whole message text is a secret.
      const byToken = telegram.getClient(BOT_TOKEN, { chatId: 7002, userId: 7002, type: 'private', firstName: 'Till' });
      await byToken.sendCommand(byToken.makeCommand(`/link ${second}`));
      // A wrong token in /link goes through the error path.
      const wrong = telegram.getClient(BOT_TOKEN, { chatId: 7003, userId: 7003, type: 'private', firstName: 'Nobody' });
      const wrongToken = 'f'.repeat(64);
      secrets.push(wrongToken);
      await wrong.sendCommand(wrong.makeCommand(`/link ${wrongToken}`));
      for (const chat of [7001, 7002, 7003]) {
        await waitFor(() => botTextsTo(telegram, BOT_TOKEN, chat), (texts) => texts.length > 0);
      }
      expect(botTextsTo(telegram, BOT_TOKEN, 7001).join('\n')).toContain('Linked');
      expect(botTextsTo(telegram, BOT_TOKEN, 7002).join('\n')).toContain('Linked');

      // A customer's share page (its path is the secret), its PDF and JSON, a reminder, and the
      // deep link's one-time code used from the customer's chat.
      const customerId = z.object({ id: z.number() }).parse(customer.body).id;
      const share = await call(base, 'POST', `/api/customers/${customerId}/share-links/`, { token: first, body: '{}' });
      const pagePath = new URL(z.object({ url: z.string() }).parse(share.body).url).pathname;
      const shareToken = pagePath.slice('/s/'.length);
      secrets.push(shareToken);
      for (const path of [pagePath, `${pagePath}?format=json`, `${pagePath}/statement.pdf`, `/s/${shareToken.slice(0, -1)}x`]) await fetch(`${base}${path}`).then((r) => r.arrayBuffer());
      expect((await call(base, 'POST', `/api/customers/${customerId}/reminder/`, { token: first })).status).toBe(200);
      const updates = await fetch(`${base}${pagePath}/updates`, { redirect: 'manual' });
      expect(updates.status).toBe(303);
      const subscribeCode = new URL(String(updates.headers.get('location'))).searchParams.get('start') ?? '';
      secrets.push(subscribeCode);
      const customerChat = telegram.getClient(BOT_TOKEN, { chatId: 7004, userId: 7004, type: 'private', firstName: 'Alice' });
      await customerChat.sendCommand(customerChat.makeCommand(`/start ${subscribeCode}`));
      await waitFor(() => botTextsTo(telegram, BOT_TOKEN, 7004), (texts) => texts.length > 0);
      expect(botTextsTo(telegram, BOT_TOKEN, 7004).join('\n')).toContain('You will get a message here');

      expect((await call(base, 'POST', '/api/auth/logout/', { token: second })).status).toBe(204);
    } finally {
      expect(await service.stop('SIGTERM')).toBe(0);
      await telegram.stop();
      rmSync(dir, { recursive: true, force: true });
    }

    const log = service.output();
    // The log did record the flow (so an empty log cannot pass), with the secrets masked.
    for (const path of ['/api/auth/register/', '/api/auth/login/', '/api/auth/me/', '/api/telegram/link-code/', '/api/auth/logout/', '/s/[redacted]', 'start=[redacted]']) {
      expect(log).toContain(path);
    }
    expect(log).toContain('"authorization":"[redacted]"');
    expect(log).toContain('"idempotency-key":"[redacted]"');
    for (const secret of secrets) expect(log, `a secret of ${secret.length} characters is in the log`).not.toContain(secret);
  }, 30_000);

  it('when an error carrying a raw body or a Bot API payload is logged, then those parts are redacted', () => {
    const lines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => lines.push(line) });
    logger.error({ err: { message: 'parse failed', body: `{"password":"${PASSWORD}"` } }, 'body error');
    logger.error({ err: { message: 'call failed', payload: { chat_id: 1, text: `/link ${'a'.repeat(64)}`, secret_token: 'hook-secret-123' } } }, 'api error');
    logger.info({ req: { body: { password: PASSWORD } }, password: PASSWORD, user: { token: 'tok-123' } }, 'fields');
    const out = lines.join('');
    expect(lines).toHaveLength(3);
    for (const secret of [PASSWORD, 'a'.repeat(64), 'hook-secret-123', 'tok-123']) expect(out).not.toContain(secret);
    expect(out).toContain('"message":"call failed"');
  });

  it('when nothing is configured, then no secret has a default value', () => {
    const config = createConfig({});
    expect(config.telegram).toEqual({ mode: 'off' });
    const webhook = createConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://ledger.example.com' });
    expect(webhook.telegram).toMatchObject({ mode: 'webhook', webhookSecret: null });
    expect(config.redisUrl).toBeNull();
  });
});
