import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Actor } from '../src/domain/actor.js';
import type { Clock } from '../src/domain/clock.js';
import type { Services } from '../src/domain/services.js';
import type { StatementDocuments } from '../src/render/statement-document.js';
import type { Logger } from '../src/logger.js';
import type { LocalStyle } from '../src/render/local-format.js';
import { ChatNotLinked, PrivateOnly } from './errors.js';
import type { BotState } from './state/index.js';

/** What every handler can reach: the domain services, the bot's own state, the log, and the chat's merchant (if linked). */
export type BotFlavor = {
  services: Services;
  /** Statement PDFs and charts. */
  documents: StatementDocuments;
  /** Where share pages are served (PUBLIC_BASE_URL, or this server's own address). */
  publicBase: () => string;
  state: BotState;
  logger: Logger;
  clock: Clock;
  /** Set by the actor middleware; null in a chat that is not linked. */
  actor: Actor | null;
  /** Which line of a several-line message this is (0 for a message of one line). */
  line: number;
  /** The chat's language and digits, and its merchant's currency (set once the chat is known). */
  style: LocalStyle;
  /** Minor units as this chat reads money: `৳১,২৫,০০০.০০`, `₹1,25,000.00`, `1,250.50`. */
  money: (minor: number | bigint) => string;
  /** A YYYY-MM-DD date as this chat reads dates. */
  date: (isoDate: string) => string;
};

export type BotContext = Context & BotFlavor & I18nFlavor;

/** The linked merchant, or ChatNotLinked (answered with how to link, nothing changed). */
export function actorOf(ctx: BotContext): Actor {
  if (!ctx.actor) throw new ChatNotLinked();
  return ctx.actor;
}

/** The linked merchant of a private chat (commands that show or take a secret). */
export function privateActorOf(ctx: BotContext): Actor {
  if (ctx.chat?.type !== 'private') throw new PrivateOnly();
  return actorOf(ctx);
}

/** The key that makes a message's ledger change happen once, however often Telegram delivers it. */
export function messageKey(chatId: number | string, messageId: number, line = 0): string {
  return line === 0 ? `tg:${chatId}:${messageId}` : `tg:${chatId}:${messageId}:${line}`;
}

/** The key of the line being handled. */
export function lineKey(ctx: BotContext): string {
  const message = ctx.msg;
  if (!ctx.chat || !message) throw new Error('no message to key');
  return messageKey(ctx.chat.id, message.message_id, ctx.line);
}
