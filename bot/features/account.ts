import { type Composer, InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { User } from 'grammy/types';
import { actorOf, privateActorOf, type BotContext } from '../context.js';
import { PrivateOnly, UsageError } from '../errors.js';
import { accountButton } from '../keyboards/buttons.js';
import { chatInfo, deleteSecret } from './link.js';

/** A token shown once in the chat is deleted this long after (by housekeeping, on any instance). */
export const TOKEN_MESSAGE_TTL_MS = 5 * 60 * 1000;

/** Where a token came from: the one a chat-made account links with, and those /token issues. */
export const linkTokenVia = (chatId: number | string) => `telegram-link:${chatId}`;
export const chatTokenVia = (chatId: number | string) => `telegram:${chatId}`;

/** Usernames to try for an account made from a chat: the Telegram username, then the name, then "shop". */
export function usernamesFor(user: User | undefined): string[] {
  const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, '-').replace(/[^\p{L}\p{N}@.+\-_]/gu, '').slice(0, 150);
  const candidates = [user?.username ?? '', [user?.first_name, user?.last_name].filter(Boolean).join(' ')].map(clean).filter((u) => u.length >= 3);
  return [...candidates, 'shop'];
}

/** /start without a code (create an account, or name the merchant), /token and /password. */
export function accountFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('start', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('welcome-group')));
    if (ctx.actor) {
      const me = await ctx.services.auth.me(ctx.actor);
      return void (await ctx.reply(ctx.t('start-linked', { username: me.username })));
    }
    await ctx.reply(ctx.t('welcome'), { reply_markup: new InlineKeyboard().text(ctx.t('button-create-account'), accountButton.pack({})) });
  });

  // One account per chat however often this is pressed, on any instance: the account is keyed by the chat.
  feature.callbackQuery(accountButton.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    const chat = ctx.chat;
    if (chat?.type !== 'private') throw new PrivateOnly();
    if (ctx.actor) {
      const me = await ctx.services.auth.me(ctx.actor);
      return void (await ctx.reply(ctx.t('account-already-linked', { username: me.username })));
    }
    const { services } = ctx;
    const account = await services.auth.registerFromChat(String(chat.id), usernamesFor(ctx.from), linkTokenVia(chat.id));
    // An account this chat made earlier and later unlinked gets a fresh token to link with.
    const tokenId = account.tokenId ?? (await services.auth.issueTokenFor({ ownerId: account.userId, channel: 'telegram', tokenId: null, chatId: String(chat.id) }, linkTokenVia(chat.id))).tokenId;
    await services.chatLinks.linkWithTokenId(chatInfo(chat), account.userId, tokenId);
    await ctx.reply(ctx.t('account-created', { username: account.username }));
  });

  feature.command('token', async (ctx) => {
    const actor = privateActorOf(ctx);
    const word = ctx.match.trim();
    if (word !== '' && word !== 'revoke') throw new UsageError('token-usage');
    if (word === 'revoke') {
      const count = await ctx.services.auth.revokeIssued(actor, chatTokenVia(ctx.chat.id));
      return void (await ctx.reply(ctx.t('token-revoked', { count })));
    }
    const { token } = await ctx.services.auth.issueTokenFor(actor, chatTokenVia(ctx.chat.id));
    const sent = await ctx.reply(ctx.t('token-issued', { token, minutes: TOKEN_MESSAGE_TTL_MS / 60_000 }));
    await ctx.state.deletions.schedule(String(ctx.chat.id), sent.message_id, new Date(ctx.clock.now().getTime() + TOKEN_MESSAGE_TTL_MS));
  });

  feature.command('password', async (ctx) => {
    const password = ctx.match.trim();
    const deleted = await deleteSecret(ctx);
    const actor = privateActorOf(ctx);
    if (!password) throw new UsageError('password-usage');
    await ctx.services.auth.setPassword(actor, password);
    const me = await ctx.services.auth.me(actorOf(ctx));
    await ctx.reply(ctx.t(deleted ? 'password-set' : 'password-not-deleted', { username: me.username }));
  });

  return feature;
}
