import { JSON_BODY_LIMIT_TEXT } from './limits.js';
import { DATABASE_UNAVAILABLE } from './errors.js';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { langParam } from './statement.routes.js';
import {
  customerCreateBody,
  customerListQuery,
  customerPatchBody,
  entryCreateBody,
  entryListQuery,
  idempotencyKeyHeader,
  loginBody,
  registrationBody,
  reverseBody,
  chartQuery,
  duesQuery,
  meChangeBody,
  shareLinkBody,
  statementQuery,
} from './request-schemas.js';
import {
  customerResponse,
  entryResponse,
  errorResponse,
  healthResponse,
  readyResponse,
  linkCodeResponse,
  meResponse,
  overallSummaryResponse,
  tokenResponse,
  telegramLinkResponse,
  totalsResponse,
  dueResponse,
  importErrorsResponse,
  importResponse,
  statementResponse,
  reminderResponse,
  shareLinkResponse,
  subscriberResponse,
} from './response-schemas.js';

/**
 * The OpenAPI 3.1 description, generated from the same zod schemas that validate requests
 * (src/http/request-schemas.ts) and type responses (src/http/response-schemas.ts).
 */

const ERROR_EXAMPLES: Record<number, { description: string; example: z.infer<typeof errorResponse> }> = {
  400: {
    description:
      'Invalid input (`invalid_input`, `invalid_amount`), a body that is malformed or cannot be decoded (`malformed_json`), ' +
      'JSON nested deeper than 32 levels (`json_too_deep`), or an unreadable path (`bad_request`)',
    example: {
      error: 'amount: Invalid amount: a positive amount with at most 2 decimals, e.g. 500 or 12.50.',
      code: 'invalid_amount',
      fields: { amount: 'a positive amount with at most 2 decimals, e.g. 500 or 12.50' },
    },
  },
  401: {
    description: 'Missing (`not_authenticated`), malformed or revoked token (`invalid_token`), with `WWW-Authenticate: Token`',
    example: { error: 'Invalid token.', code: 'invalid_token', fields: {} },
  },
  404: {
    description: "Not found (`customer_not_found`, `entry_not_found`): a missing id, another merchant's id, or an archived customer",
    example: { error: 'Customer not found.', code: 'customer_not_found', fields: {} },
  },
  408: {
    description: 'The headers or the whole request did not arrive in time (`request_timeout`); the connection is closed',
    example: { error: 'The request took too long to arrive.', code: 'request_timeout', fields: {} },
  },
  413: {
    description: `Body over ${JSON_BODY_LIMIT_TEXT} (\`payload_too_large\`)`,
    example: { error: `The request body is larger than ${JSON_BODY_LIMIT_TEXT}.`, code: 'payload_too_large', fields: {} },
  },
  415: {
    description: 'Body is not JSON, or in an encoding or charset that cannot be read (`unsupported_media_type`)',
    example: {
      error: 'Send the request body as JSON (Content-Type: application/json).',
      code: 'unsupported_media_type',
      fields: {},
    },
  },
  422: {
    description: 'Idempotency-Key reused with a different request (`idempotency_key_reused`)',
    example: {
      error: 'This Idempotency-Key was already used with a different request.',
      code: 'idempotency_key_reused',
      fields: {},
    },
  },
  429: {
    description: 'Rate limit reached (`rate_limited`: login/register per IP and username, the API per token); see Retry-After',
    example: { error: 'Too many requests; try again in 42 seconds.', code: 'rate_limited', fields: {} },
  },
  431: {
    description: 'Request line or headers over 16 KiB (`headers_too_large`)',
    example: { error: 'The request line or headers are larger than 16 KiB.', code: 'headers_too_large', fields: {} },
  },
  500: {
    description: 'A fault on our side (`internal_error`), logged with the request id; nothing was applied',
    example: { error: 'Something went wrong on our side; the request was not applied.', code: 'internal_error', fields: {} },
  },
  503: {
    description: 'The database is not answering (`database_unavailable`); retry after Retry-After',
    example: { error: DATABASE_UNAVAILABLE, code: 'database_unavailable', fields: {} },
  },
};

/** A 409 of one operation: the codes it can carry, and an example of one. */
function conflict(description: string, example: z.infer<typeof errorResponse>): Record<number, ResponseConfig> {
  return { 409: json(errorResponse, description, example) };
}

