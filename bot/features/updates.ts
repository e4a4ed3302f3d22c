import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { GroupCannotSubscribe, InvalidSubscribeCode } from '../../src/domain/errors.js';
import { SUBSCRIBE_CODE } from '../../src/domain/updates/updates.service.js';
import { balanceForCustomer, customerFormat, customerLanguage, customerText } from '../../src/render/customer-texts.js';
import type { BotContext } from '../context.js';
import { chatInfo } from './link.js';

/**
 * The customer's own chat: `/start <code>` from a share page's "Get updates on Telegram" subscribes it
 * to that one book, `/stop` ends it. Such a chat has no merchant powers (it is not linked); it is told
 * things in the language its user's Telegram is in, in the customer's words.
 */
export function updatesFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('start', async (ctx, next) => {
    const code = ctx.match.trim();
    if (!SUBSCRIBE_CODE.test(code)) return next();
    const language = customerLanguage(ctx.from?.language_code);
    try {
      const r = await ctx.services.updates.subscribe(code, { ...chatInfo(ctx.chat), type: ctx.chat.type, language });
      const balance = balanceForCustomer(language, r.shop, r.balance, customerFormat(language, r.currency).money);
      await ctx.reply(customerText(language, r.already ? 'already-subscribed' : 'subscribed', { shop: r.shop, balance }));
    } catch (error) {
      if (error instanceof InvalidSubscribeCode) return void (await ctx.reply(customerText(language, 'subscribe-invalid')));
      if (error instanceof GroupCannotSubscribe) return void (await ctx.reply(customerText(language, 'subscribe-private-only')));
      throw error;
    }
  });

  feature.command('stop', async (ctx) => {
    const language = customerLanguage(ctx.from?.language_code);
    const ended = await ctx.services.updates.stop(String(ctx.chat.id));
    await ctx.reply(customerText(language, ended > 0 ? 'stopped' : 'stopped-none'));
  });

  return feature;
}
