import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { BotContext } from '../context.js';

/**
 * Anything no feature handled: a hint rather than silence in a private chat. In a group the bot keeps
 * quiet: free text and unknown commands there are the members' (or other bots') business.
 */
export function fallbackFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-no-longer-valid') }));
  feature.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const text = ctx.msg.text;
    if (text === undefined) return void (await ctx.reply(ctx.t('text-only')));
    await ctx.reply(ctx.t(text.startsWith('/') ? 'unknown-command' : 'send-a-command'));
  });
  return feature;
}
