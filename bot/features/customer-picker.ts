import type { Actor } from '../../src/domain/actor.js';
import type { CustomerView } from '../../src/domain/customers/customer.service.js';
import type { BotContext } from '../context.js';
import { clip } from '../format.js';
import { MAX_CHOICES, pickCustomerKeyboard } from '../keyboards/customers.js';

export type PickOptions = {
  /** Packs each candidate's button; asked for only when several customers match. */
  buttonsFor(): Promise<(c: CustomerView) => string>;
  /** When no customer has the name; by default the reply says so. */
  none?(): Promise<void>;
};

/**
 * The one customer picker: a typed name that names one customer resolves to it; several matches are
 * asked about with a button each, and no match is said (or offered) — both answer null.
 */
export async function resolveCustomer(ctx: BotContext, actor: Actor, name: string, options: PickOptions): Promise<{ id: number; name: string } | null> {
  const match = await ctx.services.customers.matchName(actor, name);
  if (match.kind === 'one') return match.customer;
  if (match.kind === 'none') {
    // Clipped: a typed name can be as long as a message, a reply may not be.
    if (options.none) await options.none();
    else await ctx.reply(`No customer named "${clip(name, 100)}". /customers lists them.`);
    return null;
  }
  const dataFor = await options.buttonsFor();
  const more = match.customers.length > MAX_CHOICES ? ` (showing ${MAX_CHOICES}; type more of the name to narrow)` : '';
  await ctx.reply(`Several customers match "${clip(name, 100)}"${more}. Which one?`, {
    reply_markup: pickCustomerKeyboard(match.customers, dataFor),
  });
  return null;
}
