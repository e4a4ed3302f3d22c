import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { Chat } from 'grammy/types';
import type { ChatInfo } from '../../src/domain/chat-links/chat-link.service.js';
import { InvalidLinkCode, InvalidToken } from '../../src/domain/errors.js';
import type { BotContext } from '../context.js';
import { LinkOnlyInPrivateChat, UsageError } from '../errors.js';

export function chatInfo(chat: Chat): ChatInfo {
  const title = chat.type === 'private' ? [chat.first_name, chat.last_name].filter(Boolean).join(' ') || (chat.username ?? '') : chat.title;
  return { chatId: String(chat.id), title };
}

/**
 * A link attempt from this chat, under the bot's rules: private chats only (in a group every member
 * could read and change the ledger), and at most a few failures a minute.
 */
async function attemptLink(ctx: BotContext, chat: Chat, link: (chat: ChatInfo) => Promise<{ username: string }>, isFailure: (e: unknown) => boolean) {
  if (chat.type !== 'private') throw new LinkOnlyInPrivateChat();
  const { username } = await ctx.state.linkAttempts.limited(String(chat.id), () => link(chatInfo(chat)), isFailure);
  await ctx.reply(ctx.t('linked', { username }));
}

/**
 * Takes a message holding a secret out of the chat before anything else. False when Telegram would
 * not delete it (a group where the bot may not delete): the caller tells the user the secret is exposed.
 */
export async function deleteSecret(ctx: BotContext): Promise<boolean> {
  try {
    await ctx.deleteMessage();
    return true;
  } catch (error) {
    ctx.logger.warn({ err: error, updateId: ctx.update.update_id }, 'could not delete a message holding a secret');
    return false;
  }
}

/** /link <token>, /start <one-time code> from a deep link, and /unlink. */
export function linkFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('link', async (ctx) => {
    const token = ctx.match.trim();
    if (!(await deleteSecret(ctx)) && token) await ctx.reply(ctx.t('link-not-deleted'));
    if (ctx.chat.type === 'private' && !token) throw new UsageError('link-usage');
    await attemptLink(ctx, ctx.chat, (chat) => ctx.services.chatLinks.linkWithToken(chat, token), (e) => e instanceof InvalidToken);
  });

  feature.command('start', async (ctx, next) => {
    const code = ctx.match.trim();
    if (!code) return next();
    await attemptLink(ctx, ctx.chat, (chat) => ctx.services.chatLinks.linkWithCode(chat, code), (e) => e instanceof InvalidLinkCode);
  });

  feature.command('unlink', async (ctx) => {
    const removed = await ctx.services.chatLinks.unlink(String(ctx.chat.id));
    await ctx.reply(ctx.t(removed ? 'unlinked' : 'not-linked-before'));
  });

  return feature;
}
