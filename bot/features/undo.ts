import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { actorOf, type BotContext } from '../context.js';
import { reverseButton } from '../keyboards/buttons.js';
import { confirmUndoKeyboard } from '../keyboards/undo.js';
import { balanceSentence, entryWhat } from '../texts.js';

/** /undo (asks first; again and again it offers the newest entry not undone yet), and the Undo buttons. */
export function undoFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('undo', async (ctx) => {
    const last = await ctx.services.ledger.lastUndoable(actorOf(ctx));
    await ctx.reply(ctx.t('undo-ask', { what: entryWhat(ctx, last.type, last.amount), name: last.customerName, entry: last.entryId }), {
      reply_markup: confirmUndoKeyboard(ctx, last.customerId, last.entryId),
    });
  });

  feature.callbackQuery(reverseButton.filter(), async (ctx) => {
    const { customerId, entryId } = reverseButton.read(ctx.callbackQuery.data);
    const actor = actorOf(ctx);
    // The ledger refuses a second reversal (AlreadyReversed), so a double press undoes once.
    const { entry, totals, customerName } = await ctx.services.ledger.reverse(actor, customerId, entryId, {
      note: `Undone from Telegram (entry #${entryId})`,
    });
    await ctx.answerCallbackQuery({ text: ctx.t('undo-done-toast') });
    await ctx.reply(
      `${ctx.t('undone', { entry: entryId, what: entryWhat(ctx, entry.type, entry.amount), name: customerName })}\n${balanceSentence(ctx, customerName, totals.balance)}`,
    );
  });

  return feature;
}
