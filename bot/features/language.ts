import { type Composer, InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { InvalidInput } from '../../src/domain/errors.js';
import { isLanguage, type Digits, type Language } from '../../src/render/local-format.js';
import { actorOf, type BotContext } from '../context.js';
import { digitsButton, languageButton } from '../keyboards/language-buttons.js';
import { useStyle } from '../middlewares/style.js';

/** Each language by its own name, as the buttons show it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', bn: 'বাংলা', hi: 'हिन्दी' };
const NATIVE_SAMPLE: Record<Language, string> = { en: '123', bn: '১২৩', hi: '१२३' };

function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const language of Object.keys(LANGUAGE_NAMES).filter(isLanguage)) {
    keyboard.text(`${language === ctx.style.language ? '✓ ' : ''}${LANGUAGE_NAMES[language]}`, languageButton.pack({ language }));
  }
  keyboard.row();
  if (ctx.style.language !== 'en') {
    const mark = (d: Digits) => (d === ctx.style.digits ? '✓ ' : '');
    keyboard.text(`${mark('latin')}123`, digitsButton.pack({ digits: 'latin' })).text(`${mark('native')}${NATIVE_SAMPLE[ctx.style.language]}`, digitsButton.pack({ digits: 'native' }));
  }
  return keyboard;
}

/** Switches this update's replies to the chat's new choice, so the answer is already in it. */
function restyle(ctx: BotContext, change: { language?: Language; digits?: Digits }): void {
  const language = change.language ?? ctx.style.language;
  const digits = change.digits ?? (change.language ? (language === 'bn' ? 'native' : 'latin') : ctx.style.digits);
  ctx.i18n.useLocale(language);
  useStyle(ctx, { ...ctx.style, language, digits });
}

/** /language (buttons, or /language bn) and /currency BDT: how this chat reads money and words. */
export function languageFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('language', async (ctx) => {
    const asked = ctx.match.trim().toLowerCase();
    const chatId = String(ctx.chat.id);
    if (isLanguage(asked)) {
      await ctx.state.chatSettings.setLanguage(chatId, asked);
      restyle(ctx, { language: asked });
      return void (await ctx.reply(ctx.t('language-set', { language: LANGUAGE_NAMES[asked] }), { reply_markup: languageKeyboard(ctx) }));
    }
    await ctx.reply(ctx.t('language-choose', { language: LANGUAGE_NAMES[ctx.style.language] }), { reply_markup: languageKeyboard(ctx) });
  });

  feature.callbackQuery(languageButton.filter(), async (ctx) => {
    const { language } = languageButton.read(ctx.callbackQuery.data);
    await ctx.state.chatSettings.setLanguage(String(ctx.chat?.id ?? ctx.from.id), language);
    restyle(ctx, { language });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('language-set', { language: LANGUAGE_NAMES[language] }), { reply_markup: languageKeyboard(ctx) });
  });

  feature.callbackQuery(digitsButton.filter(), async (ctx) => {
    const { digits } = digitsButton.read(ctx.callbackQuery.data);
    await ctx.state.chatSettings.setDigits(String(ctx.chat?.id ?? ctx.from.id), digits);
    restyle(ctx, { digits });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('digits-set', { sample: ctx.money(12500000) }), { reply_markup: languageKeyboard(ctx) });
  });

  feature.command('currency', async (ctx) => {
    const actor = actorOf(ctx);
    const asked = ctx.match.trim();
    if (!asked) {
      const me = await ctx.services.auth.me(actor);
      return void (await ctx.reply(me.currency ? ctx.t('currency-is', { currency: me.currency, sample: ctx.money(12500000) }) : ctx.t('currency-none')));
    }
    const clear = ['none', 'off', '-'].includes(asked.toLowerCase());
    try {
      const me = await ctx.services.auth.updateProfile(actor, { currency: clear ? null : asked });
      useStyle(ctx, { ...ctx.style, currency: me.currency });
      await ctx.reply(me.currency ? ctx.t('currency-set', { currency: me.currency, sample: ctx.money(12500000) }) : ctx.t('currency-cleared', { sample: ctx.money(12500000) }));
    } catch (error) {
      if (error instanceof InvalidInput) return void (await ctx.reply(ctx.t('currency-invalid')));
      throw error;
    }
  });

  return feature;
}
