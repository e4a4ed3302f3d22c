import { Composer } from 'grammy';
import type { EntryType } from '../../src/domain/ledger/ledger-entry.entity.js';
import { actorOf, messageKey, type BotContext } from '../context.js';
import { StaleButton } from '../errors.js';
import { clip, entryShort } from '../format.js';
import { createButton, pickButton } from '../keyboards/buttons.js';
import { createCustomerKeyboard } from '../keyboards/customers.js';
import { parseEntryArgs } from '../parse.js';
import { postEntry, type Target } from '../post-entry.js';
import type { PendingEntry } from '../state/pending-choices.js';
import { resolveCustomer } from './customer-picker.js';

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
    const wait = () => ctx.state.pendingChoices.add(entry);
    const customer = await resolveCustomer(ctx, actor, args.name, {
      buttonsFor: async () => {
        const pendingId = await wait();
        return (c) => pickButton.pack({ pendingId, customerId: c.id });
      },
      none: async () => {
        const pendingId = await wait();
        await ctx.reply(`No customer named "${clip(args.name, 100)}".`, {
          reply_markup: createCustomerKeyboard(args.name, pendingId, entryShort(type, args.amount)),
        });
      },
    });
    if (!customer) return;
    const { text, keyboard } = await postEntry(ctx.services, actor, entry, { customerId: customer.id });
    await ctx.reply(text, { reply_markup: keyboard });
  };

  feature.command('credit', command('credit', CREDIT_USAGE));
  feature.command('debit', command('debit', DEBIT_USAGE));

  const pressed = async (ctx: BotContext, pendingId: string, target: (entry: PendingEntry) => Target) => {
    const actor = actorOf(ctx);
    const entry = ctx.chat ? await ctx.state.pendingChoices.get(pendingId, String(ctx.chat.id)) : null;
    if (!entry) throw new StaleButton(STALE);
    const { text, keyboard } = await postEntry(ctx.services, actor, entry, target(entry));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { reply_markup: keyboard });
  };

  feature.callbackQuery(pickButton.filter(), async (ctx) => {
    const { pendingId, customerId } = pickButton.read(ctx.callbackQuery.data);
    await pressed(ctx, pendingId, () => ({ customerId }));
  });
  feature.callbackQuery(createButton.filter(), async (ctx) => {
    const { pendingId } = createButton.read(ctx.callbackQuery.data);
    await pressed(ctx, pendingId, (entry) => ({ createName: entry.name }));
  });

  return feature;
}
