import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IDEMPOTENCY_TTL_MS } from '../../src/domain/idempotency/idempotency.service.js';
import { LINK_CODE_TTL_MS } from '../../src/domain/chat-links/chat-link.service.js';
import { SEEN_UPDATE_TTL_MS } from '../../bot/state/seen-updates.js';
import { CHOICE_TTL_MS } from '../../bot/state/choices.js';
import { createHousekeeping } from '../../src/housekeeping.js';
import { createLogger } from '../../src/logger.js';
import { createRuntime } from '../../src/runtime.js';
import { apiActor, auth, manualClock } from '../support/fixtures.js';
import { sqlCount, testConfig } from '../support/harness.js';
import { createBotHarness, type BotHarness } from '../bot/support.js';

let h: BotHarness;
let clock: ReturnType<typeof manualClock>;
let token: string;
let customer: number;

beforeEach(async () => {
  clock = manualClock(Date.parse('2026-12-01T08:00:00Z'));
  h = await createBotHarness({ clock });
  token = await h.merchant('shop');
  customer = (await h.services.customers.create(await apiActor(h.services, token), { name: 'Alice' })).id;
});
afterEach(() => h.close());

const count = (table: string) => sqlCount(h.db, `select count(*) as n from ${table}`);
const post = (key: string) =>
  request(h.app).post(`/api/customers/${customer}/entries/`).set(auth(token)).set('Idempotency-Key', key).send({ type: 'credit', amount: '5' });

describe('housekeeping', () => {
  it('when idempotency keys pass their 24 hours, then a pass deletes them, keeps the live ones, and a replay inside the window still replays', async () => {
    expect((await post('first')).status).toBe(201);
    clock.advance(IDEMPOTENCY_TTL_MS - 60_000);
    expect((await post('second')).status).toBe(201);
    await h.runtime.housekeeping.runOnce();
    expect(await count('idempotency_keys')).toBe(2);
    expect((await post('first')).headers['idempotent-replayed']).toBe('true');

    clock.advance(120_000); // "first" is now past its 24 hours, "second" is not
    const deleted = await h.runtime.housekeeping.runOnce();
    expect(deleted['idempotency keys']).toBe(1);
    expect(await sqlCount(h.db, "select count(*) as n from idempotency_keys where \"key\" = 'second'")).toBe(1);
    const replay = await post('second');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(2);
  });

  it("when the bot's bookkeeping expires (seen updates, pending choices, link codes, link attempts), then a pass deletes it and keeps what is still live", async () => {
    await h.send(`/link ${token}`); // a seen update and a link attempt (released when it succeeds)
    await h.send('/link 0000'); // a failed attempt stays for its minute
    await h.send('/credit Nobody 5'); // waits on a button: a stored question (choice)
    await h.services.chatLinks.createLinkCode(await apiActor(h.services, token));
    expect(await count('telegram_link_failures')).toBe(1);
    expect(await count('telegram_choices')).toBe(1);
    expect(await count('telegram_link_codes')).toBe(1);
    const seen = await count('telegram_updates');
    expect(seen).toBe(3);

    await h.runtime.housekeeping.runOnce();
    expect([await count('telegram_link_failures'), await count('telegram_choices'), await count('telegram_link_codes')]).toEqual([1, 1, 1]);

    clock.advance(Math.max(CHOICE_TTL_MS, LINK_CODE_TTL_MS) + 1);
    await h.send('/help'); // a fresh update, still within its 8 days
    const deleted = await h.runtime.housekeeping.runOnce();
    expect(deleted).toMatchObject({ 'link attempts': 1, choices: 1, 'link codes': 1, 'seen updates': 0 });
    expect(await count('telegram_updates')).toBe(4);

    clock.advance(SEEN_UPDATE_TTL_MS + 1);
    expect((await h.runtime.housekeeping.runOnce())['seen updates']).toBe(4);
    expect(await count('telegram_updates')).toBe(0);
  });

  it('when many rows have expired, then they go in bounded batches, and two instances purging at once both finish cleanly', async () => {
    const actor = await apiActor(h.services, token);
    for (let i = 0; i < 25; i++) await h.services.idempotency.run({ ownerId: actor.ownerId, key: `k${i}`, fingerprint: 'f' }, z.number(), async () => i);
    clock.advance(IDEMPOTENCY_TTL_MS + 1);
    const batches: number[] = [];
    const watched = h.services.purges.map((p) => ({ ...p, run: async (now: Date, batch: number) => {
      const n = await p.run(now, batch);
      if (p.name === 'idempotency keys') batches.push(n);
      return n;
    } }));
    const other = await createRuntime(testConfig(h.databaseUrl), { clock, logger: createLogger('silent') });
    try {
      const mine = createHousekeeping({ purges: watched, clock, logger: createLogger('silent'), batch: 10 });
      const theirs = createHousekeeping({ purges: other.services.purges, clock, logger: createLogger('silent'), batch: 10 });
      await Promise.all([mine.runOnce(), theirs.runOnce()]);
    } finally {
      await other.stop();
    }
    expect(await count('idempotency_keys')).toBe(0);
    expect(Math.max(...batches)).toBeLessThanOrEqual(10);
  });

  it('when the runtime stops, then the job stops with it and nothing runs afterwards', async () => {
    let passes = 0;
    let firstPass = () => {};
    const ran = new Promise<void>((resolve) => (firstPass = resolve));
    const probe = { name: 'probe', run: async () => (passes++, firstPass(), 0) };
    const job = createHousekeeping({ purges: [probe], clock, logger: createLogger('silent'), intervalMs: 1 });
    job.start();
    await ran;
    await job.stop();
    const after = passes;
    // A timer still armed would fire well within this wait (its interval is 1 ms).
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(after);
  });
});
