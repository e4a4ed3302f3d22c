import { InvalidAmount } from '../../src/domain/errors.js';
import { parseAmount } from '../../src/domain/money.js';
import { asciiDigits } from './digits.js';

export const AMOUNT_LOOKS_LIKE = 'An amount looks like 500, 1,250.50, ₹1,25,000 or ৫০০: more than 0, at most 2 decimals.';

// Currency marks are dropped, never converted: the merchant's book is in one currency.
const CURRENCY_WORDS = new Set(['rs', 'rs.', 'inr', 'tk', 'tk.', 'bdt', 'usd', 'taka', 'rupee', 'rupees', 'টাকা', 'টা', 'रु', 'रु.', 'रुपये', 'रुपया']);
const CURRENCY_SYMBOLS = /^[₹৳$€£]+|[₹৳$€£]+$/g;
const CURRENCY_AFFIX = /^(rs\.?|tk\.?|inr|bdt)(?=\d)|(?<=\d)(rs\.?|tk\.?|\/-|taka)$/i;
// Grouping commas in valid groups only: western 1,250,000 or lakh 1,25,000; "12,50" is not one.
const WESTERN = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const LAKH = /^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/;
// What a person meant as an amount, even when malformed ("-5", "12abc", "₹x"): starts with a sign, a dot or a digit.
const ATTEMPT = /^[-+.,]?\d/;

export const isCurrencyWord = (token: string) => CURRENCY_WORDS.has(token.toLowerCase());

/** A token with its currency marks taken off, in ASCII digits. */
function bare(token: string): { text: string; marked: boolean } {
  const ascii = asciiDigits(token);
  const withoutSymbols = ascii.replace(CURRENCY_SYMBOLS, '');
  const text = withoutSymbols.replace(CURRENCY_AFFIX, '');
  return { text, marked: text !== ascii };
}

export type AmountToken =
  | { kind: 'amount'; minor: number }
  /** It was meant as an amount but is not a valid one. */
  | { kind: 'invalid'; token: string }
  | { kind: 'none' };

/** Reads one token as an amount in minor units: grouping commas, currency marks and native digits allowed. */
export function readAmountToken(token: string): AmountToken {
  const { text, marked } = bare(token);
  if (!ATTEMPT.test(text)) return marked && text === '' ? { kind: 'none' } : marked ? { kind: 'invalid', token } : { kind: 'none' };
  const plain = WESTERN.test(text) || LAKH.test(text) ? text.replaceAll(',', '') : text;
  try {
    return { kind: 'amount', minor: parseAmount(plain) };
  } catch (error) {
    if (error instanceof InvalidAmount) return { kind: 'invalid', token };
    throw error;
  }
}

/** True when a token is nothing but a group of digits ("000", "25"): it may continue an amount written with spaces. */
const digitGroup = (token: string, length: number) => new RegExp(`^\\d{${length}}$`).test(asciiDigits(token));

export type AmountReading = { minor: number; tokens: number };

/**
 * The amounts that can be read at tokens[at]: a currency word before or after the number is part of
 * it, and digits written in space-separated groups ("1 000", "1 25 000") are read both as one number
 * and as the first group alone, since either could be meant. Empty when no amount starts here.
 */
export function amountsAt(tokens: readonly string[], at: number): { readings: AmountReading[]; invalid: string | null } {
  let start = at;
  const first = tokens[at];
  if (first !== undefined && isCurrencyWord(first)) start = at + 1;
  const token = tokens[start];
  if (token === undefined) return { readings: [], invalid: null };
  const read = readAmountToken(token);
  if (read.kind === 'invalid') return { readings: [], invalid: read.token };
  if (read.kind === 'none') return { readings: [], invalid: null };
  const withTrailingCurrency = (end: number) => (tokens[end] !== undefined && isCurrencyWord(tokens[end] ?? '') && start === at ? end + 1 : end);
  const readings: AmountReading[] = [{ minor: read.minor, tokens: withTrailingCurrency(start + 1) - at }];
  // Space-grouped digits: a first group of 1-3 digits, then groups of 3 (western, "1 250 000") or
  // groups of 2 ending in one of 3 (lakh, "1 25 000"). Each complete grouping is one more reading.
  let digits = asciiDigits(token);
  if (/^\d{1,3}$/.test(digits)) {
    let lakh = false;
    let sawThree = false;
    for (let i = start + 1; i < tokens.length; i++) {
      const group = tokens[i] ?? '';
      if (digitGroup(group, 2) && !sawThree) {
        lakh = true;
        digits += asciiDigits(group);
        continue;
      }
      sawThree = true;
      if (!digitGroup(group, 3)) break;
      digits += asciiDigits(group);
      const whole = readAmountToken(digits);
      if (whole.kind === 'amount') readings.push({ minor: whole.minor, tokens: withTrailingCurrency(i + 1) - at });
      if (lakh) break;
    }
  }
  return { readings, invalid: null };
}

/** Parses a lone amount token (the /credit amount as a button carries it), refusing anything else. */
export function parseChatAmount(token: string): number {
  const read = readAmountToken(token);
  if (read.kind !== 'amount') throw new InvalidAmount(AMOUNT_LOOKS_LIKE);
  return read.minor;
}

/** True when a token could be the start of an amount someone meant (used to tell "not an amount" from "usage"). */
export function looksLikeAmount(token: string): boolean {
  const { text, marked } = bare(token);
  return marked || ATTEMPT.test(text);
}
