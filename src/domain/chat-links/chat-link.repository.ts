import { currentEm, deleteBatch, num, sqlRows, type EntityManager } from '../../db/sql.js';
import { ChatLinkSchema } from './chat-link.entity.js';
import { LinkCodeSchema } from './link-code.entity.js';
import { LinkEndSchema } from './link-end.entity.js';

/** Why a chat's link ended without the chat asking: its token was logged out, or the merchant removed it. */
export type LinkEndReason = 'logged_out' | 'removed';

export type LinkView = { id: number; chatId: string; chatTitle: string; createdAt: Date };
export type LinkCodeRow = { id: number; ownerId: number; tokenId: number };

/** Every query of chat links and one-time link codes. */
export function createChatLinkRepository(root: EntityManager) {
  return {
    /** The link of a chat whose token is still live: every update asks, so one plain-SQL read. */
    async liveLink(chatId: string): Promise<{ ownerId: number; tokenId: number } | null> {
      const [row] = await sqlRows(
        root,
        `select l.owner_id, l.api_token_id from telegram_links l
         join api_tokens t on t.id = l.api_token_id and t.revoked_at is null
         where l.chat_id = ?`,
        [chatId],
      );
      return row ? { ownerId: num(row.owner_id), tokenId: num(row.api_token_id) } : null;
    },

    /** One link per chat: linking again replaces it (and any note of how an earlier one ended). */
    async replace(link: { ownerId: number; tokenId: number; chatId: string; chatTitle: string; createdAt: Date }): Promise<void> {
      const em = currentEm(root);
      await em.nativeDelete(ChatLinkSchema, { chatId: link.chatId });
      await em.nativeDelete(LinkEndSchema, { chatId: link.chatId });
      await em.insert(ChatLinkSchema, {
        owner: link.ownerId,
        apiToken: link.tokenId,
        chatId: link.chatId,
        chatTitle: link.chatTitle,
        createdAt: link.createdAt,
      });
    },

    removeForChat: (chatId: string): Promise<number> => currentEm(root).nativeDelete(ChatLinkSchema, { chatId }),

    /** Removes links (one by id, or every link made with a token), noting for each chat why it ended. */
    async end(ownerId: number, which: { id: number } | { tokenId: number }, reason: LinkEndReason, now: Date): Promise<number> {
      const em = currentEm(root);
      const where = 'id' in which ? { id: which.id, owner: ownerId } : { apiToken: which.tokenId, owner: ownerId };
      const ended = await em.find(ChatLinkSchema, where, { fields: ['chatId'], disableIdentityMap: true });
      for (const link of ended) {
        await em.nativeDelete(LinkEndSchema, { chatId: link.chatId });
        await em.insert(LinkEndSchema, { chatId: link.chatId, reason, endedAt: now });
      }
      return em.nativeDelete(ChatLinkSchema, where);
    },

    /** How this chat's last link ended, if it ended without the chat asking; the note is used up by reading it. */
    async takeEnd(chatId: string): Promise<LinkEndReason | null> {
      const em = currentEm(root);
      const row = await em.findOne(LinkEndSchema, { chatId }, { disableIdentityMap: true });
      if (!row) return null;
      await em.nativeDelete(LinkEndSchema, { chatId });
      return row.reason === 'removed' ? 'removed' : 'logged_out';
    },

    purgeEnds: (now: Date, batch: number, maxAgeMs: number) =>
      sqlRows(
        root,
        'delete from telegram_link_ends where chat_id in (select chat_id from telegram_link_ends where ended_at <= ? limit ?) returning chat_id',
        [new Date(now.getTime() - maxAgeMs), batch],
      ).then((rows) => rows.length),

    async list(ownerId: number): Promise<LinkView[]> {
      const rows = await currentEm(root).find(ChatLinkSchema, { owner: ownerId }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
      return rows.map((r) => ({ id: r.id, chatId: r.chatId, chatTitle: r.chatTitle, createdAt: r.createdAt }));
    },

    async insertCode(code: { ownerId: number; tokenId: number; codeHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
      await currentEm(root).insert(LinkCodeSchema, {
        owner: code.ownerId,
        apiToken: code.tokenId,
        codeHash: code.codeHash,
        createdAt: code.createdAt,
        expiresAt: code.expiresAt,
        usedAt: null,
      });
    },

    async findCode(codeHash: string): Promise<LinkCodeRow | null> {
      const row = await currentEm(root).findOne(LinkCodeSchema, { codeHash }, { disableIdentityMap: true });
      return row ? { id: row.id, ownerId: row.owner, tokenId: row.apiToken } : null;
    },

    /** Spends an unused, unexpired code atomically: of two concurrent uses, one gets true. */
    async spendCode(id: number, now: Date): Promise<boolean> {
      const spent = await currentEm(root).nativeUpdate(LinkCodeSchema, { id, usedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
      return spent > 0;
    },

    async tokenIsLive(tokenId: number): Promise<boolean> {
      return (await sqlRows(root, 'select id from api_tokens where id = ? and revoked_at is null', [tokenId])).length > 0;
    },

    /** Deletes up to `batch` codes past their expiry (used or not); returns how many. */
    purgeExpiredCodes: (now: Date, batch: number) => deleteBatch(currentEm(root), 'telegram_link_codes', 'expires_at <= ?', [now], batch),
  };
}

export type ChatLinkRepository = ReturnType<typeof createChatLinkRepository>;
