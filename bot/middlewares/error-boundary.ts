import type { MiddlewareFn } from 'grammy';
import {
  AlreadyReversed,
  CannotReverseReversal,
  CustomerNotFound,
  DomainError,
  EntryNotFound,
  IdempotencyKeyReused,
  InvalidLinkCode,
  InvalidToken,
  NothingToUndo,
} from '../../src/domain/errors.js';
import type { BotContext } from '../context.js';
import { BotRefusal, ChatNotLinked } from '../errors.js';

/** The message each domain error is answered with; others say their own (English) message. */
const DOMAIN_REPLIES: Array<[new (...args: never[]) => DomainError, string]> = [
  [InvalidToken, 'error-invalid-token'],
  [AlreadyReversed, 'error-already-reversed'],
  [CannotReverseReversal, 'error-cannot-reverse-reversal'],
  [CustomerNotFound, 'error-customer-not-found'],
  [EntryNotFound, 'error-entry-not-found'],
  [IdempotencyKeyReused, 'error-key-reused'],
  [InvalidLinkCode, 'error-invalid-link-code'],
  [NothingToUndo, 'nothing-to-undo'],
];

/** Plain words for an error that is the user's doing; null for our own faults. */
async function replyFor(ctx: BotContext, error: unknown): Promise<string | null> {
  if (error instanceof ChatNotLinked) {
    // A chat unlinked without asking (a logout, a removal over the API) is told why, once.
    const ended = ctx.chat ? await ctx.services.chatLinks.takeLinkEnd(String(ctx.chat.id)) : null;
    const why = ended ? `${ctx.t(ended === 'removed' ? 'link-ended-removed' : 'link-ended-logged-out')}\n` : '';
    return `${why}${ctx.t('how-to-link')}`;
  }
  if (error instanceof BotRefusal) return ctx.t(error.key, error.vars);
  const known = DOMAIN_REPLIES.find(([type]) => error instanceof type);
  if (known) return ctx.t(known[1]);
  if (error instanceof DomainError) return error.message;
  return null;
}

/**
 * The one place errors become replies: the user always gets an answer, and nothing escapes to
 * grammY (under a webhook an escaped error would make Telegram deliver the update again).
 */
export const errorBoundary: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    try {
      let text = await replyFor(ctx, error);
      if (text === null) {
        ctx.logger.error({ err: error, updateId: ctx.update.update_id }, 'bot update failed');
        text = ctx.t('apology');
      }
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (ctx.chat) await ctx.reply(text);
    } catch (replyError) {
      ctx.logger.warn({ err: replyError, updateId: ctx.update.update_id }, 'could not send the error reply');
    }
  }
};