function json(schema: z.ZodType, description: string, example?: unknown, headers?: ResponseConfig['headers']): ResponseConfig {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  };
}

function errors(...statuses: number[]): Record<number, ResponseConfig> {
  const out: Record<number, ResponseConfig> = {};
  for (const status of statuses) {
    const known = ERROR_EXAMPLES[status];
    if (!known) throw new Error(`no error example for ${status}`);
    out[status] = json(errorResponse, known.description, known.example, ERROR_HEADERS[status]);
  }
  return out;
}

const ERROR_HEADERS: Record<number, ResponseConfig['headers']> = {
  401: { 'WWW-Authenticate': { description: 'Always `Token`', schema: { type: 'string', example: 'Token' } } },
  429: { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'string', example: '42' } } },
  503: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'string', example: '1' } } },
};

const LINK_HEADER: ResponseConfig['headers'] = {
  Link: {
    description: 'Present when there is a next page: `<url with ?cursor=…>; rel="next"`',
    schema: {
      type: 'string',
      example: '<http://127.0.0.1:8000/api/customers/1/entries/?limit=100&cursor=WyIyMDI2LTExLTI0IiwxMDBd>; rel="next"',
    },
  },
};

const REPLAYED_HEADER: ResponseConfig['headers'] = {
  'Idempotent-Replayed': {
    description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', example: 'true' },
  },
};

const customerId = z.string().regex(/^[1-9]\d*$/).meta({ description: 'Customer id', example: '1' });
const entryId = z.string().regex(/^[1-9]\d*$/).meta({ description: 'Entry id', example: '1' });

const idempotencyHeader = z.object({
  'Idempotency-Key': idempotencyKeyHeader.optional().meta({
    description: 'Any printable ASCII up to 255: a retry with the same key and body replays the first response (kept 24 h)',
    example: 'pay-2026-11-24-1',
  }),
});

const secured = { security: [{ TokenAuth: [] }] };

const TOTALS_LIMIT_EXAMPLE = {
  error: "This entry would take the customer's totals past the largest amount the ledger keeps exactly.",
  code: 'totals_limit_exceeded',
  fields: {},
};

