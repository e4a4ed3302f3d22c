import type { Context } from 'grammy';
import type { Actor } from '../src/domain/actor.js';
import type { Services } from '../src/domain/services.js';
import type { Logger } from '../src/logger.js';
import { ChatNotLinked } from './errors.js';
import type { BotState } from './state/index.js';

/** What every handler can reach: the domain services, the bot's own state, the log, and the chat's merchant (if linked). */
export type BotFlavor = {
  services: Services;
  state: BotState;
  logger: Logger;
  /** Set by the actor middleware; null in a chat that is not linked. */
  actor: Actor | null;
};

export type BotContext = Context & BotFlavor;

/** The linked merchant, or ChatNotLinked (answered with how to link, nothing changed). */
export function actorOf(ctx: BotContext): Actor {
  if (!ctx.actor) throw new ChatNotLinked();
  return ctx.actor;
}

/** The key that makes a message's ledger change happen once, however often Telegram delivers it. */
export function messageKey(chatId: number | string, messageId: number): string {
  return `tg:${chatId}:${messageId}`;
}
