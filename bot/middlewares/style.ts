import { FluentNumber, type FluentVariable } from '@fluent/bundle';
import type { MiddlewareFn } from 'grammy';
import { defaultDigits, formatLocalDate, isLanguage, moneyFor, type Language, type LocalStyle } from '../../src/render/local-format.js';
import type { BotContext } from '../context.js';

/** A Telegram user's language_code (`bn`, `hi-IN`, `en-GB`) as one of ours, else English. */
export function telegramLanguage(code: string | undefined): Language {
  const base = code?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(base) ? base : 'en';
}

const NUMBERING = { en: 'latn', bn: 'beng', hi: 'deva' } as const;

/** Sets the chat's style on the context: its money, its dates, and the digits Fluent writes counts in. */
export function useStyle(ctx: BotContext, style: LocalStyle): void {
  ctx.style = style;
  ctx.money = moneyFor(style);
  ctx.date = (isoDate) => formatLocalDate(isoDate, style);
  const numberingSystem = style.digits === 'native' ? NUMBERING[style.language] : 'latn';
  const translate = ctx.translate;
  // Fluent writes numbers in its bundle's locale (Bengali digits for bn): every count follows the chat's choice.
  ctx.t = ctx.translate = (key, variables) => {
    if (!variables) return translate(key);
    const withDigits: Record<string, FluentVariable> = {};
    for (const [name, value] of Object.entries<FluentVariable>(variables)) withDigits[name] = typeof value === 'number' ? new FluentNumber(value, { numberingSystem }) : value;
    return translate(key, withDigits);
  };
}

/**
 * Reads what the chat chose (language, digits) and its merchant's currency, then answers in it:
 * a chat that never chose speaks its user's Telegram language when it is one of ours.
 */
export const loadStyle: MiddlewareFn<BotContext> = async (ctx, next) => {
  const saved = ctx.chat ? await ctx.state.chatSettings.styleOf(String(ctx.chat.id), ctx.actor?.ownerId ?? null) : { language: null, digits: null, currency: null };
  const language = saved.language !== null && isLanguage(saved.language) ? saved.language : telegramLanguage(ctx.from?.language_code);
  const digits = saved.digits === 'latin' || saved.digits === 'native' ? saved.digits : defaultDigits(language);
  useStyle(ctx, { language, currency: saved.currency, digits });
  ctx.i18n.useLocale(language);
  return next();
};
