import { z } from 'zod';
import { InvalidAmount } from '../src/domain/errors.js';
import { parseAmount } from '../src/domain/money.js';
import { UsageError } from './errors.js';

export const AMOUNT_LOOKS_LIKE = 'An amount looks like 500, 500.5 or 1,250.50: more than 0, at most 2 decimals.';

// Starts like a number: the token the user meant as the amount, even when it is malformed ("-5", "12abc").
const AMOUNT_LIKE = /^[-+]?[.,]?\d/;
// Thousands separators in valid groups only: "1,250.50" yes, "12,50" no.
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PHONE = /^\+?[\d()\-.]{5,20}$/;
const OPENING_QUOTES = new Set(['"', '“', '«']);
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '«': '»' };

/** Parses a chat amount into minor units: grouping commas are dropped, then the strict money rules apply. */
export function parseChatAmount(token: string): number {
  const plain = GROUPED.test(token) ? token.replaceAll(',', '') : token;
  try {
    return parseAmount(plain);
  } catch (error) {
    if (error instanceof InvalidAmount) throw new UsageError(`"${token}" is not an amount. ${AMOUNT_LOOKS_LIKE}`);
    throw error;
  }
}

/** Splits off a leading "quoted name"; returns null when the text does not start with a quote. */
function quotedName(text: string): { name: string; rest: string } | null {
  const open = text[0];
  if (open === undefined || !OPENING_QUOTES.has(open)) return null;
  const close = CLOSING_QUOTE[open] ?? '"';
  const end = text.indexOf(close, 1);
  if (end < 0) throw new UsageError(`The name starting with ${open} has no closing ${close}.`);
  return { name: text.slice(1, end).trim(), rest: text.slice(end + 1).trim() };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export type EntryArgs = { name: string; amount: number; note: string };

/**
 * `<name> <amount> [note]`: names may have spaces, so the amount is the first token after the name
 * that reads as a number; a "quoted name" may contain anything. The note is the rest of the line.
 */
export function parseEntryArgs(text: string, usage: string): EntryArgs {
  const input = text.trim();
  const quoted = quotedName(input);
  let name: string;
  let amountToken: string | undefined;
  let noteWords: string[];
  if (quoted) {
    const [first, ...rest] = words(quoted.rest);
    name = quoted.name;
    amountToken = first;
    noteWords = rest;
  } else {
    const tokens = words(input);
    const at = tokens.findIndex((t, i) => i > 0 && AMOUNT_LIKE.test(t));
    name = tokens.slice(0, at < 0 ? tokens.length : at).join(' ');
    amountToken = at < 0 ? undefined : tokens[at];
    noteWords = at < 0 ? [] : tokens.slice(at + 1);
  }
  if (!name || amountToken === undefined) throw new UsageError(`Usage: ${usage}`);
  return { name, amount: parseChatAmount(amountToken), note: noteWords.join(' ') };
}

export type AddArgs = { name: string; phone: string | undefined };

/** `<name> [phone]`: a last token that looks like a phone number is the phone. */
export function parseAddArgs(text: string, usage: string): AddArgs {
  const input = text.trim();
  const quoted = quotedName(input);
  if (quoted) {
    if (!quoted.name) throw new UsageError(`Usage: ${usage}`);
    return { name: quoted.name, phone: quoted.rest || undefined };
  }
  const tokens = words(input);
  const last = tokens.at(-1);
  const hasPhone = tokens.length > 1 && last !== undefined && PHONE.test(last) && /\d{5}/.test(last.replace(/\D/g, ''));
  const name = (hasPhone ? tokens.slice(0, -1) : tokens).join(' ');
  if (!name) throw new UsageError(`Usage: ${usage}`);
  return { name, phone: hasPhone ? last : undefined };
}

export const HISTORY_DEFAULT = 10;
export const HISTORY_MAX = 50;
const historyCount = z.coerce.number().int().min(1).max(HISTORY_MAX);

export type HistoryArgs = { name: string; count: number };

/** `<name> [n]`: a trailing whole number is the count. */
export function parseHistoryArgs(text: string, usage: string): HistoryArgs {
  const input = text.trim();
  const quoted = quotedName(input);
  const tokens = quoted ? words(quoted.rest) : words(input);
  const last = tokens.at(-1);
  const countGiven = last !== undefined && /^\d+$/.test(last) && (quoted !== null || tokens.length > 1);
  const name = quoted ? quoted.name : (countGiven ? tokens.slice(0, -1) : tokens).join(' ');
  if (!name || (quoted && tokens.length > (countGiven ? 1 : 0))) throw new UsageError(`Usage: ${usage}`);
  if (!countGiven) return { name, count: HISTORY_DEFAULT };
  const count = historyCount.safeParse(last);
  if (!count.success) throw new UsageError(`The number of entries must be from 1 to ${HISTORY_MAX}.`);
  return { name, count: count.data };
}

/** A name argument on its own, quotes optional. */
export function parseName(text: string): string {
  const input = text.trim();
  return quotedName(input)?.name ?? words(input).join(' ');
}
