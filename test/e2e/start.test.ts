import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshDatabase, ON_POSTGRES } from '../support/database.js';
import { ROOT, runUntilExit, startService } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('when started on an empty machine, then it creates the data folder, migrates, serves the API and stops cleanly on SIGTERM', async () => {
    const dbFile = join(dir, 'nested', 'folder', 'ledger.db');
    // On PostgreSQL (TEST_DATABASE_URL) the same walk runs on a fresh database of its own.
    const pgDatabase = ON_POSTGRES ? await freshDatabase() : null;
    const databaseUrl = pgDatabase?.url ?? `file:${dbFile}`;
    const service = await startService({ DATABASE_URL: databaseUrl });
    try {
      if (!pgDatabase) expect(existsSync(dbFile)).toBe(true);
      expect(service.output()).toContain('migrations applied');
      const health = await fetch(`${service.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', telegram: 'off', redis: 'off' });

      const reg = await fetch(`${service.url}/api/auth/register/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'e2e-shop', password: 'password123' }),
      });
      expect(reg.status).toBe(201);
      const { token } = z.object({ token: z.string() }).parse(await reg.json());
      const headers = { Authorization: `Token ${token}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${service.url}/api/customers/`, { method: 'POST', headers, body: JSON.stringify({ name: 'Alice' }) });
      const customer = z.object({ id: z.number() }).parse(await created.json());
      const entry = await fetch(`${service.url}/api/customers/${customer.id}/entries/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'credit', amount: '500' }),
      });
      expect(entry.status).toBe(201);
      const summary = await (await fetch(`${service.url}/api/customers/${customer.id}/summary/`, { headers })).json();
      expect(summary).toEqual({ total_credit: '500.00', total_debit: '0.00', balance: '500.00' });
    } finally {
      expect(await service.stop('SIGTERM')).toBe(0);
    }

    // A second start on the same file finds nothing to migrate and keeps the data; without a bot or
    // Redis configured it loads neither, nor the migrator (they are imported only when used).
    const packagesFile = join(dir, 'loaded-packages.txt');
    const again = await startService({
      DATABASE_URL: databaseUrl,
      NODE_OPTIONS: `--import=${join(ROOT, 'test/support/loaded-packages.mjs')}`,
      LOADED_PACKAGES_FILE: packagesFile,
    });
    try {
      expect(again.output()).toContain('database schema is up to date');
      const login = await fetch(`${again.url}/api/auth/login/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'e2e-shop', password: 'password123' }),
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await again.stop('SIGINT')).toBe(0);
      await pgDatabase?.drop();
    }
    const loaded = readFileSync(packagesFile, 'utf8').split('\n');
    expect(loaded).toContain('@mikro-orm/core');
    for (const unused of ['@mikro-orm/migrations', 'umzug', 'grammy', '@grammyjs/i18n', 'redis', '@redis/client', '@asteasolutions/zod-to-openapi']) expect(loaded).not.toContain(unused);
    // On SQLite, PostgreSQL's driver stays unloaded.
    if (!pgDatabase) expect(loaded).not.toContain('pg');
  });

  it.each([
    ['PORT', 'not-a-port'],
    ['DATABASE_URL', 'mysql://db'],
    ['BCRYPT_COST', '99'],
    ['LOG_LEVEL', 'chatty'],
  ])('when %s is %j, then start-up stops with a message naming it', async (name, value) => {
    const { code, output } = await runUntilExit({ DATABASE_URL: `file:${join(dir, 'unused.db')}`, [name]: value });
    expect(code).toBe(1);
    expect(output).toContain(name);
    expect(output).not.toContain('listening');
  });
});
