import { InlineKeyboard } from 'grammy';
import { cancelButton, reverseButton } from './buttons.js';

/** Under a posted entry: one press posts the reversing entry. */
export function undoKeyboard(customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard().text('Undo', reverseButton.pack({ customerId, entryId }));
}

/** /undo asks first. */
export function confirmUndoKeyboard(customerId: number, entryId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text('Yes, undo it', reverseButton.pack({ customerId, entryId }))
    .text('Cancel', cancelButton.pack({}));
}
