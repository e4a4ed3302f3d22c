import { type Composer, InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { Actor } from '../../src/domain/actor.js';
import { todayUtc } from '../../src/domain/clock.js';
import { CUSTOMER_LANGUAGES, customerFormat, customerLanguage, LANGUAGE_NAMES, type CustomerLanguage } from '../../src/render/customer-texts.js';
import { reminderFor } from '../../src/render/reminder.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { clip } from '../format.js';
import { remindButton, reminderLanguageButton } from '../keyboards/buttons.js';
import { quotedName, words } from '../parse/line.js';
import { pickForReading } from '../pick-customer.js';

/**
 * The reminder as a message to forward, in the customer's language and the shop's currency, with Share
 * on Telegram, WhatsApp (with a phone), Copy link, and a row to have it in another language.
 */
async function reminderMessage(ctx: BotContext, actor: Actor, customerId: number, language: CustomerLanguage) {
  const customer = await ctx.services.customers.get(actor, customerId);
  const link = await ctx.services.shares.current(actor, customerId);
  const me = await ctx.services.auth.me(actor);
  const r = reminderFor({
    language,
    shop: me.displayName,
    customer,
    balance: customer.totalCredit - customer.totalDebit,
    today: todayUtc(ctx.clock),
    shareUrl: `${ctx.publicBase()}/s/${link.token}`,
    money: customerFormat(language, me.currency).money,
  });
  const keyboard = new InlineKeyboard().url(ctx.t('button-share-telegram'), r.telegramShareUrl);
  if (r.whatsappUrl) keyboard.url(ctx.t('button-whatsapp'), r.whatsappUrl);
  keyboard.row().copyText(ctx.t('button-copy-link'), r.shareUrl).row();
  for (const l of CUSTOMER_LANGUAGES) {
    keyboard.text(l === language ? `✓ ${LANGUAGE_NAMES[l]}` : LANGUAGE_NAMES[l], reminderLanguageButton.pack({ customerId, language: l }));
  }
  return { text: r.text, options: { reply_markup: keyboard, link_preview_options: { is_disabled: true } } };
}

async function sendReminder(ctx: BotContext, actor: Actor, customerId: number): Promise<void> {
  // The chat's language first: a merchant writing in Bengali most likely has Bengali-reading customers.
  const m = await reminderMessage(ctx, actor, customerId, customerLanguage(ctx.style.language));
  await ctx.reply(m.text, m.options);
}

/** /remind <name>, the Remind buttons under /dues, the reminder's language buttons, and /shopname <name>. */
export function remindFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('remind', async (ctx) => {
    const actor = actorOf(ctx);
    const name = quotedName(ctx.match)?.name ?? words(ctx.match).join(' ');
    if (!name) throw new UsageError('remind-usage');
    const id = await pickForReading(ctx, actor, name, (c) => remindButton.pack({ customerId: c.id }));
    if (id !== null) await sendReminder(ctx, actor, id);
  });

  feature.callbackQuery(remindButton.filter(), async (ctx) => {
    const { customerId } = remindButton.read(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await sendReminder(ctx, actorOf(ctx), customerId);
  });

  // The reminder is rewritten in place, so the merchant forwards one message, not one per language tried.
  feature.callbackQuery(reminderLanguageButton.filter(), async (ctx) => {
    const { customerId, language } = reminderLanguageButton.read(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const m = await reminderMessage(ctx, actorOf(ctx), customerId, language);
    if (m.text === ctx.callbackQuery.message?.text) return;
    await ctx.editMessageText(m.text, m.options);
  });

  feature.command('shopname', async (ctx) => {
    const actor = actorOf(ctx);
    const name = ctx.match.trim();
    if (!name) {
      const me = await ctx.services.auth.me(actor);
      return void (await ctx.reply(ctx.t('shopname-is', { name: clip(me.displayName, 100) })));
    }
    const me = await ctx.services.auth.setDisplayName(actor, { displayName: name });
    await ctx.reply(ctx.t('shopname-set', { name: clip(me.displayName, 100) }));
  });

  return feature;
}
