import { Composer } from 'grammy';
import type { Chat } from 'grammy/types';
import type { ChatInfo } from '../../src/domain/telegram.service.js';
import type { BotContext } from '../context.js';
import { UsageError } from '../errors.js';

export const LINK_USAGE = '/link <your API token> (in a private chat with me)';

function chatInfo(chat: Chat): ChatInfo {
  const title =
    chat.type === 'private'
      ? [chat.first_name, chat.last_name].filter(Boolean).join(' ') || (chat.username ?? '')
      : chat.title;
  return { chatId: String(chat.id), kind: chat.type, title };
}

const linkedReply = (username: string) =>
  `Linked: this chat now keeps the ledger of merchant ${username}. Try /credit Alice 500 or /help.`;

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
    const { username } = await ctx.services.telegram.linkWithToken(chatInfo(ctx.chat), token);
    await ctx.reply(linkedReply(username));
  });

  feature.command('start', async (ctx, next) => {
    const code = ctx.match.trim();
    if (!code || !ctx.chat) return next();
    const { username } = await ctx.services.telegram.linkWithCode(chatInfo(ctx.chat), code);
    await ctx.reply(linkedReply(username));
  });

  feature.command('unlink', async (ctx) => {
    if (!ctx.chat) return;
    const removed = await ctx.services.telegram.unlink(String(ctx.chat.id));
    await ctx.reply(removed ? 'Unlinked: this chat no longer reaches your ledger.' : 'This chat was not linked.');
  });

  return feature;
}