export const OPERATIONS: RouteConfig[] = [
  {
    method: 'get',
    path: '/healthz',
    tags: ['Health'],
    summary: 'Health check: 200 while the database answers, with the state of Telegram and Redis beside it',
    responses: { 200: json(healthResponse, 'Up'), ...errors(503) },
  },
  {
    method: 'get',
    path: '/readyz',
    tags: ['Health'],
    summary: 'Readiness: 200 only when the database and every configured dependency answer',
    responses: {
      200: json(readyResponse, 'Ready'),
      503: json(readyResponse, 'Not ready: something is down or still connecting (see Retry-After)', { status: 'not_ready', database: 'ok', telegram: 'connecting', redis: 'off' }, ERROR_HEADERS[503]),
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tags: ['Health'],
    summary: 'This OpenAPI document',
    responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
  },
  {
    method: 'post',
    path: '/api/auth/register/',
    tags: ['Auth'],
    summary: 'Register a merchant; returns its first API token',
    request: { body: { content: { 'application/json': { schema: registrationBody } }, required: true } },
    responses: {
      201: json(tokenResponse, 'Registered'),
      400: json(errorResponse, 'Invalid input or username taken', {
        error: 'A user with that username already exists.',
        code: 'username_taken',
        fields: { username: 'A user with that username already exists.' },
      }),
      ...errors(413, 415),
    },
  },
  {
    method: 'post',
    path: '/api/auth/login/',
    tags: ['Auth'],
    summary: 'Log in; returns a new token for this session',
    request: { body: { content: { 'application/json': { schema: loginBody } }, required: true } },
    responses: {
      200: json(tokenResponse, 'Logged in'),
      400: json(errorResponse, 'Wrong username or password', {
        error: 'Invalid credentials',
        code: 'invalid_credentials',
        fields: {},
      }),
      ...errors(413, 415),
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout/',
    tags: ['Auth'],
    summary: 'Revoke the token used for this request',
    ...secured,
    responses: { 204: { description: 'Token revoked' }, ...errors(401) },
  },
  {
    method: 'get',
    path: '/api/auth/me/',
    tags: ['Auth'],
    summary: 'The merchant the token belongs to',
    ...secured,
    responses: { 200: json(meResponse, 'The merchant'), ...errors(401) },
  },
  {
    method: 'patch',
    path: '/api/auth/me/',
    tags: ['Auth'],
    summary: "Set the shop's name customers see (share pages, reminders, updates)",
    ...secured,
    request: { body: { content: { 'application/json': { schema: meChangeBody } }, required: true } },
    responses: { 200: json(meResponse, 'The merchant'), ...errors(400, 401) },
  },
  {
    method: 'get',
    path: '/api/customers/',
    tags: ['Customers'],
    summary: 'List your customers (plain array, paginated)',
    ...secured,
    request: { query: customerListQuery },
    responses: {
      200: json(z.array(customerResponse), 'Customers in id order', [customerResponse.meta()?.example], LINK_HEADER),
      ...errors(400, 401),
    },
  },
  {
    method: 'post',
    path: '/api/customers/',
    tags: ['Customers'],
    summary: 'Create a customer',
    ...secured,
    request: {
      headers: idempotencyHeader,
      body: { content: { 'application/json': { schema: customerCreateBody } }, required: true },
    },
    responses: {
      201: json(customerResponse, 'Created', {
        id: 1,
        name: 'Alice',
        phone: '+1 555 0100',
        address: '12 Market St',
        total_credit: '0.00',
        total_debit: '0.00',
        balance: '0.00',
      }, REPLAYED_HEADER),
      ...errors(400, 401, 413, 415, 422),
      ...conflict('The merchant already has MAX_CUSTOMERS_PER_MERCHANT customers (`customer_limit_reached`)', {
        error: 'A merchant can keep at most 250000 customers.',
        code: 'customer_limit_reached',
        fields: {},
      }),
    },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/',
    tags: ['Customers'],
    summary: 'One customer with totals',
    ...secured,
    request: { params: z.object({ id: customerId }) },
    responses: { 200: json(customerResponse, 'The customer'), ...errors(401, 404) },
  },
  {
    method: 'put',
    path: '/api/customers/{id}/',
    tags: ['Customers'],
    summary: 'Replace a customer: name required; phone and address change when given',
    ...secured,
    request: {
      params: z.object({ id: customerId }),
      body: { content: { 'application/json': { schema: customerCreateBody } }, required: true },
    },
    responses: { 200: json(customerResponse, 'Updated'), ...errors(400, 401, 404, 413, 415) },
  },
  {
    method: 'patch',
    path: '/api/customers/{id}/',
    tags: ['Customers'],
    summary: 'Change some fields of a customer',
    ...secured,
    request: {
      params: z.object({ id: customerId }),
      body: { content: { 'application/json': { schema: customerPatchBody } }, required: true },
    },
    responses: { 200: json(customerResponse, 'Updated'), ...errors(400, 401, 404, 413, 415) },
  },
  {
    method: 'delete',
    path: '/api/customers/{id}/',
    tags: ['Customers'],
    summary: 'Archive a customer: it leaves the API, its entries are kept',
    ...secured,
    request: { params: z.object({ id: customerId }) },
    responses: { 204: { description: 'Archived' }, ...errors(401, 404) },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/entries/',
    tags: ['Ledger'],
    summary: 'Entries in (entry_date, id) order; filters are inclusive and combine',
    ...secured,
    request: { params: z.object({ id: customerId }), query: entryListQuery },
    responses: {
      200: json(z.array(entryResponse), 'Entries', [entryResponse.meta()?.example], LINK_HEADER),
      ...errors(400, 401, 404),
    },
  },
  {
    method: 'post',
    path: '/api/customers/{id}/entries/',
    tags: ['Ledger'],
    summary: 'Record a credit (you gave) or a debit (you got)',
    ...secured,
    request: {
      params: z.object({ id: customerId }),
      headers: idempotencyHeader,
      body: { content: { 'application/json': { schema: entryCreateBody } }, required: true },
    },
    responses: {
      201: json(entryResponse, 'Recorded', undefined, REPLAYED_HEADER),
      ...errors(400, 401, 404, 413, 415, 422),
      ...conflict("The entry would take the customer's total past 999999999999.99 (`totals_limit_exceeded`)", TOTALS_LIMIT_EXAMPLE),
    },
  },
  {
    method: 'post',
    path: '/api/customers/{id}/entries/{entry_id}/reverse/',
    tags: ['Ledger'],
    summary: 'Reverse an entry: posts the opposite entry pointing at it (once per entry)',
    ...secured,
    request: {
      params: z.object({ id: customerId, entry_id: entryId }),
      headers: idempotencyHeader,
      body: { content: { 'application/json': { schema: reverseBody } }, required: false },
    },
    responses: {
      201: json(entryResponse, 'The reversing entry', {
        id: 2,
        customer: 1,
        type: 'debit',
        amount: '5000.00',
        note: 'entered twice',
        entry_date: '2026-11-24',
        created_at: '2026-11-24T09:20:00.000Z',
        reverses: 1,
        channel: 'api',
      }, REPLAYED_HEADER),
      ...errors(400, 401, 404, 413, 415, 422),
      ...conflict('Already reversed (`already_reversed`), a reversal itself (`cannot_reverse_reversal`), or past the totals limit (`totals_limit_exceeded`)', {
        error: 'This entry has already been reversed.',
        code: 'already_reversed',
        fields: {},
      }),
    },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/summary/',
    tags: ['Summary'],
    summary: "A customer's total credit, total debit and balance",
    ...secured,
    request: { params: z.object({ id: customerId }) },
    responses: { 200: json(totalsResponse, 'Totals'), ...errors(401, 404) },
  },
  {
    method: 'post',
    path: '/api/telegram/link-code/',
    tags: ['Telegram linking'],
    summary: 'A one-time deep link (10 minutes) that links a Telegram chat to this merchant and token',
    ...secured,
    responses: {
      201: json(linkCodeResponse, 'Open `url` in Telegram, or send `/start <code>` to the bot'),
      ...errors(401),
      503: json(errorResponse, 'The bot is not running on this server (`telegram_bot_off`), or is still connecting to Telegram (`telegram_unavailable`, with Retry-After)', {
        error: 'The Telegram bot is not running on this server (TELEGRAM_BOT_TOKEN is not set).',
        code: 'telegram_bot_off',
        fields: {},
      }),
    },
  },
  {
    method: 'get',
    path: '/api/telegram/links/',
    tags: ['Telegram linking'],
    summary: "The merchant's linked chats",
    ...secured,
    responses: { 200: json(z.array(telegramLinkResponse), 'Linked chats', [telegramLinkResponse.meta()?.example]), ...errors(401) },
  },
  {
    method: 'delete',
    path: '/api/telegram/links/{id}/',
    tags: ['Telegram linking'],
    summary: 'Unlink a chat',
    ...secured,
    request: { params: z.object({ id: z.string().regex(/^[1-9]\d*$/).meta({ description: 'Link id', example: '1' }) }) },
    responses: {
      204: { description: 'Unlinked' },
      ...errors(401),
      404: json(errorResponse, 'No such link for this merchant', { error: 'Linked chat not found.', code: 'telegram_link_not_found', fields: {} }),
    },
  },
  {
    method: 'get',
    path: '/api/summary/',
    tags: ['Summary'],
    summary: 'Totals over all your customers',
    ...secured,
    responses: { 200: json(overallSummaryResponse, 'Totals'), ...errors(401) },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/statement/',
    tags: ['Statements and reports'],
    summary: "A customer's statement for a period: opening balance, every entry with the running balance, closing balance",
    description:
      'JSON by default, paged like every list (cursor and `Link`; opening and closing are always the whole period). ' +
      '`?format=csv` or `Accept: text/csv`: the whole period as CSV (an opening row, one row per entry, a closing row). ' +
      '`?format=pdf` or `Accept: application/pdf`: an A4 statement with a balance chart, page numbers and the generated date, in `?lang=` (en, bn or hi) with money in the merchant\'s currency. ' +
      'Both are streamed, with `Content-Disposition: attachment`. Without dates: from the first entry to today.',
    ...secured,
    request: { params: z.object({ id: customerId }), query: statementQuery.safeExtend({ lang: langParam }) },
    responses: {
      200: {
        description: 'The statement',
        headers: { ...LINK_HEADER, 'Content-Disposition': { description: 'CSV and PDF: `attachment; filename="statement-<customer>-<start>-<end>.<csv|pdf>"`', schema: { type: 'string' } } },
        content: {
          'application/json': { schema: statementResponse, example: statementResponse.meta()?.example },
          'text/csv': { schema: { type: 'string' }, example: 'date,entry_id,type,note,gave,got,balance,reverses,reversed_by\r\n2026-11-01,,opening,Opening balance,,,1000.00,,\r\n2026-11-03,7,credit,rice and oil,5000.00,,6000.00,,\r\n' },
          'application/pdf': { schema: { type: 'string', format: 'binary' } },
        },
      },
      ...errors(400, 401, 404),
    },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/chart.png',
    tags: ['Statements and reports'],
    summary: "The customer's balance over a period as a PNG: what was given and got each day as bars, the balance as a line",
    description: 'In `?lang=` (en, bn or hi: titles, dates and amounts in that language and its digits), money in the merchant\'s currency.',
    ...secured,
    request: { params: z.object({ id: customerId }), query: chartQuery.safeExtend({ lang: langParam }) },
    responses: { 200: { description: 'A 1200 x 600 PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } }, ...errors(400, 401, 404) },
  },
  {
    method: 'get',
    path: '/api/reports/dues/',
    tags: ['Statements and reports'],
    summary: 'Who owes you (or, with side=give, whom you owe), largest first, with the last payment and the ageing of each balance',
    description:
      'Ageing settles payments against the oldest entries first (first in, first out), so each bucket holds the unpaid part of entries of that age. ' +
      'Paged like every list; `?format=csv` (or `Accept: text/csv`) gives the whole list as CSV.',
    ...secured,
    request: { query: duesQuery },
    responses: {
      200: {
        description: 'Customers with a balance on that side',
        headers: LINK_HEADER,
        content: { 'application/json': { schema: z.array(dueResponse), example: [dueResponse.meta()?.example] }, 'text/csv': { schema: { type: 'string' } } },
      },
      ...errors(400, 401),
    },
  },
  {
    method: 'get',
    path: '/api/export/',
    tags: ['Statements and reports'],
    summary: 'Your whole book as CSV: customer,phone,entry_date,type,amount,note (one row per entry; a customer without entries gets a row of its own)',
    ...secured,
    responses: { 200: { description: 'The book, streamed', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors(401) },
  },
  {
    method: 'post',
    path: '/api/import/',
    tags: ['Statements and reports'],
    summary: 'Import a book from CSV (the export format), up to 10 MiB: every row, in one transaction, or nothing',
    description:
      'Columns (a header row, any order): customer, entry_date, type (credit/debit, or gave/got), amount; phone and note optional. ' +
      'A row with only a customer makes the customer. Rows go to the customer of that name, or a new one. ' +
      'Any bad row imports nothing: every bad row is reported with its line and field. With an Idempotency-Key the same file imports once.',
    ...secured,
    request: { headers: idempotencyHeader, body: { content: { 'text/csv': { schema: { type: 'string' }, example: 'customer,phone,entry_date,type,amount,note\nAlice,+91 98000 11111,2026-11-01,credit,500,rice\n' } }, required: true } },
    responses: {
      201: json(importResponse, 'Imported', undefined, REPLAYED_HEADER),
      400: json(importErrorsResponse, 'Rows that cannot be imported (`import_invalid`, with `errors`: row, field, error); nothing was imported', importErrorsResponse.meta()?.example),
      413: json(errorResponse, 'The file is over 10 MiB (`payload_too_large`)', { error: 'The book file is larger than 10 MiB.', code: 'payload_too_large', fields: {} }),
      415: json(errorResponse, 'The body is not CSV (`unsupported_media_type`)', { error: 'Send the book as CSV (Content-Type: text/csv).', code: 'unsupported_media_type', fields: {} }),
      ...errors(401, 422),
      ...conflict('The import would pass MAX_CUSTOMERS_PER_MERCHANT (`customer_limit_reached`) or the totals limit (`totals_limit_exceeded`); nothing was imported', {
        error: 'A merchant can keep at most 250000 customers.',
        code: 'customer_limit_reached',
        fields: {},
      }),
    },
  },
  {
    method: 'post',
    path: '/api/customers/{id}/share-links/',
    tags: ['Sharing'],
    summary: "A read-only link to the customer's page (their balance, latest entries and statement); revocable",
    description: 'The token in the URL has 256 bits, derived from 128 random ones; only its hash is stored. Not stored for Idempotency-Key replays (the answer is a secret).',
    ...secured,
    request: { params: z.object({ id: customerId }), body: { content: { 'application/json': { schema: shareLinkBody } }, required: false } },
    responses: { 201: json(shareLinkResponse, 'The link'), ...errors(400, 401, 404) },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/share-links/',
    tags: ['Sharing'],
    summary: "The customer's live share links, newest first",
    ...secured,
    request: { params: z.object({ id: customerId }) },
    responses: { 200: json(z.array(shareLinkResponse), 'Live links', [shareLinkResponse.meta()?.example]), ...errors(401, 404) },
  },
  {
    method: 'delete',
    path: '/api/customers/{id}/share-links/{link_id}/',
    tags: ['Sharing'],
    summary: 'Revoke a share link at once (on every instance); the Telegram updates that came through it end',
    ...secured,
    request: { params: z.object({ id: customerId, link_id: z.string().regex(/^[1-9]\d*$/).meta({ description: 'Share link id', example: '1' }) }) },
    responses: {
      204: { description: 'Revoked' },
      ...errors(401),
      404: json(errorResponse, 'No such live link of this customer (`share_link_not_found`), or no such customer', { error: 'Share link not found.', code: 'share_link_not_found', fields: {} }),
    },
  },
  {
    method: 'post',
    path: '/api/customers/{id}/reminder/',
    tags: ['Sharing'],
    summary: 'A ready reminder for the customer: their balance as of today and their page link (made if they have none), with Telegram and WhatsApp share links',
    ...secured,
    request: { params: z.object({ id: customerId }), query: z.object({ lang: langParam }) },
    responses: { 200: json(reminderResponse, 'The reminder'), ...errors(401, 404) },
  },
  {
    method: 'get',
    path: '/api/customers/{id}/subscribers/',
    tags: ['Sharing'],
    summary: "Telegram chats that get this customer's updates",
    ...secured,
    request: { params: z.object({ id: customerId }) },
    responses: { 200: json(z.array(subscriberResponse), 'Subscribed chats', [subscriberResponse.meta()?.example]), ...errors(401, 404) },
  },
  {
    method: 'delete',
    path: '/api/customers/{id}/subscribers/{subscriber_id}/',
    tags: ['Sharing'],
    summary: 'Stop sending this chat updates',
    ...secured,
    request: { params: z.object({ id: customerId, subscriber_id: z.string().regex(/^[1-9]\d*$/).meta({ description: 'Subscriber id', example: '1' }) }) },
    responses: {
      204: { description: 'Ended' },
      ...errors(401),
      404: json(errorResponse, 'No such subscriber of this customer (`subscriber_not_found`), or no such customer', { error: 'Subscriber not found.', code: 'subscriber_not_found', fields: {} }),
    },
  },
  {
    method: 'get',
    path: '/s/{token}',
    tags: ['Customer pages'],
    summary: "The customer's own page, no token needed: the shop, their balance in their words, the latest 50 entries, the statement",
    description:
      'HTML for people (no script; in English, Bengali or Hindi by `?lang=` or Accept-Language, with links to the others; money in the shop\'s currency), ' +
      '`?format=json` for programs (amounts as exact decimal strings, `currency` when the shop set one, `balance_text` in the language). Unknown, revoked or expired: a 404 page that says the link is no longer valid. ' +
      '`Cache-Control: no-store`, `X-Robots-Tag: noindex`, `Referrer-Policy: no-referrer`, a strict Content-Security-Policy. Rate-limited per client address (SHARE_RATE_LIMIT_PER_MIN).',
    request: { params: z.object({ token: z.string().meta({ description: 'The token of a share link' }) }), query: z.object({ format: z.enum(['json']).optional(), lang: langParam }) },
    responses: {
      200: { description: 'The page', content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      404: { description: 'The link is no longer valid', content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: errorResponse } } },
      ...errors(429),
    },
  },
  {
    method: 'get',
    path: '/s/{token}/statement.pdf',
    tags: ['Customer pages'],
    summary: "The customer's statement (the whole book) as a PDF, from their page",
    description: 'In `?lang=` or Accept-Language (en, bn or hi; the page links it in its own language), money in the shop\'s currency.',
    request: { params: z.object({ token: z.string() }), query: z.object({ lang: langParam }) },
    responses: {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
      404: { description: 'The link is no longer valid', content: { 'text/html': { schema: { type: 'string' } } } },
      ...errors(429),
    },
  },
  {
    method: 'get',
    path: '/s/{token}/updates',
    tags: ['Customer pages'],
    summary: "Get updates on Telegram: a one-time code, and a redirect to the bot's deep link (when the bot is on)",
    request: { params: z.object({ token: z.string() }) },
    responses: {
      303: { description: 'To https://t.me/<bot>?start=<code>', headers: { Location: { description: 'The deep link', schema: { type: 'string' } } } },
      404: { description: 'The link is no longer valid, or the bot is off', content: { 'text/html': { schema: { type: 'string' } } } },
      ...errors(429),
    },
  },
  {
    method: 'get',
    path: '/s/assets/share.css',
    tags: ['Customer pages'],
    summary: "The customer page's stylesheet",
    responses: { 200: { description: 'CSS', content: { 'text/css': { schema: { type: 'string' } } } } },
  },
  {
    method: 'get',
    path: '/s/assets/icon.svg',
    tags: ['Customer pages'],
    summary: "The customer page's icon",
    responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } } },
  },
  {
    method: 'get',
    path: '/s/assets/fonts/{file}',
    tags: ['Customer pages'],
    summary: "The customer page's Bengali and Devanagari fonts (Noto Sans, from the npm packages)",
    request: {
      params: z.object({
        file: z.enum(['noto-sans-bengali-400.ttf', 'noto-sans-bengali-700.ttf', 'noto-sans-devanagari-400.ttf', 'noto-sans-devanagari-700.ttf']).meta({ description: 'One of the four shipped fonts' }),
      }),
    },
    responses: {
      200: { description: 'TrueType', content: { 'font/ttf': { schema: { type: 'string', format: 'binary' } } } },
      404: json(errorResponse, 'No such font (`not_found`)', { error: 'Not found.', code: 'not_found', fields: {} }),
    },
  },
];

// Every authenticated route counts against its token's limit; these two count per IP and username.
const RATE_LIMITED_PUBLIC = new Set(['/api/auth/register/', '/api/auth/login/']);

function withRateLimit(operation: RouteConfig): RouteConfig {
  if (!operation.security && !RATE_LIMITED_PUBLIC.has(operation.path)) return operation;
  return { ...operation, responses: { ...operation.responses, ...errors(429) } };
}

// Any request can meet these, whatever its route: a body that is not JSON or too big, slow headers,
// headers too large, a fault of ours, the database away. An operation's own answer for a status wins.
const ANY_REQUEST = [400, 408, 413, 415, 431, 500, 503];

function withCommonErrors(operation: RouteConfig): RouteConfig {
  return { ...operation, responses: { ...errors(...ANY_REQUEST), ...operation.responses } };
}

export function createOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'TokenAuth', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'Send `Authorization: Token <token>`; get a token from register or login.',
  });
  for (const operation of OPERATIONS) {
    registry.registerPath(withCommonErrors(withRateLimit(operation)));
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Mini Ledger API',
      version: '1.0.0',
      description:
        'Customers, credit/debit entries and balances for small merchants. Money is exchanged as exact decimal ' +
        'strings ("5000.00"). Every error has the shape {error, code, fields}. Lists are plain JSON arrays; ' +
        'follow the `Link: <…>; rel="next"` header for the next page. A path that does not exist is 404 `not_found`; ' +
        'a method a path does not have is 405 `method_not_allowed`, with `Allow`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Auth', description: 'Register, log in, log out' },
      { name: 'Customers', description: 'Your customers' },
      { name: 'Ledger', description: 'Credit and debit entries, reversals' },
      { name: 'Summary', description: 'Balances' },
      { name: 'Telegram linking', description: 'Link Telegram chats to this merchant' },
      { name: 'Statements and reports', description: 'Statements (JSON, CSV, PDF), charts, dues, export and import' },
      { name: 'Sharing', description: "Customers' own pages, reminders, and their updates on Telegram" },
      { name: 'Customer pages', description: 'What a customer opens from a share link (no token)' },
      { name: 'Health', description: 'Service status and this document' },
    ],
  });
}
