import { createHash } from 'node:crypto';
import { Agent, request as httpRequest, type Server } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerClientErrorsInJson } from '../../src/http/client-errors.js';
import { createOpenApiDocument } from '../../src/http/openapi.js';
import { createLogger } from '../../src/logger.js';
import { appFor, createHarness, sqlRows, tableNames, type Harness } from '../support/harness.js';
import { auth, registerActor } from '../support/fixtures.js';
import { servedRoutes } from '../support/routes.js';

const RUNS = 400;

let h: Harness;
let server: { url: string; close(): Promise<void> };
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

// Fixtures: merchant A (the actor), merchant B (another merchant whose rows must never change).
const tokens = { a: '', b: '' };
const ids = { customer: 0, archived: 0, othersCustomer: 0, entry: 0, reversal: 0, othersEntry: 0, link: 0 };
let ownerB = 0;
let served: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  // The same app, with the bot's username known, so the link-code route can answer its documented 201.
  const app = appFor(h, { telegram: { botUsername: () => 'mini_ledger_test_bot' } });
  // Served as main.ts serves it: parser-level refusals (e.g. a 20 KiB URL) answered in JSON too.
  const http = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrorsInJson(http);
  const address = http.address();
  server = {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
  served = [...servedRoutes(app)].sort();
  tokens.a = (await h.services.auth.register({ username: 'alice', password: 'correct horse' })).token;
  tokens.b = (await h.services.auth.register({ username: 'mallory', password: 'correct horse' })).token;
  const post = (path: string, token: string, body: object) => request(app).post(path).set(auth(token)).send(body);
  ids.customer = (await post('/api/customers/', tokens.a, { name: 'Bob' })).body.id;
  ids.archived = (await post('/api/customers/', tokens.a, { name: 'Gone' })).body.id;
  await request(app).delete(`/api/customers/${ids.archived}/`).set(auth(tokens.a));
  ids.othersCustomer = (await post('/api/customers/', tokens.b, { name: 'Eve' })).body.id;
  ids.entry = (await post(`/api/customers/${ids.customer}/entries/`, tokens.a, { type: 'credit', amount: '50' })).body.id;
  const toReverse = (await post(`/api/customers/${ids.customer}/entries/`, tokens.a, { type: 'debit', amount: '7' })).body.id;
  ids.reversal = (await post(`/api/customers/${ids.customer}/entries/${toReverse}/reverse/`, tokens.a, {})).body.id;
  ids.othersEntry = (await post(`/api/customers/${ids.othersCustomer}/entries/`, tokens.b, { type: 'credit', amount: '3' })).body.id;
  const actorA = await registerActor(h.services, 'alice-linker');
  const { code } = await h.services.chatLinks.createLinkCode(actorA);
  await h.services.chatLinks.linkWithCode({ chatId: '900', title: 'Till' }, code);
  ids.link = (await h.services.chatLinks.listLinks(actorA))[0]?.id ?? 0;
  ownerB = (await request(app).get('/api/auth/me/').set(auth(tokens.b))).body.id;
});
afterAll(async () => {
  agent.destroy();
  await server.close();
  await h.close();
});

// ---- what the database holds ------------------------------------------------------------------


/** A hash of every row of every table; `last_used_at` is left out (a read may touch it, once a minute). */
async function checksum(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of await tableNames(h.db)) {
    for (const row of await sqlRows(h.db, `select * from ${table} order by 1`)) {
      const { last_used_at: _touched, ...kept } = row;
      hash.update(`${table}:${JSON.stringify(kept)}\n`);
    }
  }
  return hash.digest('hex');
}

/** Merchant B's rows: no request without B's token may change them. */
async function merchantBRows(): Promise<string> {
  const parts = [
    await sqlRows(h.db, 'select * from customers where owner_id = ? order by id', [ownerB]),
    await sqlRows(h.db, 'select e.* from ledger_entries e join customers c on c.id = e.customer_id where c.owner_id = ? order by e.id', [ownerB]),
    await sqlRows(h.db, 'select id, user_id, token_hash, revoked_at from api_tokens where user_id = ? order by id', [ownerB]),
  ];
  return JSON.stringify(parts);
}

// ---- what the contract documents ---------------------------------------------------------------

