import { z } from 'zod';
import type { EntryListQuery, NewEntry } from '../domain/ledger/ledger.service.js';
import { ENTRY_TYPES } from '../domain/ledger/ledger-entry.entity.js';
import { AMOUNT_HINT, parseAmount } from '../domain/money.js';
import {
  addressRule,
  customerNameRule,
  currencyField,
  displayNameField,
  idempotencyKeyRule,
  isoDate,
  loginPasswordRule,
  loginUsernameRule,
  MAX_PAGE_SIZE,
  noteRule,
  passwordRule,
  phoneRule,
  searchRule,
  USERNAME_PATTERN,
  usernameRule,
} from '../domain/rules.js';

/**
 * Request shapes on the wire (snake_case, strings in query strings), built from the domain's field
 * rules, with the OpenAPI ids and examples the document shows. Routes parse with these, then hand
 * the domain a typed command.
 */

export const meChangeBody = z
  .object({
    display_name: displayNameField.optional().meta({ description: "The shop's name as customers see it (1-100 characters)" }),
    currency: currencyField.optional().meta({ description: 'ISO 4217 code amounts are shown with (null for none); nothing is ever converted' }),
  })
  .meta({ id: 'MeChange', example: { display_name: 'Corner Shop', currency: 'BDT' } });

export const shareLinkBody = z
  .object({ expires_in_days: z.number().int().min(1).max(3650).optional().meta({ description: 'The link stops working after this many days; without it, it works until revoked' }) })
  .meta({ id: 'ShareLinkInput', example: { expires_in_days: 30 } });

export const registrationBody = z
  .object({ username: usernameRule.meta({ pattern: USERNAME_PATTERN, example: 'corner-shop' }), password: passwordRule })
  .meta({ id: 'Registration', example: { username: 'corner-shop', password: 's3cret-pass' } });

export const loginBody = z
  .object({ username: loginUsernameRule, password: loginPasswordRule })
  .meta({ id: 'Login', example: { username: 'corner-shop', password: 's3cret-pass' } });

// null is accepted for the optional text fields and stored as "" (a blank field, as clients send it).
const optionalText = <S extends z.ZodType<string>>(schema: S) => z.union([schema, z.null().transform(() => '')]).optional();

export const customerCreateBody = z
  .object({ name: customerNameRule, phone: optionalText(phoneRule), address: optionalText(addressRule) })
  .meta({ id: 'CustomerInput', example: { name: 'Alice', phone: '+1 555 0100', address: '12 Market St' } });

export const customerPatchBody = z
  .object({ name: customerNameRule.optional(), phone: optionalText(phoneRule), address: optionalText(addressRule) })
  .meta({ id: 'CustomerPatch', example: { address: '14 Market St' } });

export const entryTypeField = z.enum(ENTRY_TYPES, 'must be "credit" or "debit"');

export const entryCreateBody = z
  .object({
    type: entryTypeField.meta({ description: 'credit: you gave (the customer owes you); debit: you got (payment received)' }),
    // Checked strictly by the money module (parseAmount) after this shape check.
    amount: z.union([z.string(), z.number()], AMOUNT_HINT).meta({
      description: `Decimal string or number: ${AMOUNT_HINT}, at most 999999999999.99`,
      example: '5000.00',
    }),
    note: z.union([noteRule, z.null().transform(() => '')]).optional(),
    entry_date: isoDate.optional().meta({ description: 'YYYY-MM-DD; defaults to today in UTC' }),
  })
  .meta({ id: 'EntryInput', example: { type: 'credit', amount: '5000.00', note: 'rice and oil', entry_date: '2026-11-24' } });

export const reverseBody = z.object({ note: noteRule.optional() }).meta({ id: 'ReverseInput', example: { note: 'entered twice' } });

const limitQuery = z
  .string()
  .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`));

const pageQuery = z.object({ limit: limitQuery.optional(), cursor: z.string().max(200).optional() });

export const customerListQuery = pageQuery.extend({ search: searchRule.optional() });

export const entryListQuery = pageQuery
  .extend({ type: entryTypeField.optional(), start_date: isoDate.optional(), end_date: isoDate.optional() })
  .refine((f) => !f.start_date || !f.end_date || f.start_date <= f.end_date, { message: 'must be on or after start_date', path: ['end_date'] });

export const idempotencyKeyHeader = idempotencyKeyRule;

/** The domain command for a parsed entry body; the amount is read strictly (400 invalid_amount). */
export function newEntryOf(body: z.output<typeof entryCreateBody>): NewEntry {
  return { type: body.type, amountMinor: parseAmount(body.amount), note: body.note, entryDate: body.entry_date };
}

export function entryQueryOf(query: z.output<typeof entryListQuery>): EntryListQuery {
  return { limit: query.limit, cursor: query.cursor, type: query.type, startDate: query.start_date, endDate: query.end_date };
}

const periodFields = { start_date: isoDate.optional(), end_date: isoDate.optional() };
const periodOrder = (f: { start_date?: string | undefined; end_date?: string | undefined }) => !f.start_date || !f.end_date || f.start_date <= f.end_date;

/** How a statement or a report is answered: JSON (default), CSV, or PDF (statements only). */
export const STATEMENT_FORMATS = ['json', 'csv', 'pdf'] as const;

export const statementQuery = pageQuery
  .extend({ ...periodFields, format: z.enum(STATEMENT_FORMATS).optional() })
  .refine(periodOrder, { message: 'must be on or after start_date', path: ['end_date'] });

export const chartQuery = z.object(periodFields).refine(periodOrder, { message: 'must be on or after start_date', path: ['end_date'] });

export const duesQuery = pageQuery.extend({ side: z.enum(['get', 'give']).optional(), format: z.enum(['json', 'csv']).optional() });
