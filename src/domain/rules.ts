import { z } from 'zod';
import { isCurrencyCode } from './currency.js';

/**
 * The per-field rules of the domain: what a name, a note, a date or a username may be. Services check
 * their commands against them; the HTTP wire schemas are built from the same rules, so both edges agree.
 * No regex flags here: the OpenAPI generator copies flags into the pattern text.
 */

// Control characters (Unicode Cc) have no place in names or notes (newlines and tabs aside in free text).
const NO_CONTROL = /^[^\x00-\x1f\x7f-\x9f]*$/;
const NO_CONTROL_EXCEPT_LINES = /^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$/;
const USERNAME = /^[\p{L}\p{N}@.+\-_]+$/u;
// Half of a surrogate pair alone is not text: it cannot be stored as UTF-8, and PostgreSQL's json type
// refuses the \ud800 escape JSON.stringify writes for it (an idempotent reply would fail to store).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WELL_FORMED = 'must be valid Unicode text (no unpaired surrogates)';
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);

export const USERNAME_PATTERN = USERNAME.source;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && value >= '1900-01-01';
  }, 'must be a real calendar date (YYYY-MM-DD, from 1900)');

export const usernameRule = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(150, 'must be at most 150 characters')
  // Unicode letters and digits; checked in code because the pattern needs the u flag.
  .refine((value) => USERNAME.test(value), 'may contain only letters, digits and @ . + - _');

export const passwordRule = z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters');

/**
 * Free text: no control characters (newlines and tabs allowed where `lines`), no half surrogate pairs,
 * at most `max` characters (after trimming, where `trim`).
 */
function text(options: { max: number; lines?: boolean; trim?: boolean; maxMessage?: boolean }) {
  const base = options.trim ? z.string().trim() : z.string();
  return base
    .max(options.max, options.maxMessage === false ? undefined : `must be at most ${options.max} characters`)
    .regex(options.lines ? NO_CONTROL_EXCEPT_LINES : NO_CONTROL, 'may not contain control characters')
    .refine(isWellFormed, WELL_FORMED);
}

// No control characters: PostgreSQL refuses a NUL byte in a query parameter.
export const loginUsernameRule = text({ max: 150, maxMessage: false });
export const loginPasswordRule = z.string().max(128);

// Stored composed (NFC): the same name typed on two keyboards is the same text.
export const customerNameRule = z
  .string()
  .trim()
  .min(1, 'may not be blank')
  .pipe(text({ max: 100 }))
  .transform((name) => name.normalize('NFC'));

export const phoneRule = z
  .string()
  .trim()
  .max(20, 'must be at most 20 characters')
  .regex(/^[0-9+()\-.\s]*$/, 'may contain only digits, spaces and + ( ) - .');

export const addressRule = text({ max: 500, lines: true, trim: true });
/** The shop's name as customers see it: 1-100 characters of text, one line. */
export const displayNameField = z.string().trim().min(1, 'may not be blank').pipe(text({ max: 100 })).transform((name) => name.normalize('NFC'));
/** An ISO 4217 code (any case: "bdt" is BDT), or null for plain numbers. */
export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'must be an ISO 4217 currency code, e.g. BDT, INR or USD')
  .nullable();
export const noteRule = text({ max: 500, lines: true });
export const searchRule = text({ max: 100, trim: true, maxMessage: false });

/** Page sizes: 100 by default, 1 to 1000. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const pageSizeRule = z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`);
export const cursorRule = z.string().max(200);

export const idempotencyKeyRule = z
  .string()
  .min(1, 'may not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII');
