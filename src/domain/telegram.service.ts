import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from './actor.js';
import { PRINCIPAL_CACHE_TTL_MS, type AuthService } from './auth.service.js';
import type { Clock } from './clock.js';
import { currentEm, isUniqueViolation, num, sqlRows, type EntityManager } from './db.js';
import {
  ApiTokenSchema,
  CustomerSchema,
  LedgerEntrySchema,
  TelegramLinkCodeSchema,
  TelegramLinkFailureSchema,
  TelegramLinkSchema,
  TelegramUpdateSchema,
  UserSchema,
  type EntryType,
} from './entities/index.js';
import {
  InvalidLinkCode,
  InvalidToken,
  LinkOnlyInPrivateChat,
  NothingToUndo,
  TelegramLinkNotFound,
  TokenRequired,
  TooManyLinkAttempts,
} from './errors.js';
import { isRowId } from './customer.service.js';

export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_FAILED_LINKS_PER_MINUTE = 5;
// Telegram picks a random next update id after a week without updates; older ids cannot come back.
export const SEEN_UPDATE_TTL_MS = 8 * 24 * 60 * 60 * 1000;
const PURGE_EVERY_CLAIMS = 500;
const PURGE_EVERY_LINK_TRIES = 50;
const LINK_WINDOW_MS = 60_000;
/** A linked chat's actor is trusted this long without reading the link again, like a token (see README). */
export const CHAT_ACTOR_CACHE_TTL_MS = PRINCIPAL_CACHE_TTL_MS;
const CHAT_ACTOR_CACHE_MAX = 10_000;

export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel';
export type ChatInfo = { chatId: string; kind: ChatKind; title: string };

export type LinkView = { id: number; chatId: string; chatTitle: string; createdAt: Date };

export type UndoCandidate = {
  entryId: number;
  customerId: number;
  customerName: string;
  type: EntryType;
  amount: number;
  alreadyReversed: boolean;
};

const LINK_CODE_FORMAT = /^[A-Za-z0-9_-]{16,64}$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export type TelegramServiceDeps = { em: EntityManager; clock: Clock; auth: AuthService };

