import { UsageError } from '../errors.js';
import { amountsAt, isCurrencyWord, looksLikeAmount, readAmountToken } from './amount.js';
import { readDateToken } from './date.js';
import { asciiDigits } from './digits.js';

const OPENING_QUOTES = new Set(['"', '“', '«', '„']);
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };

export const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** A leading "quoted name" split off; null when the text does not start with a quote. */
export function quotedName(text: string): { name: string; rest: string } | null {
  const input = text.trim();
  const open = input[0];
  if (open === undefined || !OPENING_QUOTES.has(open)) return null;
  const close = CLOSING_QUOTE[open] ?? '"';
  const end = input.indexOf(close, 1);
  if (end < 0) throw new UsageError('name-unclosed', { open, close });
  return { name: input.slice(1, end).trim(), rest: input.slice(end + 1).trim() };
}

/** One way to read `<name> <amount> [date] [note]`. */
export type Reading = {
  name: string;
  /** How many words the name took (0 for a quoted name: it is fixed). */
  nameWords: number;
  amount: number;
  date: string | null;
  note: string;
  /** The note starts with a number: it may belong to the name or to the amount instead. */
  numberInNote: boolean;
};

export type LineRead = {
  quoted: boolean;
  readings: Reading[];
  /** A word meant as an amount or a date that is not one, when no reading could be made. */
  invalidAmount: string | null;
  invalidDate: string | null;
};

// A word that reads as an amount on its own: it could be the amount, or the end of the name.
const isNumberWord = (word: string) => readAmountToken(word).kind === 'amount' || /^\d+$/.test(asciiDigits(word));

/**
 * Every way the text reads as `<name> <amount> [date] [note]`: names may have spaces and digits, so
 * the name may end before any word that reads as an amount; amounts written in space-separated groups
 * read both ways. Which reading is meant is decided against the merchant's customers, or asked.
 */
export function readEntryLine(text: string, today: string): LineRead {
  const quoted = quotedName(text);
  const tokens = quoted ? words(quoted.rest) : words(text);
  const readings: Reading[] = [];
  let invalidAmount: string | null = null;
  let invalidDate: string | null = null;
  // A name never ends in a currency word: in "Mary Jane Rs 500" the "Rs" belongs to the amount.
  const starts = quoted ? [0] : tokens.map((_, i) => i).filter((i) => i > 0 && !isCurrencyWord(tokens[i - 1] ?? ''));
  for (const at of starts) {
    const { readings: amounts, invalid } = amountsAt(tokens, at);
    if (invalid && invalidAmount === null) invalidAmount = invalid;
    for (const amount of amounts) {
      let next = at + amount.tokens;
      const dateWord = tokens[next];
      const date = dateWord === undefined ? ({ kind: 'none' } as const) : readDateToken(dateWord, today);
      if (date.kind === 'invalid') {
        invalidDate ??= date.token;
        continue;
      }
      if (date.kind === 'date') next += 1;
      const rest = tokens.slice(next);
      readings.push({
        name: quoted ? quoted.name : tokens.slice(0, at).join(' '),
        nameWords: quoted ? 0 : at,
        amount: amount.minor,
        date: date.kind === 'date' ? date.iso : null,
        note: rest.join(' '),
        numberInNote: rest[0] !== undefined && isNumberWord(rest[0]),
      });
    }
  }
  if (quoted && !quoted.name) return { quoted: true, readings: [], invalidAmount, invalidDate };
  // A malformed amount right after the name ("Alice 12abc") is named even if the name could run on.
  if (readings.length === 0 && invalidAmount === null && invalidDate === null && !quoted) {
    const attempt = tokens.slice(1).find(looksLikeAmount);
    if (attempt) invalidAmount = attempt;
  }
  return { quoted: quoted !== null, readings, invalidAmount, invalidDate };
}

/** Trailing phone-like words (digits, spaces, + ( ) - ., at least 6 digits in all) are the phone: "Ramesh 98765 43210". */
export function readAddLine(text: string): { name: string; phone: string | undefined } {
  const quoted = quotedName(text);
  if (quoted) return { name: quoted.name, phone: quoted.rest || undefined };
  const tokens = words(text);
  let start = tokens.length;
  while (start > 1 && /^[\d+()\-.]+$/.test(asciiDigits(tokens[start - 1] ?? ''))) start -= 1;
  const phone = tokens.slice(start).join(' ');
  const digits = asciiDigits(phone).replace(/\D/g, '').length;
  if (start < tokens.length && digits >= 6) return { name: tokens.slice(0, start).join(' '), phone: asciiDigits(phone) };
  return { name: tokens.join(' '), phone: undefined };
}
