import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryLoad, listEntries, seedMerchant } from '../support/load.js';
import { startService } from '../support/process.js';
import { runVerify } from '../support/verify.js';

// Different moments in the load: early, in the middle, late.
const KILL_AFTER_MS = [120, 350, 800];

describe('kill -9 under load', () => {
  it.each(KILL_AFTER_MS)(
    'when the process is SIGKILLed %i ms into concurrent entry POSTs, then after a restart every acknowledged entry is there and verify passes',
    async (killAfterMs) => {
      const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-crash-'));
      const databaseUrl = `file:${join(dir, 'ledger.db')}`;
      try {
        // One token drives all 16 streams: the per-token limit is not what this test is about.
        const env = { DATABASE_URL: databaseUrl, RATE_LIMIT_API_PER_MIN: '1000000' };
        const first = await startService(env);
        const { token, customers } = await seedMerchant(first.url, 'crash-shop');
        const load = entryLoad(first.url, token, customers, 16);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        first.child.kill('SIGKILL');
        await first.stop();
        const outcomes = await load.stop();

        const acknowledged = outcomes.flatMap((o) => (o.kind === 'answered' && o.entry ? [o.entry] : []));
        const cutOff = outcomes.filter((o) => o.kind === 'failed').length;
        const otherAnswers = outcomes.filter((o) => o.kind === 'answered' && o.status !== 201);
        console.info(`kill after ${killAfterMs} ms: ${acknowledged.length} entries acknowledged, ${cutOff} requests cut off by the kill`);
        expect(acknowledged.length).toBeGreaterThan(0);
        expect(cutOff).toBeGreaterThan(0);
        expect(otherAnswers).toEqual([]);

        const second = await startService(env);
        try {
          const stored = await listEntries(second.url, token, customers);
          for (const entry of acknowledged) expect(stored.get(entry.id)).toEqual(entry);
          // Requests cut off may or may not have committed, but no more of them than were sent.
          expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
          expect(stored.size).toBeLessThanOrEqual(acknowledged.length + cutOff);
        } finally {
          expect(await second.stop()).toBe(0);
        }
        const verify = await runVerify(databaseUrl);
        expect(verify.output).toContain('every total matches its entries');
        expect(verify.code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