export function createTelegramService({ em: root, clock, auth }: TelegramServiceDeps) {
  let claims = 0;
  let linkTries = 0;
  // Chat id -> actor, linked chats only (a chat just linked elsewhere must not wait for an entry to expire).
  // Any link change or logout on this instance empties it; `generation` tells a lookup racing one.
  const chatActors = new Map<string, { actor: Actor; expiresAt: number; generation: number }>();
  let linkChanges = 0;
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

  /**
   * Runs one link try under the per-chat limit, shared by every instance: the try's row is written
   * first and then counted, so of concurrent tries at most the limit get through. The row stays as a
   * failure when `isFailure(error)`, and is removed when the try succeeds or fails for another reason.
   */
  async function limitedTry<T>(chat: ChatInfo, attempt: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    if (chat.kind !== 'private') throw new LinkOnlyInPrivateChat();
    const em = currentEm(root);
    const now = clock.now();
    const since = new Date(now.getTime() - LINK_WINDOW_MS);
    if (++linkTries % PURGE_EVERY_LINK_TRIES === 1) {
      await em.nativeDelete(TelegramLinkFailureSchema, { failedAt: { $lte: since } });
    }
    const id = await em.insert(TelegramLinkFailureSchema, { chatId: chat.chatId, failedAt: now });
    const release = () => currentEm(root).nativeDelete(TelegramLinkFailureSchema, { id });
    const tries = await em.count(TelegramLinkFailureSchema, { chatId: chat.chatId, failedAt: { $gt: since } });
    if (tries > MAX_FAILED_LINKS_PER_MINUTE) {
      await release();
      throw new TooManyLinkAttempts();
    }
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      // Best effort: the error being thrown says more than a failed clean-up would.
      if (!isFailure(error)) await release().catch(() => undefined);
      throw error;
    }
    await release();
    return result;
  }

  /** linkWithCode's work, run under the limit: any unusable code is InvalidLinkCode. */
  async function spendCode(chat: ChatInfo, code: string): Promise<{ username: string }> {
    const now = clock.now();
    const row = LINK_CODE_FORMAT.test(code)
      ? await currentEm(root).findOne(TelegramLinkCodeSchema, { codeHash: sha256(code) }, { disableIdentityMap: true })
      : null;
    // The conditional update spends the code atomically: of two concurrent uses, one wins.
    const spent = row
      ? await currentEm(root).nativeUpdate(
          TelegramLinkCodeSchema,
          { id: row.id, usedAt: null, expiresAt: { $gt: now } },
          { usedAt: now },
        )
      : 0;
    const token = row
      ? await currentEm(root).count(ApiTokenSchema, { id: row.apiToken, revokedAt: null })
      : 0;
    if (!row || spent === 0 || token === 0) throw new InvalidLinkCode();
    return { username: await attach(chat, row.owner, row.apiToken) };
  }

  async function attach(chat: ChatInfo, ownerId: number, tokenId: number): Promise<string> {
    return changingLinks(() => currentEm(root).transactional(async (em) => {
      await em.nativeDelete(TelegramLinkSchema, { chatId: chat.chatId });
      await em.insert(TelegramLinkSchema, {
        owner: ownerId,
        apiToken: tokenId,
        chatId: chat.chatId,
        chatTitle: chat.title.slice(0, 255),
        createdAt: clock.now(),
      });
      const user = await em.findOneOrFail(UserSchema, { id: ownerId }, { disableIdentityMap: true });
      return user.username;
    }));
  }

  return {
    /** Links a private chat to the merchant owning `token`; returns the merchant's username. */
    async linkWithToken(chat: ChatInfo, token: string): Promise<{ username: string }> {
      return limitedTry(
        chat,
        async () => {
          const principal = await auth.authenticate(token);
          return { username: await attach(chat, principal.userId, principal.tokenId) };
        },
        (error) => error instanceof InvalidToken,
      );
    },

    /** A single-use code for a t.me deep link; only its hash is stored. */
    async createLinkCode(actor: Actor): Promise<{ code: string; expiresAt: Date }> {
      if (actor.tokenId === null) throw new TokenRequired();
      const code = randomBytes(18).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
      await currentEm(root).insert(TelegramLinkCodeSchema, {
        owner: actor.ownerId,
        apiToken: actor.tokenId,
        codeHash: sha256(code),
        createdAt: now,
        expiresAt,
        usedAt: null,
      });
      return { code, expiresAt };
    },

    /** Spends a link code (once, before it expires) and links the chat with the code's token. */
    async linkWithCode(chat: ChatInfo, code: string): Promise<{ username: string }> {
      return limitedTry(chat, () => spendCode(chat, code), (error) => error instanceof InvalidLinkCode);
    },

    /** The actor a linked chat acts as, or null when the chat is not linked (or its token was revoked). */
    async actorForChat(chatId: string): Promise<Actor | null> {
      const now = clock.now().getTime();
      const cached = chatActors.get(chatId);
      if (cached && cached.expiresAt > now && cached.generation === generation()) return cached.actor;
      const before = generation();
      // Every update asks this: the link and its token's liveness in one plain-SQL read.
      const [link] = await sqlRows(
        currentEm(root),
        `select l.owner_id, l.api_token_id from telegram_links l
         join api_tokens t on t.id = l.api_token_id and t.revoked_at is null
         where l.chat_id = ?`,
        [chatId],
      );
      if (!link) return null;
      const actor: Actor = { ownerId: num(link.owner_id), channel: 'telegram', tokenId: num(link.api_token_id), chatId };
      if (generation() === before) {
        chatActors.delete(chatId);
        chatActors.set(chatId, { actor, expiresAt: now + CHAT_ACTOR_CACHE_TTL_MS, generation: before });
        if (chatActors.size > CHAT_ACTOR_CACHE_MAX) chatActors.delete(chatActors.keys().next().value ?? '');
      }
      return actor;
    },

    /** Removes this chat's link; false when there was none. */
    async unlink(chatId: string): Promise<boolean> {
      return (await changingLinks(() => currentEm(root).nativeDelete(TelegramLinkSchema, { chatId }))) > 0;
    },

    async listLinks(actor: Actor): Promise<LinkView[]> {
      const rows = await currentEm(root).find(
        TelegramLinkSchema,
        { owner: actor.ownerId },
        { orderBy: { id: 'asc' }, disableIdentityMap: true },
      );
      return rows.map((r) => ({ id: r.id, chatId: r.chatId, chatTitle: r.chatTitle, createdAt: r.createdAt }));
    },

    async removeLink(actor: Actor, id: number): Promise<void> {
      if (!isRowId(id)) throw new TelegramLinkNotFound();
      const removed = await changingLinks(() => currentEm(root).nativeDelete(TelegramLinkSchema, { id, owner: actor.ownerId }));
      if (removed === 0) throw new TelegramLinkNotFound();
    },

    /** Records an update id; false when it was seen before, so the update must not be handled again. */
    async claimUpdate(updateId: number): Promise<boolean> {
      const em = currentEm(root);
      if (++claims % PURGE_EVERY_CLAIMS === 0) {
        await em.nativeDelete(TelegramUpdateSchema, {
          receivedAt: { $lt: new Date(clock.now().getTime() - SEEN_UPDATE_TTL_MS) },
        });
      }
      try {
        await sqlRows(em, 'insert into telegram_updates (update_id, received_at) values (?, ?) returning id', [updateId, clock.now()]);
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** The newest entry this chat posted that is not itself a reversal, for /undo. */
    async lastUndoable(actor: Actor): Promise<UndoCandidate> {
      if (actor.chatId === null) throw new NothingToUndo();
      const em = currentEm(root);
      // Joined on the customer: a chat once linked to another merchant must not reach that merchant's entries.
      const entry = await em
        .createQueryBuilder(LedgerEntrySchema, 'e')
        .select('e.*')
        .join('e.customer', 'c')
        .where({ telegramChatId: actor.chatId, reverses: null })
        .andWhere({ 'c.owner': actor.ownerId, 'c.archived': false })
        .orderBy({ id: 'desc' })
        .limit(1)
        .getSingleResult();
      if (!entry) throw new NothingToUndo();
      const customer = await em.findOneOrFail(CustomerSchema, { id: entry.customer }, { disableIdentityMap: true });
      const reversals = await em.count(LedgerEntrySchema, { reverses: entry.id });
      return {
        entryId: entry.id,
        customerId: entry.customer,
        customerName: customer.name,
        type: entry.type,
        amount: entry.amount,
        alreadyReversed: reversals > 0,
      };
    },
  };
}

export type TelegramService = ReturnType<typeof createTelegramService>;
