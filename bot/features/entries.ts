import { Composer } from 'grammy';
import type { EntryType } from '../../src/domain/entities/index.js';
import type { PendingEntry } from '../../src/domain/pending-entry.service.js';
import { actorOf, messageKey, type BotContext } from '../context.js';
import { StaleButton } from '../errors.js';
import { clip, entryShort } from '../format.js';
import { decodeCallback } from '../keyboards/callback-data.js';
import { createCustomerKeyboard, MAX_CHOICES, pickCustomerKeyboard } from '../keyboards/customers.js';
import { parseEntryArgs } from '../parse.js';
import { postEntry, type Target } from '../post-entry.js';

export const CREDIT_USAGE = '/credit <name> <amount> [note], e.g. /credit Alice 500 rice';
export const DEBIT_USAGE = '/debit <name> <amount> [note], e.g. /debit Alice 200 cash';

const STALE = 'That choice has expired. Please send the command again.';

/** /credit and /debit, plus the buttons that pick a customer or create one. */
export function entriesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const command = (type: EntryType, usage: string) => async (ctx: BotContext) => {
    const actor = actorOf(ctx);
    const message = ctx.msg;
    if (!message || !ctx.chat) return;
    const args = parseEntryArgs(typeof ctx.match === 'string' ? ctx.match : '', usage);
    const entry: PendingEntry = {
      chatId: String(ctx.chat.id),
      key: messageKey(ctx.chat.id, message.message_id),
      name: args.name,
      type,
      amount: args.amount,
      note: args.note,
    };
    const match = await ctx.services.customers.matchName(actor, args.name);
    if (match.kind === 'one') {
      const { text, keyboard } = await postEntry(ctx.services, actor, entry, { customerId: match.customer.id });
      await ctx.reply(text, { reply_markup: keyboard });
    } else if (match.kind === 'many') {
      const pendingId = await ctx.services.pendingEntries.add(entry);
      const more = match.customers.length > MAX_CHOICES ? ` (showing ${MAX_CHOICES}; type more of the name to narrow)` : '';
      await ctx.reply(`Several customers match "${clip(args.name, 100)}"${more}. Which one?`, {
        reply_markup: pickCustomerKeyboard(match.customers, (c) => ({ action: 'pick', pendingId, customerId: c.id })),
      });
    } else {
      const pendingId = await ctx.services.pendingEntries.add(entry);
      await ctx.reply(`No customer named "${clip(args.name, 100)}".`, {
        reply_markup: createCustomerKeyboard(args.name, pendingId, entryShort(type, args.amount)),
      });
    }
  };

  feature.command('credit', command('credit', CREDIT_USAGE));
  feature.command('debit', command('debit', DEBIT_USAGE));

  feature.on('callback_query:data', async (ctx, next) => {
    const cb = decodeCallback(ctx.callbackQuery.data);
    if (cb?.action !== 'pick' && cb?.action !== 'create') return next();
    const actor = actorOf(ctx);
    const entry = ctx.chat ? await ctx.services.pendingEntries.get(cb.pendingId, String(ctx.chat.id)) : null;
    if (!entry) throw new StaleButton(STALE);
    const target: Target = cb.action === 'pick' ? { customerId: cb.customerId } : { createName: entry.name };
    const { text, keyboard } = await postEntry(ctx.services, actor, entry, target);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { reply_markup: keyboard });
  });

  return feature;
}