const doc = createOpenApiDocument();
const docJson = z.record(z.string(), z.unknown()).parse(JSON.parse(JSON.stringify(doc)));
const mediaType = z.object({ schema: z.record(z.string(), z.unknown()) });
// A success may be JSON, or a file (CSV, PDF, PNG) in a media type the operation documents.
const responseSpec = z.object({ content: z.record(z.string(), mediaType).optional() });
const operationSpec = z.object({ responses: z.record(z.string(), responseSpec) });
const pathsSpec = z.record(z.string(), z.record(z.string(), z.unknown()));
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const errorShape = z.object({ error: z.string().min(1), code: z.string().regex(/^[a-z_]+$/), fields: z.record(z.string(), z.string()) }).strict();

function documented(method: string, path: string): z.infer<typeof operationSpec> {
  const item = pathsSpec.parse(docJson.paths)[path];
  return operationSpec.parse(item?.[method.toLowerCase()]);
}

function schemaProblems(schema: Record<string, unknown>, data: unknown): string | null {
  const validate = ajv.compile({ ...schema, components: docJson.components });
  return validate(data) ? null : JSON.stringify(validate.errors);
}

// ---- hostile requests --------------------------------------------------------------------------

const ODD_IDS = ['-1', '0', '1e3', 'abc', '9223372036854775808', '9223372036854775807', '18446744073709551616', '%00', '00001', '1.5', '%20', '%2e%2e', 'null', 'undefined', 'NaN', 'Infinity', '0x10', '%EF%BC%91', '%D9%A1', '1%0A', '9'.repeat(40), '%', '%zz', '-0', '+1', '1,2', '[1]', '%7B%7D'];
const realIds = () => [ids.customer, ids.archived, ids.othersCustomer, ids.entry, ids.reversal, ids.othersEntry, ids.link].map(String);

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '\ud800', '\u0007bell', 'a\nb', '\t', 'Ω≈ç√', '👩‍👩‍👧', 'null', 'true', '<script>', "' or 1=1 --", '../../etc/passwd', '%00', '${x}', '__proto__'),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 90, max: 1_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }) }).map((n) => 'x'.repeat(n)),
);
const weirdNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e-7, 0.1 + 0.2, 1.005, 2 ** 53 + 1, 2 ** 63, -(2 ** 63), 1e21, 1e308, Number.MAX_VALUE, Number.MIN_VALUE, 999999999999.99, 1e12),
);
const weirdAmount = fc.oneof(weirdNumber, fc.constantFrom('5000', '0.10', '1e3', '-5', '0', '12abc', '1.005', 'NaN', 'Infinity', ' 5', '1,000', '٥', '５', '0x10', '999999999999.99', '1000000000000', '00.01', '.5', '5.'), weirdText);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdText },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[[]]], { $gt: '' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const FIELDS = ['name', 'phone', 'address', 'type', 'amount', 'note', 'entry_date', 'username', 'password', 'reverses', 'customer', 'id', 'owner', 'archived', 'total_credit', 'channel', '__proto__', 'constructor'];
const shapedBody = fc.dictionary(fc.constantFrom(...FIELDS), weirdValue, { maxKeys: 6 }).chain((base) =>
  fc.record({ amount: weirdAmount, type: fc.constantFrom('credit', 'debit', 'CREDIT', 'refund', '') }, { requiredKeys: [] }).map((extra) => ({ ...base, ...extra })),
);

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'none' }),
  shapedBody.map((value): Body => ({ kind: 'json', value })),
  fc.jsonValue({ maxDepth: 4 }).map((value): Body => ({ kind: 'json', value })),
  fc.oneof(weirdText, fc.constantFrom('{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"__proto__":{"x":1}}', '1e999999', '{"a":1}{"b":2}', '\u0000', '{"amount":5000,"type":"credit"}')).map((text): Body => ({ kind: 'raw', text })),
);

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
type Who = 'a' | 'b' | 'none' | 'garbage';
const authHeader: fc.Arbitrary<{ who: Who; value: string | null }> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ who: 'a' as const, value: null }) },
  { weight: 2, arbitrary: fc.constant({ who: 'b' as const, value: null }) },
  { weight: 1, arbitrary: fc.constant({ who: 'none' as const, value: null }) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(hex64.map((t) => `Token ${t}`), fc.constantFrom('Token', 'Token ', 'Bearer abc', 'Basic YTpi', 'Token a b', `Token ${'a'.repeat(5000)}`), weirdText.map((t) => `Token ${t}`))
      // Only what an HTTP client can put on the wire.
      .filter((value) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.length < 8000)
      .map((value) => ({ who: 'garbage' as const, value })),
  },
);

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', 'application/json;;;', 'multipart/form-data', '*/*', ''];
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;
const headerValue = fc.oneof(weirdText, fc.string({ unit: 'binary-ascii', maxLength: 300 })).filter((v) => HEADER_SAFE.test(v) && v.length < 8000);
const extraHeaders = fc.dictionary(
  fc.constantFrom('Idempotency-Key', 'Accept', 'Accept-Encoding', 'Content-Encoding', 'X-Forwarded-For', 'X-Http-Method-Override', 'Range', 'If-None-Match', 'Origin', 'X-Request-Id', 'Cookie'),
  fc.oneof(headerValue, fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', '*', 'bytes=0-1', 'DELETE', 'null')),
  { maxKeys: 3 },
);

/** encodeURIComponent, or byte by byte for strings it refuses (lone surrogates). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('limit', 'cursor', 'type', 'start_date', 'end_date', 'search', 'page', '__proto__', 'constructor[prototype][x]', 'limit[]', 'a'), fc.oneof(weirdText, fc.constantFrom('-1', '0', '1001', '1e3', '2026-02-30', '9999-99-99', 'credit', 'debit', '%', '%zz', ''), fc.integer().map(String)), { maxKeys: 4 }).map(
    (q) => `?${Object.entries(q).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`,
  ),
  fc.constantFrom('?', '?&&&', '?=', '?limit=1&limit=2', '?%', '?%zz=1', '?a[b][c][d]=1', '?type=credit&type=debit', '?cursor=eyJ9', '?search=%00'),
);

// Every documented operation; the test below checks this is exactly what the app serves.
const ROUTES = Object.entries(pathsSpec.parse(docJson.paths))
  .flatMap(([path, item]) => Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
  .sort();

const pathParam = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ODD_IDS) }, { weight: 2, arbitrary: fc.constant('real') });

const hostileRequest = fc.record({
  route: fc.constantFrom(...ROUTES),
  // Mostly the route's own method, sometimes another (405, or another documented operation on the path).
  methodSwap: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND') }),
  params: fc.array(fc.tuple(pathParam, fc.nat()), { minLength: 2, maxLength: 2 }),
  slash: fc.constantFrom('keep', 'drop', 'upper'),
  query,
  body,
  contentType: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
  auth: authHeader,
  headers: extraHeaders,
});
type HostileRequest = typeof hostileRequest extends fc.Arbitrary<infer T> ? T : never;

type Built = { method: string; path: string; headers: Record<string, string>; payload: Buffer | null; route: string; documentedAs: string | null; who: Who };

function build(r: HostileRequest): Built {
  const [routeMethod = 'GET', template = '/'] = r.route.split(' ');
  // A request refused by Node's parser (e.g. a URL over 16 KiB) gets its JSON error body whatever the
  // method, which a HEAD client then reads as stray data: such HEADs are sent as GETs.
  const method = r.methodSwap === 'HEAD' && r.query.length > 8000 ? 'GET' : (r.methodSwap ?? routeMethod);
  let n = 0;
  let path = template.replace(/\{\w+\}/g, () => {
    const [kind, pick] = r.params[n++] ?? ['real', 0];
    const real = realIds();
    return kind === 'real' ? (real[pick % real.length] ?? '1') : kind;
  });
  if (r.slash === 'drop' && path.length > 1) path = path.replace(/\/$/, '');
  if (r.slash === 'upper') path = path.replace('/api/', '/API/');
  const headers: Record<string, string> = { ...r.headers };
  const token = r.auth.who === 'a' ? tokens.a : r.auth.who === 'b' ? tokens.b : null;
  if (token) headers.Authorization = `Token ${token}`;
  if (r.auth.value !== null) headers.Authorization = r.auth.value;
  let payload: Buffer | null = null;
  if (r.body.kind !== 'none') {
    payload = Buffer.from(r.body.kind === 'json' ? (JSON.stringify(r.body.value) ?? 'null') : r.body.text);
    headers['Content-Type'] = r.contentType ?? 'application/json';
    // Node sends a GET body without framing unless told its length.
    headers['Content-Length'] = String(payload.length);
  } else if (r.contentType) headers['Content-Type'] = r.contentType;
  if (headers['Content-Type'] === '') delete headers['Content-Type'];
  return { method, path: `${path}${r.query}`, headers, payload, route: r.route, documentedAs: ROUTES.includes(`${method} ${template}`) ? `${method} ${template}` : null, who: r.auth.who };
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

function send(b: Built): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${b.path}`, { method: b.method, headers: b.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(b.payload ?? undefined);
  });
}

const jsonTypeOf = (a: Answer) => String(a.headers['content-type'] ?? '').split(';')[0] ?? '';

// ---- the property ------------------------------------------------------------------------------

describe('hostile requests across every REST route', () => {
  it(`when ${RUNS} generated hostile requests hit every route, then none gets a 5xx, every error is the JSON error shape, every success is documented and valid, and nothing is written except by a valid success`, async () => {
    expect(served).toEqual(ROUTES);
    const hits = new Map<string, number>();
    const statuses = new Map<number, number>();
    let writes = 0;
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (r) => {
        const b = build(r);
        const before = await checksum();
        const beforeB = await merchantBRows();
        const answer = await send(b);
        hits.set(b.route, (hits.get(b.route) ?? 0) + 1);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const where = `${b.method} ${b.path.slice(0, 200)} -> ${answer.status} ${answer.text.slice(0, 300)}`;

        expect(answer.status, where).toBeGreaterThanOrEqual(200);
        expect(answer.status, where).toBeLessThan(500);
        const after = await checksum();

        if (b.method === 'HEAD') {
          // A HEAD answer has no body to check; it must still write nothing.
          expect(after, where).toBe(before);
          return;
        }
        if (answer.status === 304) {
          // A conditional GET (If-None-Match) may be answered "not modified": no body, no write.
          expect(b.method, where).toBe('GET');
          expect(Object.keys(b.headers).some((k) => k.toLowerCase() === 'if-none-match'), where).toBe(true);
          expect(answer.text, where).toBe('');
          expect(after, where).toBe(before);
          return;
        }
        if (answer.status >= 400) {
          // A customer's page answers people in HTML: a link that is no longer valid is its 404 page.
          if (b.path.startsWith('/s/') && jsonTypeOf(answer) === 'text/html') {
            expect(answer.status, where).toBe(404);
            expect(answer.text, where).toContain('This link is no longer valid');
            expect(after, `an error wrote to the database: ${where}`).toBe(before);
            return;
          }
          expect(jsonTypeOf(answer), where).toBe('application/json');
          expect(errorShape.safeParse(JSON.parse(answer.text)).success, where).toBe(true);
          if (answer.status === 401) expect(answer.headers['www-authenticate'], where).toBe('Token');
          if (answer.status === 405) expect(answer.headers.allow, where).toBeTruthy();
          if (answer.status === 429) expect(answer.headers['retry-after'], where).toBeTruthy();
          expect(after, `an error wrote to the database: ${where}`).toBe(before);
          return;
        }

        // A success must be one the contract documents for this operation, in the documented shape.
        expect(b.documentedAs, `success on an undocumented method: ${where}`).not.toBeNull();
        const [, template = ''] = (b.documentedAs ?? '').split(' ');
        const op = documented(b.method, template);
        const spec = op.responses[String(answer.status)];
        expect(spec, `undocumented status: ${where}`).toBeDefined();
        if (spec?.content) {
          const media = spec.content[jsonTypeOf(answer)];
          expect(media, `undocumented content type ${jsonTypeOf(answer)}: ${where}`).toBeDefined();
          if (jsonTypeOf(answer) === 'application/json' && media) expect(schemaProblems(media.schema, JSON.parse(answer.text)), where).toBeNull();
        } else expect(answer.text, where).toBe('');

        if (after !== before) {
          writes += 1;
          expect(['POST', 'PUT', 'PATCH', 'DELETE'], `a read wrote: ${where}`).toContain(b.method);
          const report = await h.services.ledger.checkIntegrity();
          expect(report.mismatches, where).toEqual([]);
          expect(report.merchantMismatches, where).toEqual([]);
          expect(report.dayMismatches, where).toEqual([]);
          expect(report.badReversals, where).toEqual([]);
        }
        if (b.who !== 'b') expect(await merchantBRows(), `merchant B's rows changed: ${where}`).toBe(beforeB);
        // Logging out A's token is a valid success; keep exploring with a fresh one.
        if (b.method === 'POST' && template === '/api/auth/logout/' && b.who === 'a') {
          tokens.a = (await h.services.auth.login({ username: 'alice', password: 'correct horse' })).token;
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.info(
      `hostile requests: ${RUNS} sent, ${writes} valid writes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect([...hits.keys()].sort()).toEqual(ROUTES);
    const report = await h.services.ledger.checkIntegrity();
    expect(report.mismatches).toEqual([]);
    expect(report.merchantMismatches).toEqual([]);
    expect(report.dayMismatches).toEqual([]);
  }, 120_000);
});
