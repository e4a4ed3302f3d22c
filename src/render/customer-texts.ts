import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { defaultDigits, formatLocalDate, moneyFor, type LocalStyle } from './local-format.js';

/** The languages customers can read their side of the book in (src/locales/<language>.ftl). */
export const CUSTOMER_LANGUAGES = ['en', 'bn', 'hi'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

/** What each language is called in itself (language switches, language buttons). */
export const LANGUAGE_NAMES: Record<CustomerLanguage, string> = { en: 'English', bn: 'বাংলা', hi: 'हिन्दी' };

const isLanguage = (value: string): value is CustomerLanguage => CUSTOMER_LANGUAGES.some((l) => l === value);

/** The first of these (a chat's language, ?lang=, Accept-Language) that we have, else English. */
export function customerLanguage(...candidates: Array<string | null | undefined>): CustomerLanguage {
  for (const c of candidates) {
    const base = c?.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

const bundles = new Map<CustomerLanguage, FluentBundle>();

function bundle(language: CustomerLanguage): FluentBundle {
  const known = bundles.get(language);
  if (known) return known;
  const made = new FluentBundle(language, { useIsolating: false });
  const errors = made.addResource(new FluentResource(readFileSync(fileURLToPath(new URL(`../locales/${language}.ftl`, import.meta.url)), 'utf8')));
  if (errors.length > 0) throw new Error(`src/locales/${language}.ftl: ${errors.map(String).join('; ')}`);
  bundles.set(language, made);
  return made;
}

/** A customer-facing text (src/locales/<language>.ftl); a missing key is a fault, not a blank. */
export function customerText(language: CustomerLanguage, key: string, vars: Record<string, FluentVariable> = {}): string {
  const b = bundle(language);
  const message = b.getMessage(key);
  if (!message?.value) throw new Error(`no customer text "${key}" in ${language}`);
  const errors: Error[] = [];
  const text = b.formatPattern(message.value, vars, errors);
  if (errors.length > 0) throw new Error(`customer text "${key}" (${language}): ${errors.map(String).join('; ')}`);
  return text;
}

/** The balance as the customer reads it: what they owe the shop, what the shop owes them, or settled. */
export function balanceForCustomer(language: CustomerLanguage, shop: string, balance: number, money: (minor: number) => string): string {
  if (balance > 0) return customerText(language, 'you-owe', { shop, amount: money(balance) });
  if (balance < 0) return customerText(language, 'shop-owes-you', { shop, amount: money(-balance) });
  return customerText(language, 'all-settled', { shop });
}

/** How a customer reads money and dates: their language's own digits, the merchant's currency. */
export const customerStyle = (language: CustomerLanguage, currency: string | null = null): LocalStyle => ({ language, currency, digits: defaultDigits(language) });

/** Money and dates for one customer, ready to pass to customerText. */
export function customerFormat(language: CustomerLanguage, currency: string | null = null) {
  const style = customerStyle(language, currency);
  return { style, money: moneyFor(style), date: (isoDate: string) => formatLocalDate(isoDate, style) };
}
