import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/logger.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { waitFor } from '../bot/e2e-support.js';
import { freshDatabase } from '../support/database.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { auth, registerMerchant } from '../support/fixtures.js';
import { testConfig } from '../support/harness.js';
import { freePort } from '../support/ports.js';
import { startService } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-independence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const health = z.object({ status: z.string(), database: z.string(), telegram: z.string(), redis: z.string() });
const healthOf = async (url: string) => health.parse(await (await fetch(`${url}/healthz`)).json());

describe('no outside service keeps the ledger down (issue: operations)', () => {
  it('when the Bot API port is closed, then the REST API still listens, answers /healthz with telegram "connecting" or "failing", and stops cleanly', async () => {
    const closed = await freePort();
    const service = await startService({
      DATABASE_URL: `file:${join(dir, 'closed.db')}`,
      TELEGRAM_BOT_TOKEN: '123456:ABC',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}`,
    });
    try {
      const first = await healthOf(service.url);
      expect(first).toMatchObject({ status: 'ok', database: 'ok', redis: 'off' });
      expect(['connecting', 'failing']).toContain(first.telegram);
      const failing = await waitFor(() => service.output(), (out) => out.includes('Telegram is not answering'), 20_000);
      expect(failing).toContain('the API keeps serving and the bot tries again');
      expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
      // The link-code route says the bot is not there yet, in the error shape.
      const token = await registerViaHttp(service.url, 'closed-shop');
      const code = await fetch(`${service.url}/api/telegram/link-code/`, { method: 'POST', headers: { Authorization: `Token ${token}` } });
      expect(code.status).toBe(503);
      expect(await code.json()).toMatchObject({ code: 'telegram_unavailable' });
    } finally {
      expect(await service.stop('SIGTERM')).toBe(0);
    }
  });

  it('when the Redis port is closed, then the API still listens and serves, limits fail open, and /healthz says redis is connecting', async () => {
    const closed = await freePort();
    const service = await startService({ DATABASE_URL: `file:${join(dir, 'redis-closed.db')}`, REDIS_URL: `redis://127.0.0.1:${closed}` });
    try {
      expect(await healthOf(service.url)).toMatchObject({ status: 'ok', redis: 'connecting', telegram: 'off' });
      const token = await registerViaHttp(service.url, 'redis-shop');
      const me = await fetch(`${service.url}/api/auth/me/`, { headers: { Authorization: `Token ${token}` } });
      expect(me.status).toBe(200);
    } finally {
      expect(await service.stop('SIGTERM')).toBe(0);
    }
  });
});

describe('a Bot API that fails after start', () => {
  let runtime: Runtime | null = null;
  afterAll(async () => runtime?.stop());

  it('when getMe works and every other call fails, then the bot keeps retrying with backoff, the API keeps serving, and nothing exits', async () => {
    const api = await startFakeBotApi('only-getme');
    const fresh = await freshDatabase();
    try {
      const config = { ...testConfig(fresh.url), telegram: { mode: 'polling' as const, botToken: '123456:ABC', apiRoot: api.url }, port: 0 };
      runtime = await createRuntime(config, { logger: createLogger('silent'), telegramBackoff: { initialMs: 20, maxMs: 40 } });
      const { url } = await runtime.start();
      // deleteWebhook fails again and again: each failure is a retry, never an exit.
      await waitFor(() => api.methods.filter((m) => m === 'deleteWebhook').length, (n) => n >= 4, 20_000);
      expect(api.methods.filter((m) => m === 'deleteWebhook').length).toBeGreaterThanOrEqual(4);
      expect((await healthOf(url)).telegram).toBe('failing');
      const token = await registerMerchant(runtime.app, 'still-serving');
      expect((await request(runtime.app).get('/api/summary/').set(auth(token))).status).toBe(200);
      // The bot knows its name (getMe worked), so deep links can be made.
      expect((await request(runtime.app).post('/api/telegram/link-code/').set(auth(token))).status).toBe(201);
    } finally {
      await runtime?.stop();
      runtime = null;
      await api.close();
      await fresh.drop();
    }
  });

  it('when the Bot API accepts connections and never answers, then the API serves, and stopping does not wait for Telegram', async () => {
    const api = await startFakeBotApi('hang');
    const fresh = await freshDatabase();
    try {
      const config = { ...testConfig(fresh.url), telegram: { mode: 'polling' as const, botToken: '123456:ABC', apiRoot: api.url }, port: 0 };
      runtime = await createRuntime(config, { logger: createLogger('silent') });
      const { url } = await runtime.start();
      await waitFor(() => api.methods.length, (n) => n > 0);
      expect(await healthOf(url)).toMatchObject({ status: 'ok', telegram: 'connecting' });
      const stopping = runtime.stop();
      runtime = null;
      // getMe is still hanging: stop gives it up instead of waiting out the client's timeout.
      await expect(stopping).resolves.toBeUndefined();
    } finally {
      await api.close();
      await fresh.drop();
    }
  });

  it('when the Bot API comes back, then the bot connects and /healthz says telegram ok', async () => {
    const api = await startFakeBotApi('healthy');
    const fresh = await freshDatabase();
    try {
      const config = { ...testConfig(fresh.url), telegram: { mode: 'polling' as const, botToken: '123456:ABC', apiRoot: api.url }, port: 0 };
      runtime = await createRuntime(config, { logger: createLogger('silent') });
      const { url } = await runtime.start();
      await waitFor(() => api.methods.filter((m) => m === 'getUpdates').length, (n) => n >= 1, 20_000);
      expect((await healthOf(url)).telegram).toBe('ok');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await runtime?.stop();
      runtime = null;
      await api.close();
      await fresh.drop();
    }
  });
});

describe('Redis that comes back', () => {
  it('when Redis starts after the service, then the limits start counting in it without a restart', async () => {
    const port = await freePort();
    const fresh = await freshDatabase();
    const config = { ...testConfig(fresh.url, { rateLimits: { authPerWindow: 1_000_000, apiPerWindow: 3 } }), redisUrl: `redis://127.0.0.1:${port}`, port: 0 };
    const runtime = await createRuntime(config, { logger: createLogger('silent') });
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      const { url } = await runtime.start();
      const token = await registerMerchant(runtime.app, 'redis-later');
      for (let i = 0; i < 400 && (await healthOf(url)).redis !== 'ok'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect((await healthOf(url)).redis).toBe('ok');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await request(runtime.app).get('/api/auth/me/').set(auth(token))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      redis.kill('SIGKILL');
      await runtime.stop();
      await fresh.drop();
    }
  });
});

async function registerViaHttp(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/register/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'password123' }) });
  return z.object({ token: z.string() }).parse(await res.json()).token;
}
