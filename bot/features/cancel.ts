import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { cancelButton } from '../keyboards/buttons.js';

/** The Cancel button every question carries, handled once. */
export function cancelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(cancelButton.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText('Cancelled; nothing changed.');
  });
  return feature;
}
