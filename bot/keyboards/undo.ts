import { InlineKeyboard } from 'grammy';
import { encodeCallback } from './callback-data.js';

/** Under a posted entry: one press posts the reversing entry. */
export function undoKeyboard(customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard().text('Undo', encodeCallback({ action: 'reverse', customerId, entryId }));
}

/** /undo asks first. */
export function confirmUndoKeyboard(customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text('Yes, undo it', encodeCallback({ action: 'reverse', customerId, entryId }))
    .text('Cancel', encodeCallback({ action: 'cancel' }));
}
