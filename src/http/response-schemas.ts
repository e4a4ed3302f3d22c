import { z } from 'zod';
import { CHANNELS, ENTRY_TYPES } from '../domain/ledger/ledger-entry.entity.js';

/** Response shapes on the wire. Presenters are typed by these, and the OpenAPI document is built from them. */

const money = (example: string, description: string) =>
  z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: `${description} (exact decimal string)`, example });

/** Beside the amounts when the merchant set a currency (PATCH /api/auth/me/); amounts are never converted. */
const currency = z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: "The merchant's currency (ISO 4217), when set; the amounts are in it, unconverted", example: 'BDT' });

export const tokenResponse = z
  .object({ token: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'API token, shown once' }) })
  .meta({
    id: 'TokenResponse',
    example: { token: '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b3f1d8e9c2a6b1f1cbd1e2f3a' },
  });

export const meResponse = z
  .object({
    id: z.number().int(),
    username: z.string(),
    display_name: z.string().meta({ description: "The shop's name as customers see it (share pages, reminders, updates); the username until set" }),
    currency: z.string().nullable().meta({ description: 'ISO 4217 code the bot, share pages and statements show amounts with; null: plain numbers' }),
  })
  .meta({ id: 'Me', example: { id: 1, username: 'corner-shop', display_name: 'Corner Shop', currency: 'BDT' } });

export const totalsResponse = z
  .object({
    total_credit: money('5000.00', 'Sum of credit entries: what you gave'),
    total_debit: money('2000.00', 'Sum of debit entries: what you got'),
    balance: money('3000.00', 'total_credit - total_debit: what the customer owes you'),
    currency,
  })
  .meta({ id: 'Totals', example: { total_credit: '5000.00', total_debit: '2000.00', balance: '3000.00' } });

export const customerResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    phone: z.string(),
    address: z.string(),
    total_credit: money('5000.00', 'Sum of credit entries'),
    total_debit: money('2000.00', 'Sum of debit entries'),
    balance: money('3000.00', 'total_credit - total_debit'),
    currency,
  })
  .meta({
    id: 'Customer',
    example: {
      id: 1,
      name: 'Alice',
      phone: '+1 555 0100',
      address: '12 Market St',
      total_credit: '5000.00',
      total_debit: '2000.00',
      balance: '3000.00',
    },
  });

export const entryResponse = z
  .object({
    id: z.number().int(),
    customer: z.number().int(),
    type: z.enum(ENTRY_TYPES),
    amount: money('5000.00', 'Amount, always positive'),
    note: z.string(),
    entry_date: z.string().meta({ format: 'date', example: '2026-11-24' }),
    created_at: z.string().meta({ format: 'date-time', example: '2026-11-24T09:15:02.123Z' }),
    reverses: z.number().int().nullable().meta({ description: 'The entry this one reverses, if any' }),
    channel: z.enum(CHANNELS).meta({ description: 'Where the entry was made' }),
    currency,
  })
  .meta({
    id: 'Entry',
    example: {
      id: 1,
      customer: 1,
      type: 'credit',
      amount: '5000.00',
      note: 'rice and oil',
      entry_date: '2026-11-24',
      created_at: '2026-11-24T09:15:02.123Z',
      reverses: null,
      channel: 'api',
    },
  });

export const overallSummaryResponse = z
  .object({
    total_credit: money('15000.00', 'Sum over all active customers'),
    total_debit: money('4000.00', 'Sum over all active customers'),
    balance: money('11000.00', 'What all customers owe you together'),
    customer_count: z.number().int(),
    customers_owing: z.number().int().meta({ description: 'Customers with a positive balance' }),
    currency,
  })
  .meta({
    id: 'OverallSummary',
    example: { total_credit: '15000.00', total_debit: '4000.00', balance: '11000.00', customer_count: 3, customers_owing: 2 },
  });

export const errorResponse = z
  .object({
    error: z.string().meta({ description: 'Human-readable message' }),
    code: z.string().meta({ description: 'Stable machine code' }),
    fields: z.record(z.string(), z.string()).meta({ description: 'Message per invalid field' }),
  })
  .meta({
    id: 'Error',
    example: { error: 'Customer not found.', code: 'customer_not_found', fields: {} },
  });

const dependency = z.enum(['off', 'connecting', 'ok', 'failing']);

