import type { Actor } from '../src/domain/actor.js';
import type { CustomerView } from '../src/domain/customers/customer.service.js';
import type { BotContext } from './context.js';
import { clip } from './format.js';
import { MAX_CHOICES, pickCustomerKeyboard } from './keyboards/customers.js';

/**
 * A typed name for a read-only command: the customer of exactly that name, else the only one whose
 * name starts with it; several are offered as buttons, none is said. Null when it answered itself.
 */
export async function pickForReading(ctx: BotContext, actor: Actor, name: string, dataFor: (c: CustomerView) => string): Promise<number | null> {
  const [exact = []] = [...(await ctx.services.customers.withNames(actor, [name])).values()];
  const candidates =
    exact.length > 0
      ? await Promise.all(exact.slice(0, MAX_CHOICES + 1).map((c) => ctx.services.customers.get(actor, c.id)))
      : await ctx.services.customers.startingWith(actor, name, MAX_CHOICES + 1);
  const [only] = candidates;
  if (only && candidates.length === 1) return only.id;
  if (!only) {
    await ctx.reply(ctx.t('no-customer-named', { name: clip(name, 100) }));
    return null;
  }
  const more = candidates.length > MAX_CHOICES ? ctx.t('several-match-more', { shown: MAX_CHOICES }) : '';
  await ctx.reply(ctx.t('several-match', { name: clip(name, 100), more }), { reply_markup: pickCustomerKeyboard(ctx, candidates, dataFor) });
  return null;
}

