import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { BotContext } from '../context.js';
import { cancelButton } from '../keyboards/buttons.js';

/** The Cancel button every question carries, handled once: a stored question is closed for good. */
export function cancelFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();
  feature.callbackQuery(cancelButton.filter(), async (ctx) => {
    const { id } = cancelButton.read(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    // A question already answered stays answered (its Undo button undoes it); the others die here.
    if (id !== '-' && !(await ctx.state.choices.close(id, String(ctx.chat?.id ?? ''), 'cancelled'))) return;
    await ctx.editMessageText(ctx.t('cancelled'));
  });
  return feature;
}
