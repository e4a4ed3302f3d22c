import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES, TEST_DATABASE_URL } from '../support/database.js';
import { runToExit, runUntilExit, startService, tsxArgs } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens `count` sockets that each send request headers and then a trickle of body, and hold on. */
async function slowBodies(url: string, path: string, count: number, headers = ''): Promise<{ sockets: Socket[]; closedByServer(): number }> {
  const { port } = new URL(url);
  let closed = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.on('close', () => (closed += 1));
    // Read whatever comes back, so the server's closing of the connection is seen.
    socket.resume();
    socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n${headers}\r\n{"name":`);
    sockets.push(socket);
  }
  return { sockets, closedByServer: () => closed };
}

const healthy = async (url: string) => {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
};

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('every request\'s work is bounded', { timeout: 90_000 }, () => {
  it('when 1,100 slow bodies arrive without a token on a server allowed 1,024 files, then each is refused before its body and /healthz keeps answering (fault 5)', async () => {
    const service = await startService({ DATABASE_URL: `file:${join(dir, 'slow.db')}` }, 30_000, { maxOpenFiles: 1024 });
    const attack = await slowBodies(service.url, '/api/customers/', 1_100);
    try {
      // Every one is answered 401 and closed by the server, without waiting for its body.
      await eventually(() => attack.closedByServer() === 1_100);
      expect(attack.closedByServer()).toBe(1_100);
      expect(await healthy(service.url)).toBe(true);
    } finally {
      for (const s of attack.sockets) s.destroy();
      expect(await service.stop()).toBe(0);
    }
  });

  it('when slow bodies hold the public login route, then they are cut off after HTTP_REQUEST_TIMEOUT_MS and the server never runs out of files', async () => {
    const service = await startService({ DATABASE_URL: `file:${join(dir, 'slow-login.db')}`, HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_MAX_CONNECTIONS: '900' }, 30_000, { maxOpenFiles: 1024 });
    const attack = await slowBodies(service.url, '/api/auth/login/', 1_100);
    try {
      // Past the connection cap the rest are closed at once; the held ones are timed out.
      await eventually(() => attack.closedByServer() === 1_100);
      expect(attack.closedByServer()).toBe(1_100);
      expect(await healthy(service.url)).toBe(true);
      expect(service.output()).not.toMatch(/EMFILE/);
    } finally {
      for (const s of attack.sockets) s.destroy();
      expect(await service.stop()).toBe(0);
    }
  });
});

describe('databases', () => {
  it('when two processes start together on one fresh SQLite file, ten times, then both start every time (fault 10)', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const databaseUrl = `file:${join(dir, `together-${attempt}.db`)}`;
      const [a, b] = await Promise.all([startService({ DATABASE_URL: databaseUrl }), startService({ DATABASE_URL: databaseUrl })]);
      try {
        expect(await healthy(a.url), `attempt ${attempt}`).toBe(true);
        expect(await healthy(b.url), `attempt ${attempt}`).toBe(true);
        expect(`${a.output()}${b.output()}`).toContain('database schema is up to date');
      } finally {
        expect([await a.stop(), await b.stop()]).toEqual([0, 0]);
      }
    }
  }, 180_000);

  it.runIf(ON_POSTGRES)('when DATABASE_URL names a PostgreSQL database that does not exist, then start and verify refuse, and no database is created (fault 7)', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/ml_mistyped_${process.pid}`;
    const started = await runUntilExit({ DATABASE_URL: url.toString() });
    expect(started.code).toBe(1);
    expect(started.output).toContain('does not exist');
    expect(started.output).toContain('the service never creates a database');
    const verified = await runToExit(tsxArgs('src/verify.ts'), { DATABASE_URL: url.toString() });
    expect(verified.code).toBe(2);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [url.pathname.slice(1)]);
      expect(found.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
