import { Composer } from 'grammy';
import { actorOf, type BotContext } from '../context.js';
import { balancePhrase, entryPhrase } from '../format.js';
import { decodeCallback } from '../keyboards/callback-data.js';
import { confirmUndoKeyboard } from '../keyboards/undo.js';

/** /undo (asks first), the Undo and confirm buttons, and Cancel. */
export function undoFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('undo', async (ctx) => {
    const actor = actorOf(ctx);
    const last = await ctx.services.telegram.lastUndoable(actor);
    const what = `${entryPhrase(last.type, last.amount)} for ${last.customerName} (entry #${last.entryId})`;
    if (last.alreadyReversed) {
      await ctx.reply(`The last entry from this chat, ${what}, was already undone.`);
      return;
    }
    await ctx.reply(`Undo ${what}?`, { reply_markup: confirmUndoKeyboard(last.customerId, last.entryId) });
  });

  feature.on('callback_query:data', async (ctx, next) => {
    const cb = decodeCallback(ctx.callbackQuery.data);
    if (cb?.action === 'cancel') {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText('Cancelled; nothing changed.');
      return;
    }
    if (cb?.action !== 'reverse') return next();
    const actor = actorOf(ctx);
    // The ledger refuses a second reversal (AlreadyReversed), so a double press undoes once.
    const { entry, totals } = await ctx.services.ledger.reverse(actor, cb.customerId, cb.entryId, {
      note: `Undone from Telegram (entry #${cb.entryId})`,
    });
    const customer = await ctx.services.customers.get(actor, cb.customerId);
    await ctx.answerCallbackQuery({ text: 'Undone' });
    await ctx.reply(
      `Undone: entry #${cb.entryId} reversed with ${entryPhrase(entry.type, entry.amount)} for ${customer.name}.\n` +
        `${balancePhrase(customer.name, totals.balance)}.`,
    );
  });

  return feature;
}
