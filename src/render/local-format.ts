import { formatMinor } from '../domain/money.js';
import { formatIsoDate } from './format.js';

/** The languages the product speaks (the bot, and what customers read). */
export const LANGUAGES = ['en', 'bn', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Latin digits (0-9) or the language's own (০-৯, ०-९). */
export type Digits = 'latin' | 'native';

/** How money and dates are shown to one reader: their language, the merchant's currency, their digits. */
export type LocalStyle = { language: Language; currency: string | null; digits: Digits };

export const isLanguage = (value: string): value is Language => LANGUAGES.some((l) => l === value);

/** The digits a language shows unless its reader chose: Bengali its own, Hindi and English Latin. */
export const defaultDigits = (language: Language): Digits => (language === 'bn' ? 'native' : 'latin');

const NATIVE: Record<Language, string> = { en: 'latn', bn: 'beng', hi: 'deva' };

/**
 * The locale Intl formats with. Bengali and Hindi group by lakh and crore (12,50,000); English does
 * when the money is rupees or taka, else by thousands, as the replies always have.
 */
function localeOf(style: LocalStyle): string {
  const base = style.language === 'bn' ? 'bn-BD' : style.language === 'hi' ? 'hi-IN' : style.currency === 'INR' || style.currency === 'BDT' ? 'en-IN' : 'en-US';
  return `${base}-u-nu-${style.digits === 'native' ? NATIVE[style.language] : 'latn'}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(style: LocalStyle): Intl.NumberFormat {
  const key = `${localeOf(style)}|${style.currency ?? ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(style), {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      ...(style.currency ? { style: 'currency', currency: style.currency, currencyDisplay: 'narrowSymbol' } : {}),
    });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * Minor units as the reader counts them: `৳১২,৫০,০০০.০০`, `₹12,50,000.00`, `$1,250,000.00`, or
 * `1,250,000.00` without a currency. Exact: Intl is given the decimal string, never a float.
 * Always two decimals (the ledger's minor unit is a hundredth, whatever the currency).
 */
export function formatMoney(minor: number | bigint, style: LocalStyle): string {
  // Intl formats a decimal string exactly: no float on the way.
  const f = numberFormat(style);
  if (style.language !== 'bn' || !style.currency) return f.format(decimal(minor));
  // CLDR puts Bengali's symbol after the number; shops write it first (৳১,২৫,০০০.০০), as the issue asks.
  const parts = f.formatToParts(decimal(minor));
  const sign = parts.filter((p) => p.type === 'minusSign').map((p) => p.value).join('');
  const symbol = parts.filter((p) => p.type === 'currency').map((p) => p.value).join('');
  const number = parts.filter((p) => !['minusSign', 'currency', 'literal'].includes(p.type)).map((p) => p.value).join('');
  return `${sign}${symbol}${number}`;
}

const isDecimal = (text: string): text is `${number}` => /^-?\d+\.\d{2}$/.test(text);

/** formatMinor's exact decimal, typed as the numeric string Intl takes. */
function decimal(minor: number | bigint): `${number}` {
  const text = formatMinor(minor);
  if (!isDecimal(text)) throw new RangeError(`not an amount: ${text}`);
  return text;
}

/** A money formatter for one reader. */
export const moneyFor = (style: LocalStyle) => (minor: number | bigint) => formatMoney(minor, style);

/** "2026-12-01" as the reader writes dates: "1 Dec 2026", "১ ডিসে, ২০২৬", "1 दिस॰ 2026" (English as it always was). */
export function formatLocalDate(isoDate: string, style: Pick<LocalStyle, 'language' | 'digits'>): string {
  if (style.language === 'en') return formatIsoDate(isoDate);
  const locale = localeOf({ ...style, currency: null });
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return f.format(date);
}

/** Every ISO 4217 code this runtime can format. */
export const isCurrency = (code: string): boolean => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);

const countFormats = new Map<string, Intl.NumberFormat>();

/** A whole number (an entry id, a page number) in the reader's digits, ungrouped: "#১২৩৪", "#1234". */
export function formatCount(value: number, style: Pick<LocalStyle, 'language' | 'digits'>): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number: ${value}`);
  const locale = localeOf({ ...style, currency: null });
  let f = countFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
    countFormats.set(locale, f);
  }
  return f.format(value);
}
