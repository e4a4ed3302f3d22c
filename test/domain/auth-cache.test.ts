import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRINCIPAL_CACHE_TTL_MS } from '../../src/domain/auth.service.js';
import { InvalidToken } from '../../src/domain/errors.js';
import { createServices, type Services } from '../../src/domain/services.js';
import { createHarness, type Harness } from '../support/harness.js';

function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

let h: Harness;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock();
  h = await createHarness({ clock });
});
afterEach(() => h.close());

const actorOf = async (services: Services, token: string) => {
  const p = await services.auth.authenticate(token);
  return { ownerId: p.userId, channel: 'api' as const, tokenId: p.tokenId, chatId: null };
};

describe('token cache', () => {
  it('when a merchant logs out, then the same instance refuses the token at once, though it had it cached', async () => {
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    const actor = await actorOf(h.services, token);
    await h.services.auth.authenticate(token);
    await h.services.auth.logout(actor);
    await expect(h.services.auth.authenticate(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('when another instance revokes a token, then this one refuses it once its cached entry expires (the documented window)', async () => {
    const other = createServices({ em: h.db.em, clock, bcryptCost: 4 });
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    await h.services.auth.authenticate(token);
    await other.auth.logout(await actorOf(other, token));
    await expect(other.auth.authenticate(token)).rejects.toBeInstanceOf(InvalidToken);
    clock.advance(PRINCIPAL_CACHE_TTL_MS);
    await expect(h.services.auth.authenticate(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('when logout runs while the same token is being resolved, then afterwards the token is refused', async () => {
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    const actor = await actorOf(h.services, token);
    clock.advance(PRINCIPAL_CACHE_TTL_MS);
    const results = await Promise.allSettled([
      h.services.auth.authenticate(token),
      h.services.auth.logout(actor),
      h.services.auth.authenticate(token),
    ]);
    expect(results[1].status).toBe('fulfilled');
    await expect(h.services.auth.authenticate(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('when a cached token is used, then last_used_at still moves at most once a minute', async () => {
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    const lastUsed = async () => {
      const rows = await h.db.em.getConnection().execute('select last_used_at from api_tokens');
      return new Date(rows[0]?.last_used_at).getTime();
    };
    await h.services.auth.authenticate(token);
    const first = await lastUsed();
    clock.advance(1_000);
    await h.services.auth.authenticate(token);
    expect(await lastUsed()).toBe(first);
    clock.advance(60_000);
    await h.services.auth.authenticate(token);
    expect(await lastUsed()).toBe(first + 61_000);
  });
});
