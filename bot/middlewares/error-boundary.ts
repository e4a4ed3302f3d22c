import type { MiddlewareFn } from 'grammy';
import {
  AlreadyReversed,
  CannotReverseReversal,
  CustomerNotFound,
  DomainError,
  EntryNotFound,
  IdempotencyKeyReused,
  InvalidAmount,
  InvalidToken,
} from '../../src/domain/errors.js';
import type { BotContext } from '../context.js';
import { BotRefusal, ChatNotLinked } from '../errors.js';
import { AMOUNT_LOOKS_LIKE } from '../parse.js';

export const HOW_TO_LINK =
  'This chat is not linked to a merchant yet, so nothing was changed. In a private chat with me, send ' +
  '/link <your API token> (from POST /api/auth/login/), or open the link from POST /api/telegram/link-code/.';

export const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

/** Plain words for each domain error; null for errors that are not the user's doing. */
export function replyFor(error: unknown): string | null {
  if (error instanceof ChatNotLinked) return HOW_TO_LINK;
  if (error instanceof BotRefusal) return error.message;
  if (error instanceof InvalidToken) return 'That token was not accepted. Log in again to get a fresh token, then send /link <token>.';
  if (error instanceof InvalidAmount) return `That is not an amount. ${AMOUNT_LOOKS_LIKE}`;
  if (error instanceof AlreadyReversed) return 'That entry was already undone; nothing changed.';
  if (error instanceof CannotReverseReversal) return 'That entry is itself an undo and cannot be undone.';
  if (error instanceof CustomerNotFound) return 'That customer no longer exists.';
  if (error instanceof EntryNotFound) return 'That entry no longer exists.';
  if (error instanceof IdempotencyKeyReused) return 'That command was already handled with another choice; nothing changed.';
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
    let text = replyFor(error);
    if (text === null) {
      ctx.logger.error({ err: error, updateId: ctx.update.update_id }, 'bot update failed');
      text = APOLOGY;
    }
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (ctx.chat) await ctx.reply(text);
    } catch (replyError) {
      ctx.logger.warn({ err: replyError, updateId: ctx.update.update_id }, 'could not send the error reply');
    }
  }
};
