import { InvalidAmount } from './errors.js';

/** Largest single amount accepted: 999,999,999,999.99 in minor units (cents). */
export const MAX_AMOUNT_MINOR = 99_999_999_999_999;

// Digits with an optional 1-2 digit fraction; no sign, exponent, spaces or leading zeros.
const DECIMAL = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/;

export const AMOUNT_HINT = 'a positive amount with at most 2 decimals, e.g. 500 or 12.50';

/**
 * Parses a JSON number or string into integer minor units, strictly.
 * Numbers go through their shortest decimal form, so 0.1 is 10 but 1.005 is refused.
 */
export function parseAmount(input: unknown): number {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InvalidAmount(AMOUNT_HINT);
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    throw new InvalidAmount(AMOUNT_HINT);
  }
  const match = DECIMAL.exec(text);
  if (!match) throw new InvalidAmount(AMOUNT_HINT);
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const minor = whole * 100 + fraction;
  if (minor <= 0) throw new InvalidAmount('the amount must be greater than 0');
  if (minor > MAX_AMOUNT_MINOR) throw new InvalidAmount('the amount must be at most 999999999999.99');
  return minor;
}

/** Formats minor units as an exact decimal string: 500000 -> "5000.00", -5 -> "-0.05". */
export function formatMinor(minor: number | bigint): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** An amount already in minor units (a typed command's): a whole number from 1 to MAX_AMOUNT_MINOR. */
export function checkAmountMinor(minor: number): number {
  if (!Number.isSafeInteger(minor)) throw new InvalidAmount(AMOUNT_HINT);
  if (minor <= 0) throw new InvalidAmount('the amount must be greater than 0');
  if (minor > MAX_AMOUNT_MINOR) throw new InvalidAmount('the amount must be at most 999999999999.99');
  return minor;
}

/**
 * Running totals (a customer's, and a merchant's over all its customers) stay at or below 2^53 - 1
 * minor units, so every total is an exact JS number on every driver (about 90 trillion in major units:
 * far beyond any small merchant).
 */
export const MAX_TOTAL_MINOR = Number.MAX_SAFE_INTEGER;
