import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { todayUtc } from '../../src/domain/clock.js';
import { lineKey, type BotContext } from '../context.js';
import { clip } from '../format.js';
import { askEntry, gaveOrGotKeyboard, openEntryChoice } from '../post-entry.js';
import { resolveEntry } from '../resolve-entry.js';

/**
 * A line without a command in a linked private chat ("Alice 500 tea"): the bot reads it like /credit
 * and asks whether you gave or got; nothing is posted until a button is pressed.
 */
export function quickEntryFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();
  feature.on('message:text', async (ctx, next) => {
    const actor = ctx.actor;
    if (!actor || ctx.chat.type !== 'private' || ctx.msg.text.startsWith('/')) return next();
    const today = todayUtc(ctx.clock);
    const resolution = await resolveEntry(ctx.services, actor, ctx.msg.text, today, 'send-a-command');
    const key = lineKey(ctx);
    if (resolution.kind === 'post') {
      const o = { ...resolution.option, type: null };
      const id = await openEntryChoice(ctx, actor, key, [o]);
      const name = clip('customerId' in o.target ? o.target.name : o.target.create, 60);
      const extra = `${o.note ? ` · ${clip(o.note, 60)}` : ''}${o.date && o.date !== today ? ` · ${o.date}` : ''}`;
      await ctx.reply(ctx.t('quick-ask', { name, amount: ctx.money(o.amount), extra }), { reply_markup: gaveOrGotKeyboard(ctx, id, 0, o) });
      return;
    }
    await askEntry(ctx, actor, key, resolution.options.map((o) => ({ ...o, type: null })), resolution.question, today);
  });
  return feature;
}
