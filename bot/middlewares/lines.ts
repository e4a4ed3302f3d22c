import { Context, type Composer, type MiddlewareFn } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import type { BotContext } from '../context.js';
import { errorBoundary } from './error-boundary.js';

export const MAX_LINES = 20;

/** The bot_command entity Telegram would give a line that starts with a command. */
function commandEntity(line: string): MessageEntity[] {
  const command = /^\/\S+/.exec(line);
  return command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
}

/**
 * A message of several lines is several commands: each line is handled on its own, in order, with
 * its own idempotency key (`ctx.line`), and never becomes another line's note. The update is claimed
 * once (seen-update de-duplication ran before this).
 */
export function eachLine(features: Composer<BotContext>): MiddlewareFn<BotContext> {
  const handle = features.middleware();
  return async (ctx, next) => {
    const message = ctx.message;
    const lines = (message?.text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    if (!message || lines.length <= 1) return handle(ctx, next);
    if (lines.length > MAX_LINES) return void (await ctx.reply(ctx.t('too-many-lines', { max: MAX_LINES })));
    for (const [index, line] of lines.entries()) {
      const update = { ...ctx.update, message: { ...message, text: line, entities: commandEntity(line) } };
      const lineCtx = Object.assign(new Context(update, ctx.api, ctx.me), {
        services: ctx.services,
        documents: ctx.documents,
        publicBase: ctx.publicBase,
        state: ctx.state,
        logger: ctx.logger,
        clock: ctx.clock,
        actor: ctx.actor,
        line: index,
        style: ctx.style,
        money: ctx.money,
        date: ctx.date,
        i18n: ctx.i18n,
        t: ctx.t,
        translate: ctx.translate,
      });
      // Each line is answered, whatever the others do: one refused line does not silence the rest.
      await errorBoundary(lineCtx, async () => {
        await handle(lineCtx, async () => {});
      });
    }
  };
}
