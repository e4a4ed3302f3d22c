import { Composer } from 'grammy';
import type { Chat } from 'grammy/types';
import type { ChatInfo } from '../../src/domain/chat-links/chat-link.service.js';
import { InvalidLinkCode, InvalidToken } from '../../src/domain/errors.js';
import type { BotContext } from '../context.js';
import { LinkOnlyInPrivateChat, UsageError } from '../errors.js';

export const LINK_USAGE = '/link <your API token> (in a private chat with me)';

function chatInfo(chat: Chat): ChatInfo {
  const title = chat.type === 'private' ? [chat.first_name, chat.last_name].filter(Boolean).join(' ') || (chat.username ?? '') : chat.title;
  return { chatId: String(chat.id), title };
}

const linkedReply = (username: string) => `Linked: this chat now keeps the ledger of merchant ${username}. Try /credit Alice 500 or /help.`;

/**
 * A link attempt from this chat, under the bot's rules: private chats only (in a group every member
 * could read and change the ledger), and at most a few failures a minute.
 */
async function attemptLink(ctx: BotContext, chat: Chat, link: (chat: ChatInfo) => Promise<{ username: string }>, isFailure: (e: unknown) => boolean) {
  if (chat.type !== 'private') throw new LinkOnlyInPrivateChat();
  const { username } = await ctx.state.linkAttempts.limited(String(chat.id), () => link(chatInfo(chat)), isFailure);
  await ctx.reply(linkedReply(username));
}

/** /link <token>, /start <one-time code> from a deep link, and /unlink. */
export function linkFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('link', async (ctx) => {
    if (!ctx.chat) return;
    // The token is a secret: take it out of the chat history before anything else, whatever follows.
    try {
      await ctx.deleteMessage();
    } catch (error) {
      ctx.logger.warn({ err: error, updateId: ctx.update.update_id }, 'could not delete the /link message');
    }
    const token = ctx.match.trim();
    if (ctx.chat.type === 'private' && !token) throw new UsageError(`Usage: ${LINK_USAGE}`);
    await attemptLink(ctx, ctx.chat, (chat) => ctx.services.chatLinks.linkWithToken(chat, token), (e) => e instanceof InvalidToken);
  });

  feature.command('start', async (ctx, next) => {
    const code = ctx.match.trim();
    if (!code || !ctx.chat) return next();
    await attemptLink(ctx, ctx.chat, (chat) => ctx.services.chatLinks.linkWithCode(chat, code), (e) => e instanceof InvalidLinkCode);
  });

  feature.command('unlink', async (ctx) => {
    if (!ctx.chat) return;
    const removed = await ctx.services.chatLinks.unlink(String(ctx.chat.id));
    await ctx.reply(removed ? 'Unlinked: this chat no longer reaches your ledger.' : 'This chat was not linked.');
  });

  return feature;
}
