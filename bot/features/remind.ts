import { Composer, InlineKeyboard } from 'grammy';
import type { Actor } from '../../src/domain/actor.js';
import { todayUtc } from '../../src/domain/clock.js';
import { customerLanguage } from '../../src/render/customer-texts.js';
import { formatGroupedMinor } from '../../src/render/format.js';
import { reminderFor } from '../../src/render/reminder.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { clip } from '../format.js';
import { remindButton } from '../keyboards/buttons.js';
import { quotedName, words } from '../parse/line.js';
import { pickForReading } from '../pick-customer.js';

/** The reminder as a message to forward, with Share on Telegram, WhatsApp (with a phone) and Copy link. */
async function sendReminder(ctx: BotContext, actor: Actor, customerId: number): Promise<void> {
  const customer = await ctx.services.customers.get(actor, customerId);
  const link = await ctx.services.shares.current(actor, customerId);
  const me = await ctx.services.auth.me(actor);
  const r = reminderFor({
    language: customerLanguage(),
    shop: me.displayName,
    customer,
    balance: customer.totalCredit - customer.totalDebit,
    today: todayUtc(ctx.clock),
    shareUrl: `${ctx.publicBase()}/s/${link.token}`,
    money: formatGroupedMinor,
  });
  const keyboard = new InlineKeyboard().url(ctx.t('button-share-telegram'), r.telegramShareUrl);
  if (r.whatsappUrl) keyboard.url(ctx.t('button-whatsapp'), r.whatsappUrl);
  keyboard.row().copyText(ctx.t('button-copy-link'), r.shareUrl);
  await ctx.reply(r.text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

/** /remind <name>, the Remind buttons under /dues, and /shopname <name>. */
export function remindFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

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
