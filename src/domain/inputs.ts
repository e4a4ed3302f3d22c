import { z } from 'zod';
import { ENTRY_TYPES } from './entities/index.js';
import { AMOUNT_HINT } from './money.js';

// Control characters (Unicode Cc) have no place in names or notes (newlines and tabs aside in free text).
// No regex flags here: the OpenAPI generator copies flags into the pattern text.
const NO_CONTROL = /^[^\x00-\x1f\x7f-\x9f]*$/;
const NO_CONTROL_EXCEPT_LINES = /^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$/;
const USERNAME = /^[\p{L}\p{N}@.+\-_]+$/u;
// Half of a surrogate pair alone is not text: it cannot be stored as UTF-8, and PostgreSQL's json type
// refuses the \ud800 escape JSON.stringify writes for it (an idempotent reply would fail to store).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WELL_FORMED = 'must be valid Unicode text (no unpaired surrogates)';
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && value >= '1900-01-01';
  }, 'must be a real calendar date (YYYY-MM-DD, from 1900)');

export const usernameSchema = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(150, 'must be at most 150 characters')
  // Unicode letters and digits, as Django allowed; checked in code because the pattern needs the u flag.
  .refine((value) => USERNAME.test(value), 'may contain only letters, digits and @ . + - _')
  .meta({ pattern: USERNAME.source, example: 'corner-shop' });

export const credentialsSchema = z
  .object({
    username: usernameSchema,
    password: z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters'),
  })
  .meta({ id: 'Registration', example: { username: 'corner-shop', password: 's3cret-pass' } });

export const loginSchema = z
  .object({
    // No control characters: PostgreSQL refuses a NUL byte in a query parameter.
    username: z.string().max(150).regex(NO_CONTROL, 'may not contain control characters').refine(isWellFormed, WELL_FORMED),
    password: z.string().max(128),
  })
  .meta({ id: 'Login', example: { username: 'corner-shop', password: 's3cret-pass' } });

const customerName = z
  .string()
  .trim()
  .min(1, 'may not be blank')
  .max(100, 'must be at most 100 characters')
  .regex(NO_CONTROL, 'may not contain control characters')
  .refine(isWellFormed, WELL_FORMED);
const phone = z
  .string()
  .trim()
  .max(20, 'must be at most 20 characters')
  .regex(/^[0-9+()\-.\s]*$/, 'may contain only digits, spaces and + ( ) - .');
const address = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .regex(NO_CONTROL_EXCEPT_LINES, 'may not contain control characters')
  .refine(isWellFormed, WELL_FORMED);

// null is accepted for the optional text fields and stored as "" (as the old app did with blank fields).
const optionalText = <S extends z.ZodType<string>>(schema: S) =>
  z.union([schema, z.null().transform(() => '')]).optional();

export const customerCreateSchema = z
  .object({
    name: customerName,
    phone: optionalText(phone),
    address: optionalText(address),
  })
  .meta({ id: 'CustomerInput', example: { name: 'Alice', phone: '+1 555 0100', address: '12 Market St' } });

export const customerPatchSchema = z
  .object({
    name: customerName.optional(),
    phone: optionalText(phone),
    address: optionalText(address),
  })
  .meta({ id: 'CustomerPatch', example: { address: '14 Market St' } });

export const entryTypeSchema = z.enum(ENTRY_TYPES, 'must be "credit" or "debit"');

export const noteSchema = z
  .string()
  .max(500, 'must be at most 500 characters')
  .regex(NO_CONTROL_EXCEPT_LINES, 'may not contain control characters')
  .refine(isWellFormed, WELL_FORMED);

export const entryCreateSchema = z
  .object({
    type: entryTypeSchema.meta({ description: 'credit: you gave (the customer owes you); debit: you got (payment received)' }),
    // Checked strictly by the money module (parseAmount) after this shape check.
    amount: z.union([z.string(), z.number()], AMOUNT_HINT).meta({
      description: `Decimal string or number: ${AMOUNT_HINT}, at most 999999999999.99`,
      example: '5000.00',
    }),
    note: z.union([noteSchema, z.null().transform(() => '')]).optional(),
    entry_date: isoDate.optional().meta({ description: 'YYYY-MM-DD; defaults to today in UTC' }),
  })
  .meta({ id: 'EntryInput', example: { type: 'credit', amount: '5000.00', note: 'rice and oil', entry_date: '2026-11-24' } });

export const reverseBodySchema = z
  .object({ note: noteSchema.optional() })
  .meta({ id: 'ReverseInput', example: { note: 'entered twice' } });

export const reverseSchema = reverseBodySchema.optional().transform((value) => value ?? {});

export const limitSchema = z
  .string()
  .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'));

export const pageSchema = z.object({
  limit: z.union([limitSchema, z.number().int().min(1).max(1000)]).default(100),
  cursor: z.string().max(200).optional(),
});

export const customerListSchema = pageSchema.extend({
  search: z.string().trim().max(100).regex(NO_CONTROL, 'may not contain control characters').refine(isWellFormed, WELL_FORMED).optional(),
});

export const entryListSchema = pageSchema
  .extend({
    type: entryTypeSchema.optional(),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
  })
  .refine((f) => !f.start_date || !f.end_date || f.start_date <= f.end_date, {
    message: 'must be on or after start_date',
    path: ['end_date'],
  });

export const idempotencyKeySchema = z
  .string()
  .min(1, 'may not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerPatchInput = z.input<typeof customerPatchSchema>;
export type EntryCreateInput = z.input<typeof entryCreateSchema>;
