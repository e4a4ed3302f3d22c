import { InlineKeyboard } from 'grammy';
import type { CustomerView } from '../../src/domain/customers/customer.service.js';
import type { BotContext } from '../context.js';
import { clip } from '../format.js';
import { cancelButton } from './buttons.js';

export const MAX_CHOICES = 8;

/** One button per candidate customer; `dataFor` packs what pressing it does. */
export function pickCustomerKeyboard(ctx: BotContext, customers: CustomerView[], dataFor: (c: CustomerView) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const c of customers.slice(0, MAX_CHOICES)) keyboard.text(`${clip(c.name, 40)} (${ctx.money(c.totalCredit - c.totalDebit)})`, dataFor(c)).row();
  return keyboard.text(ctx.t('button-cancel'), cancelButton.pack({ id: '-' }));
}
