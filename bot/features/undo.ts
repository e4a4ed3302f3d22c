import { Composer } from 'grammy';
import { actorOf, type BotContext } from '../context.js';
import { balancePhrase, entryPhrase } from '../format.js';
import { reverseButton } from '../keyboards/buttons.js';
import { confirmUndoKeyboard } from '../keyboards/undo.js';

/** /undo (asks first), and the Undo and confirm buttons. */
export function undoFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('undo', async (ctx) => {
    const last = await ctx.services.ledger.lastUndoable(actorOf(ctx));
    const what = `${entryPhrase(last.type, last.amount)} for ${last.customerName} (entry #${last.entryId})`;
    if (last.alreadyReversed) {
      await ctx.reply(`The last entry from this chat, ${what}, was already undone.`);
      return;
    }
    await ctx.reply(`Undo ${what}?`, { reply_markup: confirmUndoKeyboard(last.customerId, last.entryId) });
  });

  feature.callbackQuery(reverseButton.filter(), async (ctx) => {
    const { customerId, entryId } = reverseButton.read(ctx.callbackQuery.data);
    const actor = actorOf(ctx);
    // The ledger refuses a second reversal (AlreadyReversed), so a double press undoes once.
    const { entry, totals, customerName } = await ctx.services.ledger.reverse(actor, customerId, entryId, {
      note: `Undone from Telegram (entry #${entryId})`,
    });
    await ctx.answerCallbackQuery({ text: 'Undone' });
    await ctx.reply(
      `Undone: entry #${entryId} reversed with ${entryPhrase(entry.type, entry.amount)} for ${customerName}.\n` +
        `${balancePhrase(customerName, totals.balance)}.`,
    );
  });

  return feature;
}
