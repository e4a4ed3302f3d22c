import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { cancelButton, reverseButton } from './buttons.js';

/** Under a posted entry: one press posts the reversing entry. */
export function undoKeyboard(ctx: BotContext, customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t('button-undo'), reverseButton.pack({ customerId, entryId }));
}

/** /undo asks first. */
export function confirmUndoKeyboard(ctx: BotContext, customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-undo-confirm'), reverseButton.pack({ customerId, entryId }))
    .text(ctx.t('button-cancel'), cancelButton.pack({ id: '-' }));
}
