import type { MiddlewareFn } from 'grammy';
import type { EntityManager } from '../../src/db/sql.js';
import { inUnitOfWork } from '../../src/db/unit-of-work.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Services } from '../../src/domain/services.js';
import type { StatementDocuments } from '../../src/render/statement-document.js';
import type { Logger } from '../../src/logger.js';
import type { BotContext } from '../context.js';
import type { BotState } from '../state/index.js';
import { formatLocalDate, moneyFor, type LocalStyle } from '../../src/render/local-format.js';

const ENGLISH: LocalStyle = { language: 'en', currency: null, digits: 'latin' };

/** Gives every handler the services, the bot's state, the log and the clock; a fresh actor slot per update. */
export function provide(deps: { services: Services; documents: StatementDocuments; publicBase: () => string; state: BotState; logger: Logger; clock: Clock }): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.services = deps.services;
    ctx.documents = deps.documents;
    ctx.publicBase = deps.publicBase;
    ctx.state = deps.state;
    ctx.logger = deps.logger;
    ctx.clock = deps.clock;
    ctx.actor = null;
    ctx.line = 0;
    ctx.style = ENGLISH;
    ctx.money = moneyFor(ENGLISH);
    ctx.date = (isoDate) => formatLocalDate(isoDate, ENGLISH);
    return next();
  };
}

/** One unit of work per update (its fork made when first used), as HTTP has one per request. */
export function unitOfWork(em: EntityManager): MiddlewareFn<BotContext> {
  return (_ctx, next) => inUnitOfWork(em, next);
}

/** Drops an update already handled (Telegram re-delivers after webhook failures or a restart while polling). */
export const skipSeenUpdates: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (await ctx.state.seenUpdates.claim(ctx.update.update_id)) return next();
  ctx.logger.info({ updateId: ctx.update.update_id }, 'skipped a re-delivered update');
};

/** Loads the merchant this chat is linked to, if any. */
export const loadActor: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.chat) ctx.actor = await ctx.services.chatLinks.actorForChat(String(ctx.chat.id));
  return next();
};
