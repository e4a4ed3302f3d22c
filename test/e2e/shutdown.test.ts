import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryLoad, json, listEntries, nextLoadId, seedMerchant, sentAtOf, type Outcome } from '../support/load.js';
import { startService } from '../support/process.js';
import { runVerify } from '../support/verify.js';

/** Logins cost real bcrypt work (cost 10), so some are surely still running when the signal arrives. */
function loginLoad(baseUrl: string, workers: number) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const startedAt = performance.now();
      const loadId = nextLoadId();
      try {
        const res = await json(`${baseUrl}/api/auth/login/`, 'POST', { username: 'shutdown-shop', password: 'correct horse' }, undefined, loadId);
        outcomes.push({ kind: 'answered', status: res.status, startedAt, sentAt: sentAtOf(loadId), endedAt: performance.now(), entry: null });
      } catch (error) {
        outcomes.push({ kind: 'failed', startedAt, sentAt: sentAtOf(loadId), endedAt: performance.now(), error: error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error) });
        return;
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return { stop: async () => ((stopped = true), await running, outcomes) };
}

const TURNED_AWAY = /ECONNREFUSED|ECONNRESET/;

describe.each(['SIGTERM', 'SIGINT'] as const)('graceful shutdown on %s', (signal) => {
  it(`when ${signal} arrives under load, then every request already sent is answered, later ones are answered or turned away unread, and the process exits 0 within 10 s`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-shutdown-'));
    const databaseUrl = `file:${join(dir, 'ledger.db')}`;
    try {
      const service = await startService({ DATABASE_URL: databaseUrl, BCRYPT_COST: '10', RATE_LIMIT_AUTH_PER_MIN: '100000', RATE_LIMIT_API_PER_MIN: '1000000' });
      const { token, customers } = await seedMerchant(service.url, 'shutdown-shop');
      const entries = entryLoad(service.url, token, customers, 12);
      const logins = loginLoad(service.url, 6);
      await new Promise((resolve) => setTimeout(resolve, 400));

      const signalledAt = performance.now();
      service.child.kill(signal);
      const code = await service.stop();
      const exitMs = performance.now() - signalledAt;
      const outcomes = [...(await entries.stop()), ...(await logins.stop())];

      // Sent = its headers were written to the socket before the signal (not merely handed to fetch).
      const before = outcomes.filter((o) => o.sentAt !== null && o.sentAt < signalledAt);
      const finishedDuringShutdown = before.filter((o) => o.kind === 'answered' && o.endedAt > signalledAt);
      const after = outcomes.filter((o) => !before.includes(o));
      console.info(
        `${signal}: exit ${code} after ${exitMs.toFixed(0)} ms; ${before.length} requests sent before the signal, ` +
          `${finishedDuringShutdown.length} of them answered during shutdown; ${after.length} sent afterwards`,
      );
      if (code !== 0) console.error(`the service's last output:\n${service.output().slice(-3000)}`);
      expect(code).toBe(0);
      expect(exitMs).toBeLessThan(10_000);
      // The shutdown really had work in flight…
      expect(finishedDuringShutdown.length).toBeGreaterThan(0);
      // …and every request sent before the signal got its full, successful answer.
      const dropped = before.filter((o) => o.kind !== 'answered' || (o.status !== 200 && o.status !== 201));
      expect(dropped).toEqual([]);
      // After the signal a request is either answered (never a 5xx) or turned away unread: refused, or reset
      // because its connection was closed before the server read it (still in the kernel's accept queue
      // when the listener closed, or an idle keep-alive connection closed just as the client reused it:
      // the race every HTTP/1.1 server has when it closes idle connections). That the server never started
      // any of them is proven below: exactly the acknowledged entries are stored, no more.
      for (const o of after) {
        if (o.kind === 'answered') expect(o.status).toBeLessThan(500);
        else expect(o.error).toMatch(TURNED_AWAY);
      }

      // Every entry answered 201 is stored, and the totals agree.
      const acknowledged = outcomes.flatMap((o) => (o.kind === 'answered' && o.entry ? [o.entry] : []));
      const restarted = await startService({ DATABASE_URL: databaseUrl });
      try {
        const stored = await listEntries(restarted.url, token, customers);
        for (const entry of acknowledged) expect(stored.get(entry.id)).toEqual(entry);
        expect(stored.size).toBe(acknowledged.length);
      } finally {
        expect(await restarted.stop()).toBe(0);
      }
      expect((await runVerify(databaseUrl)).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
