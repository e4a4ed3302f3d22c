import { InlineKeyboard } from 'grammy';
import type { CustomerView } from '../../src/domain/customers/customer.service.js';
import { formatMinor } from '../../src/domain/money.js';
import { clip } from '../format.js';
import { cancelButton, createButton } from './buttons.js';

export const MAX_CHOICES = 8;

const label = (c: CustomerView) => `${clip(c.name, 40)} (${formatMinor(c.totalCredit - c.totalDebit)})`;

/** One button per candidate customer; `dataFor` packs what pressing it does. */
export function pickCustomerKeyboard(customers: CustomerView[], dataFor: (c: CustomerView) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const c of customers.slice(0, MAX_CHOICES)) keyboard.text(label(c), dataFor(c)).row();
  return keyboard.text('Cancel', cancelButton.pack({}));
}

/** No customer by that name: offer to create it and post the entry. */
export function createCustomerKeyboard(name: string, pendingId: string, what: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(`Add ${clip(name, 30)} and post ${what}`, createButton.pack({ pendingId }))
    .row()
    .text('Cancel', cancelButton.pack({}));
}
