import type { EntryType } from '../src/domain/ledger/ledger-entry.entity.js';
import { formatCount, type LocalStyle } from '../src/render/local-format.js';
import type { BotContext } from './context.js';
import { isCurrencyWord, looksLikeAmount } from './parse/amount.js';
import { readDateToken } from './parse/date.js';
import { words } from './parse/line.js';

type T = Pick<BotContext, 't' | 'money'>;

/** An entry's date in a reply: YYYY-MM-DD in English (as it is typed), the reader's own form elsewhere. */
export const entryDay = (ctx: Pick<BotContext, 'style' | 'date'>, isoDate: string) => (ctx.style.language === 'en' ? isoDate : ctx.date(isoDate));

/** "credit 500.00 (you gave)" */
export const entryWhat = (ctx: T, type: EntryType, amount: number) => ctx.t(type === 'credit' ? 'entry-credit' : 'entry-debit', { amount: ctx.money(amount) });

/** "credit 500.00" */
export const entryShort = (ctx: T, type: EntryType, amount: number) =>
  ctx.t(type === 'credit' ? 'entry-credit-short' : 'entry-debit-short', { amount: ctx.money(amount) });

/** "Alice owes you 300.00." / "You owe Alice 20.00." / "Alice is settled up (0.00)." */
export function balanceSentence(ctx: T, name: string, balance: number | bigint): string {
  if (balance > 0) return ctx.t('balance-owes-you', { name, amount: ctx.money(balance) });
  if (balance < 0) return ctx.t('balance-you-owe', { name, amount: ctx.money(-BigInt(balance)) });
  return ctx.t('balance-settled', { name });
}

/**
 * How to write a customer's name in a command so that it reads back as exactly that name: in quotes
 * when a word of it could be read as an amount, a currency or a date.
 */
export function nameInCommand(name: string): string {
  const tricky = words(name).some((w) => looksLikeAmount(w) || isCurrencyWord(w) || readDateToken(w, '2000-01-01').kind !== 'none');
  if (!tricky && !/["“”«»„]/.test(name)) return name;
  return name.includes('"') ? `“${name}”` : `"${name}"`;
}

/** The hint after adding a customer: a command that, sent as it is, posts 500 to that customer (in the chat's digits). */
export const creditHint = (name: string, style: Pick<LocalStyle, 'language' | 'digits'>) => `/credit ${nameInCommand(name)} ${formatCount(500, style)}`;