export const healthResponse = z
  .object({
    status: z.literal('ok'),
    database: z.literal('ok'),
    telegram: dependency.meta({ description: 'The Telegram bot: off (no token), connecting, ok, or failing (retrying with backoff)' }),
    redis: dependency.meta({ description: 'Shared rate-limit counters: off (in memory), connecting, ok, or failing (limits fail open)' }),
  })
  .meta({ id: 'Health', example: { status: 'ok', database: 'ok', telegram: 'ok', redis: 'off' } });

export const readyResponse = z
  .object({ status: z.enum(['ready', 'not_ready']), database: z.enum(['ok', 'failing']), telegram: dependency, redis: dependency })
  .meta({ id: 'Ready', example: { status: 'ready', database: 'ok', telegram: 'ok', redis: 'ok' } });

export type TokenResponse = z.infer<typeof tokenResponse>;
export type CustomerResponse = z.infer<typeof customerResponse>;
export type EntryResponse = z.infer<typeof entryResponse>;
export type TotalsResponse = z.infer<typeof totalsResponse>;
export type OverallSummaryResponse = z.infer<typeof overallSummaryResponse>;
export type ErrorResponse = z.infer<typeof errorResponse>;

export const linkCodeResponse = z
  .object({
    code: z.string().meta({ description: 'One-time code, valid for 10 minutes' }),
    url: z.string().meta({ description: 'Deep link that opens the bot and links the chat' }),
    expires_at: z.string().meta({ format: 'date-time' }),
  })
  .meta({
    id: 'LinkCode',
    example: {
      code: 'k3Jd8sQp2LmZ',
      url: 'https://t.me/mini_ledger_bot?start=k3Jd8sQp2LmZ',
      expires_at: '2026-11-24T09:25:00.000Z',
    },
  });

export const telegramLinkResponse = z
  .object({
    id: z.number().int(),
    chat_id: z.string(),
    chat_title: z.string(),
    created_at: z.string().meta({ format: 'date-time' }),
  })
  .meta({
    id: 'TelegramLink',
    example: { id: 1, chat_id: '123456789', chat_title: 'Sam', created_at: '2026-11-24T09:16:00.000Z' },
  });

export const statementEntryResponse = z
  .object({
    id: z.number().int(),
    entry_date: z.string().meta({ format: 'date', example: '2026-11-24' }),
    type: z.enum(ENTRY_TYPES),
    amount: money('5000.00', 'Amount, always positive'),
    note: z.string(),
    reverses: z.number().int().nullable().meta({ description: 'The entry this one reverses, if any' }),
    reversed_by: z.number().int().nullable().meta({ description: 'The reversal that undid this entry, if any' }),
    balance: money('3000.00', 'The running balance after this entry'),
  })
  .meta({ id: 'StatementEntry' });

export const statementResponse = z
  .object({
    customer: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }),
    start_date: z.string().meta({ format: 'date', example: '2026-11-01' }),
    end_date: z.string().meta({ format: 'date', example: '2026-11-30' }),
    opening_balance: money('1000.00', 'The balance of everything before start_date'),
    total_credit: money('5000.00', 'Credits in the period'),
    total_debit: money('2000.00', 'Debits in the period'),
    closing_balance: money('4000.00', 'opening_balance + total_credit - total_debit'),
    entries: z.array(statementEntryResponse),
    currency,
  })
  .meta({
    id: 'Statement',
    example: {
      customer: { id: 1, name: 'Alice', phone: '+91 98000 11111' },
      start_date: '2026-11-01',
      end_date: '2026-11-30',
      opening_balance: '1000.00',
      total_credit: '5000.00',
      total_debit: '2000.00',
      closing_balance: '4000.00',
      entries: [
        { id: 7, entry_date: '2026-11-03', type: 'credit', amount: '5000.00', note: 'rice and oil', reverses: null, reversed_by: null, balance: '6000.00' },
        { id: 9, entry_date: '2026-11-20', type: 'debit', amount: '2000.00', note: 'cash', reverses: null, reversed_by: null, balance: '4000.00' },
      ],
    },
  });

export const dueResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    phone: z.string(),
    balance: money('3000.00', 'What the customer owes (negative on the give side: what you owe them)'),
    last_entry_date: z.string().nullable().meta({ format: 'date' }),
    last_payment_date: z.string().nullable().meta({ format: 'date', description: 'The last payment that reduced this balance (none: null)' }),
    days_since_last_payment: z.number().int().nullable(),
    ageing: z
      .object({
        '0_30': money('1000.00', 'Owed from entries up to 30 days old'),
        '31_60': money('1500.00', '31 to 60 days old'),
        '61_90': money('0.00', '61 to 90 days old'),
        over_90: money('500.00', 'over 90 days old'),
      })
      .meta({ description: 'The balance by the age of the entries it comes from: payments settle the oldest first' }),
    currency,
  })
  .meta({
    id: 'Due',
    example: {
      id: 1,
      name: 'Alice',
      phone: '+91 98000 11111',
      balance: '3000.00',
      last_entry_date: '2026-11-28',
      last_payment_date: '2026-11-20',
      days_since_last_payment: 11,
      ageing: { '0_30': '1000.00', '31_60': '1500.00', '61_90': '0.00', over_90: '500.00' },
    },
  });

