import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRINCIPAL_CACHE_TTL_MS } from '../../src/domain/auth/auth.service.js';
import { CHAT_ACTOR_CACHE_TTL_MS } from '../../src/domain/chat-links/chat-link.service.js';
import { InvalidToken } from '../../src/domain/errors.js';
import { createServices } from '../../src/domain/services.js';
import { apiActor, manualClock } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock();
  h = await createHarness({ clock });
});
afterEach(() => h.close());

const actorOf = apiActor;

describe('token cache', () => {
  it('when a merchant logs out, then the same instance refuses the token at once, though it had it cached', async () => {
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    const actor = await actorOf(h.services, token);
    await h.services.auth.authenticate(token);
    await h.services.auth.logout(actor);
    await expect(h.services.auth.authenticate(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('when another instance revokes a token, then this one refuses it once its cached entry expires (the documented window)', async () => {
    const other = createServices({ em: h.db.em, dialect: h.db.dialect, clock, bcryptCost: 4 });
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

describe("chat link cache (a linked chat's actor, read on every update)", () => {
  const chat = { chatId: '777', kind: 'private' as const, title: 'Counter' };

  it('when the chat is unlinked, or its token logged out, on this instance, then the next update finds no actor at once', async () => {
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    await h.services.chatLinks.linkWithToken(chat, token);
    expect(await h.services.chatLinks.actorForChat('777')).toMatchObject({ channel: 'telegram', chatId: '777' });
    await h.services.chatLinks.unlink('777');
    expect(await h.services.chatLinks.actorForChat('777')).toBeNull();

    await h.services.chatLinks.linkWithToken(chat, token);
    const actor = await h.services.chatLinks.actorForChat('777');
    expect(actor).not.toBeNull();
    if (actor) await h.services.auth.logout(actor);
    expect(await h.services.chatLinks.actorForChat('777')).toBeNull();
  });

  it('when another instance unlinks the chat, then this one stops acting for it once its cached entry expires (the documented window)', async () => {
    const other = createServices({ em: h.db.em, dialect: h.db.dialect, clock, bcryptCost: 4 });
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    await h.services.chatLinks.linkWithToken(chat, token);
    expect(await h.services.chatLinks.actorForChat('777')).not.toBeNull();
    await other.chatLinks.unlink('777');
    expect(await other.chatLinks.actorForChat('777')).toBeNull();
    clock.advance(CHAT_ACTOR_CACHE_TTL_MS);
    expect(await h.services.chatLinks.actorForChat('777')).toBeNull();
  });

  it('when a chat is linked on another instance, then this one acts for it at once (unlinked chats are never cached)', async () => {
    const other = createServices({ em: h.db.em, dialect: h.db.dialect, clock, bcryptCost: 4 });
    const { token } = await h.services.auth.register({ username: 'shop', password: 'correct horse' });
    expect(await h.services.chatLinks.actorForChat('777')).toBeNull();
    await other.chatLinks.linkWithToken(chat, token);
    expect(await h.services.chatLinks.actorForChat('777')).not.toBeNull();
  });
});
