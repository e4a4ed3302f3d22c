import { createHash, randomBytes } from 'node:crypto';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import { PRINCIPAL_CACHE_TTL_MS, type AuthService } from '../auth/auth.service.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import type { Clock } from '../clock.js';
import { InvalidLinkCode, TelegramLinkNotFound, TokenRequired } from '../errors.js';
import { createLruCache } from '../lru-cache.js';
import type { ChatLinkRepository, LinkEndReason, LinkView } from './chat-link.repository.js';

export type { LinkEndReason, LinkView } from './chat-link.repository.js';

/** A note of how a link ended is kept this long for the chat to be told. */
export const LINK_END_NOTE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
/** A linked chat's actor is trusted this long without reading the link again, like a token (see README). */
export const CHAT_ACTOR_CACHE_TTL_MS = PRINCIPAL_CACHE_TTL_MS;
const CHAT_ACTOR_CACHE_MAX = 10_000;

/** The chat being linked: its id and a title to show in the merchant's list of linked chats. */
export type ChatInfo = { chatId: string; title: string };

const LINK_CODE_FORMAT = /^[A-Za-z0-9_-]{16,64}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type ChatLinkServiceDeps = {
  links: ChatLinkRepository;
  users: AuthRepository;
  auth: AuthService;
  transactions: Transactions;
  clock: Clock;
};

/** Which merchant a Telegram chat acts for: linking (by token or one-time code), unlinking, and the lookup. */
export function createChatLinkService({ links, users, auth, transactions, clock }: ChatLinkServiceDeps) {
  // Chat id -> actor, linked chats only (a chat just linked elsewhere must not wait for an entry to expire).
  // Any link change or logout on this instance empties it; `generation` tells a lookup racing one.
  const chatActors = createLruCache<string, Actor>({ max: CHAT_ACTOR_CACHE_MAX, ttlMs: CHAT_ACTOR_CACHE_TTL_MS, now: () => clock.now().getTime() });
  let linkChanges = 0;
  let cachedAt = -1;
  const generation = () => linkChanges + auth.logoutCount();
  const forgetChats = () => {
    linkChanges += 1;
    chatActors.clear();
  };
  // Before the write, so nothing cached is served meanwhile; after it too, so a lookup that read the
  // old link while the write ran does not cache it.
  async function changingLinks<T>(write: () => Promise<T>): Promise<T> {
    forgetChats();
    try {
      return await write();
    } finally {
      forgetChats();
    }
  }

  async function attach(chat: ChatInfo, ownerId: number, tokenId: number): Promise<string> {
    return changingLinks(() =>
      transactions.run(async () => {
        await links.replace({ ownerId, tokenId, chatId: chat.chatId, chatTitle: chat.title.slice(0, 255), createdAt: clock.now() });
        const user = await users.findUser(ownerId);
        if (!user) throw new InvalidLinkCode();
        return user.username;
      }),
    );
  }

  return {
    /** Links a chat with a token the merchant already holds (an account made from the chat). */
    linkWithTokenId: (chat: ChatInfo, ownerId: number, tokenId: number): Promise<string> => attach(chat, ownerId, tokenId),

    /** Links a chat to the merchant owning `token`; returns the merchant's username. */
    async linkWithToken(chat: ChatInfo, token: string): Promise<{ username: string }> {
      const principal = await auth.authenticate(token);
      return { username: await attach(chat, principal.userId, principal.tokenId) };
    },

    /** A single-use code for a t.me deep link; only its hash is stored. */
    async createLinkCode(actor: Actor): Promise<{ code: string; expiresAt: Date }> {
      if (actor.tokenId === null) throw new TokenRequired();
      const code = randomBytes(18).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
      await links.insertCode({ ownerId: actor.ownerId, tokenId: actor.tokenId, codeHash: sha256(code), createdAt: now, expiresAt });
      return { code, expiresAt };
    },

    /** Spends a link code (once, before it expires) and links the chat with the code's token. */
    async linkWithCode(chat: ChatInfo, code: string): Promise<{ username: string }> {
      const row = LINK_CODE_FORMAT.test(code) ? await links.findCode(sha256(code)) : null;
      const spent = row ? await links.spendCode(row.id, clock.now()) : false;
      const live = row && spent ? await links.tokenIsLive(row.tokenId) : false;
      if (!row || !live) throw new InvalidLinkCode();
      return { username: await attach(chat, row.ownerId, row.tokenId) };
    },

    /** The actor a linked chat acts as, or null when the chat is not linked (or its token was revoked). */
    async actorForChat(chatId: string): Promise<Actor | null> {
      const cached = generation() === cachedAt ? chatActors.get(chatId) : undefined;
      if (cached) return cached;
      const before = generation();
      const link = await links.liveLink(chatId);
      if (!link) return null;
      const actor: Actor = { ownerId: link.ownerId, channel: 'telegram', tokenId: link.tokenId, chatId };
      if (generation() === before) {
        if (cachedAt !== before) chatActors.clear();
        cachedAt = before;
        chatActors.set(chatId, actor);
      }
      return actor;
    },

    /** Removes this chat's link; false when there was none. */
    async unlink(chatId: string): Promise<boolean> {
      return (await changingLinks(() => links.removeForChat(chatId))) > 0;
    },

    listLinks: (actor: Actor): Promise<LinkView[]> => links.list(actor.ownerId),

    async removeLink(actor: Actor, id: number): Promise<void> {
      const removed = await changingLinks(() => transactions.run(() => links.end(actor.ownerId, { id }, 'removed', clock.now())));
      if (removed === 0) throw new TelegramLinkNotFound();
    },

    /** Ends the links made with a token (its logout), noting for each chat why. Runs in the caller's transaction. */
    async endLinksOfToken(ownerId: number, tokenId: number): Promise<void> {
      await changingLinks(() => links.end(ownerId, { tokenId }, 'logged_out', clock.now()));
    },

    /** Why this chat's link ended, if it ended without the chat asking (told once). */
    takeLinkEnd: (chatId: string): Promise<LinkEndReason | null> => links.takeEnd(chatId),
  };
}

export type ChatLinkService = ReturnType<typeof createChatLinkService>;