export const importResponse = z
  .object({ customers_created: z.number().int(), entries_imported: z.number().int() })
  .meta({ id: 'ImportResult', example: { customers_created: 2, entries_imported: 120 } });

export const importErrorsResponse = z
  .object({
    error: z.string(),
    code: z.literal('import_invalid'),
    fields: z.record(z.string(), z.string()),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), error: z.string() })),
  })
  .meta({
    id: 'ImportErrors',
    example: { error: '2 rows cannot be imported; nothing was imported.', code: 'import_invalid', fields: {}, errors: [{ row: 12, field: 'amount', error: 'a positive amount with at most 2 decimals, e.g. 500 or 12.50' }] },
  });

export type StatementResponse = z.infer<typeof statementResponse>;
export type StatementEntryResponse = z.infer<typeof statementEntryResponse>;
export type DueResponse = z.infer<typeof dueResponse>;
export type ImportResponse = z.infer<typeof importResponse>;
export type MeResponse = z.infer<typeof meResponse>;

export const shareLinkResponse = z
  .object({
    id: z.number().int(),
    url: z.string().meta({ description: 'The read-only page for this customer: PUBLIC_BASE_URL/s/<token>' }),
    created_at: z.string().meta({ format: 'date-time' }),
    expires_at: z.string().nullable().meta({ format: 'date-time', description: 'null: until revoked' }),
  })
  .meta({ id: 'ShareLink', example: { id: 1, url: 'https://ledger.example.com/s/3q2-7wJp0pQ5tq1R9fmb8PzvvdG8F3A9ySx2fW9N0xE', created_at: '2026-12-01T09:00:00.000Z', expires_at: null } });

export const reminderResponse = z
  .object({
    text: z.string().meta({ description: 'A ready message for the customer, with the link' }),
    share_url: z.string(),
    telegram_share_url: z.string().meta({ description: 'Opens Telegram to forward the message (t.me/share/url)' }),
    whatsapp_url: z.string().nullable().meta({ description: 'wa.me link to the customer\'s phone with the message; null without a phone' }),
  })
  .meta({
    id: 'Reminder',
    example: {
      text: 'Hi Alice, your balance with Corner Shop is 3,000.00 as of 1 Dec 2026. Statement: https://ledger.example.com/s/3q2-7wJp0pQ5tq1R9fmb8PzvvdG8F3A9ySx2fW9N0xE',
      share_url: 'https://ledger.example.com/s/3q2-7wJp0pQ5tq1R9fmb8PzvvdG8F3A9ySx2fW9N0xE',
      telegram_share_url: 'https://t.me/share/url?url=https%3A%2F%2Fledger.example.com%2Fs%2F3q2-7wJp0pQ5tq1R9fmb8PzvvdG8F3A9ySx2fW9N0xE&text=Hi%20Alice%2C%20your%20balance%20with%20Corner%20Shop%20is%203%2C000.00%20as%20of%201%20Dec%202026.',
      whatsapp_url: 'https://wa.me/919800011111?text=Hi%20Alice%2C%20your%20balance%20with%20Corner%20Shop%20is%203%2C000.00%20as%20of%201%20Dec%202026.%20Statement%3A%20https%3A%2F%2Fledger.example.com%2Fs%2F3q2-7wJp0pQ5tq1R9fmb8PzvvdG8F3A9ySx2fW9N0xE',
    },
  });

export const subscriberResponse = z
  .object({ id: z.number().int(), chat_title: z.string(), language: z.string(), created_at: z.string().meta({ format: 'date-time' }) })
  .meta({ id: 'Subscriber', example: { id: 1, chat_title: 'Alice', language: 'en', created_at: '2026-12-01T09:05:00.000Z' } });

export type ShareLinkResponse = z.infer<typeof shareLinkResponse>;
export type ReminderResponse = z.infer<typeof reminderResponse>;
export type SubscriberResponse = z.infer<typeof subscriberResponse>;
