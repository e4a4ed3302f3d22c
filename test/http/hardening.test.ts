import { createServer, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrorsInJson } from '../../src/http/client-errors.js';
import { dumpDatabase, listen, sqlRows, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants } from '../support/fixtures.js';

let h: Harness;
let token: string;
let ownerId: number;
let bob: number;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  ({ h, tokens: { alice: token } } = await harnessWithMerchants(['alice']));
  ownerId = (await request(h.app).get('/api/auth/me/').set(auth(token))).body.id;
  bob = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Bob' })).body.id;
  server = await listen(h.app);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

function expectJsonError(res: { status: number; type: string; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body).toEqual({ error: expect.any(String), code, fields: expect.any(Object) });
}

/** A raw request, for bodies and headers supertest would tidy up (no Content-Type, chunked). */
function raw(method: string, path: string, headers: Record<string, string>, body: string | Buffer, chunked = false) {
  return new Promise<{ status: number; type: string; body: unknown }>((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const type = (res.headers['content-type'] ?? '').split(';')[0] ?? '';
        resolve({ status: res.statusCode ?? 0, type, body: type === 'application/json' ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    if (chunked) {
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 8192) req.write(bytes.subarray(i, i + 8192));
      req.end();
    } else req.end(body);
  });
}

describe('security headers (helmet)', () => {
  it.each(['/api/summary/', '/api/nowhere/', '/docs/'])('when %s is requested, then the answer carries the helmet headers and no X-Powered-By', async (path) => {
    const res = await request(h.app).get(path).set(auth(token));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('body size limit', () => {
  const bigNote = (bytes: number) => JSON.stringify({ type: 'credit', amount: '5', note: 'n'.repeat(bytes) });

  it('when a JSON body is over 64 KiB, then 413 JSON and nothing is written', async () => {
    const before = await dumpDatabase(h.db);
    const res = await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).type('json').send(bigNote(64 * 1024 + 1));
    expectJsonError(res, 413, 'payload_too_large');
    expect(await dumpDatabase(h.db)).toBe(before);
  });

  it('when an oversized body comes chunked, without a Content-Length, then it is still 413 JSON', async () => {
    const body = Buffer.from(bigNote(200 * 1024));
    const res = await raw('POST', `/api/customers/${bob}/entries/`, { ...auth(token), 'Content-Type': 'application/json' }, body, true);
    expectJsonError(res, 413, 'payload_too_large');
  });

  it('when the body is just under 64 KiB, then it is read and judged on its content (a 400 for the long note, not a 413)', async () => {
    const res = await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).type('json').send(bigNote(60 * 1024));
    expectJsonError(res, 400, 'invalid_input');
    expect(res.body.fields.note).toBeDefined();
  });

  it('when an unauthenticated register body is over 64 KiB, then 413 before any work', async () => {
    const res = await request(h.app).post('/api/auth/register/').type('json').send(JSON.stringify({ username: 'big', password: 'p'.repeat(70_000) }));
    expectJsonError(res, 413, 'payload_too_large');
  });
});

describe('requests the router cannot read', () => {
  it('when a path id has broken %-encoding, then 400 JSON (not a 500)', async () => {
    const res = await request(h.app).patch('/api/customers/%zz/').set(auth(token)).send({ name: 'X' });
    expectJsonError(res, 400, 'bad_request');
  });

  it.each(['/healthz', '/api/openapi.json'])('when %s is asked with OPTIONS or DELETE, then 405 JSON with Allow', async (path) => {
    for (const method of ['OPTIONS', 'DELETE'] as const) {
      const res = method === 'OPTIONS' ? await request(h.app).options(path) : await request(h.app).delete(path);
      expectJsonError(res, 405, 'method_not_allowed');
      expect(res.headers.allow).toBe('GET');
    }
  });

  it('when the request line is over 16 KiB, then Node refuses it with a 431 in the JSON error shape', async () => {
    const bare = createServer(h.app);
    answerClientErrorsInJson(bare);
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const address = bare.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const res = await new Promise<{ status: number; type: string; body: unknown }>((resolve, reject) => {
        const req = httpRequest(`http://127.0.0.1:${port}/api/customers/?search=${'x'.repeat(20_000)}`, (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, type: (r.headers['content-type'] ?? '').split(';')[0] ?? '', body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end();
      });
      expectJsonError(res, 431, 'headers_too_large');
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});

describe('compressed bodies', () => {
  it('when a body says gzip but is not, then 400 JSON (not a 500) and nothing is written', async () => {
    const before = await dumpDatabase(h.db);
    const res = await raw('POST', '/api/customers/', { ...auth(token), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, '{"name":"Eve"}');
    expectJsonError(res, 400, 'malformed_json');
    expect(await dumpDatabase(h.db)).toBe(before);
  });

  it('when a body really is gzip, then it is read as JSON', async () => {
    const res = await raw('POST', '/api/customers/', { ...auth(token), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, gzipSync('{"name":"Zip"}'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Zip' });
  });
});

describe('only JSON bodies', () => {
  const cases: Array<[string, string, string, string]> = [
    ['POST', '/api/customers/', 'text/plain', '{"name":"Eve"}'],
    ['POST', '/api/customers/', 'application/x-www-form-urlencoded', 'name=Eve'],
    ['PUT', '/api/customers/{bob}/', 'application/xml', '<name>Eve</name>'],
    ['PATCH', '/api/customers/{bob}/', 'multipart/form-data; boundary=x', '--x\r\n\r\nEve\r\n--x--'],
    ['POST', '/api/customers/{bob}/entries/', 'text/csv', 'credit,5'],
    ['POST', '/api/auth/login/', 'text/plain', '{"username":"alice","password":"correct horse"}'],
  ];

  it.each(cases)('when %s %s is sent as %s, then 415 JSON and nothing is written', async (method, path, type, body) => {
    const before = await dumpDatabase(h.db);
    const res = await raw(method, path.replace('{bob}', String(bob)), { ...auth(token), 'Content-Type': type }, body);
    expectJsonError(res, 415, 'unsupported_media_type');
    expect(await dumpDatabase(h.db)).toBe(before);
  });

  it('when a body comes with no Content-Type at all, then 415 JSON', async () => {
    const res = await raw('POST', '/api/customers/', auth(token), '{"name":"Eve"}');
    expectJsonError(res, 415, 'unsupported_media_type');
  });
});

describe('prototype pollution', () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  let keysBefore: string[];
  beforeAll(() => {
    keysBefore = prototypeKeys();
  });

  const hostile = (fields: string) =>
    `{${fields},"__proto__":{"polluted":"yes","archived":true,"owner":999,"amount":"99999"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}`;

  function expectClean(): void {
    expect(prototypeKeys()).toEqual(keysBefore);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(Reflect.get(Object.create(null), 'polluted')).toBeUndefined();
  }

  it('when a customer is created with __proto__ and constructor keys, then it is stored as a plain customer of its owner and nothing is polluted', async () => {
    const res = await request(h.app).post('/api/customers/').set(auth(token)).type('json').send(hostile('"name":"Proto"'));
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('polluted');
    const [row] = await sqlRows(h.db, 'select name, owner_id, archived, total_credit from customers where id = ?', [res.body.id]);
    // Normalised: PostgreSQL answers booleans and bigints where SQLite answers 0/1 and numbers.
    expect({ ...row, archived: Boolean(row?.archived), total_credit: Number(row?.total_credit) }).toEqual({
      name: 'Proto',
      owner_id: ownerId,
      archived: false,
      total_credit: 0,
    });
    expectClean();
  });

  it('when an entry is posted with a __proto__ amount, then the amount sent is the one stored', async () => {
    const res = await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).type('json').send(hostile('"type":"credit","amount":"5"'));
    expect(res.status).toBe(201);
    expect(res.body.amount).toBe('5.00');
    const [row] = await sqlRows(h.db, 'select amount from ledger_entries where id = ?', [res.body.id]);
    expect(Number(row?.amount)).toBe(500);
    expectClean();
  });

  it('when a patch carries only __proto__ and constructor keys, then the customer is unchanged', async () => {
    const res = await request(h.app).patch(`/api/customers/${bob}/`).set(auth(token)).type('json').send('{"__proto__":{"name":"Hacked"},"constructor":{"name":"Hacked"}}');
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Bob');
    const [row] = await sqlRows(h.db, 'select name, phone, address, archived from customers where id = ?', [bob]);
    expect({ ...row, archived: Boolean(row?.archived) }).toEqual({ name: 'Bob', phone: '', address: '', archived: false });
    expectClean();
  });

  it('when register and an Idempotency-Key replay see __proto__ keys, then both behave as for a plain body', async () => {
    const reg = await request(h.app).post('/api/auth/register/').type('json').send(hostile('"username":"proto-shop","password":"correct horse"'));
    expect(reg.status).toBe(201);
    const [user] = await sqlRows(h.db, "select username from users where username = 'proto-shop'");
    expect(user).toEqual({ username: 'proto-shop' });
    const body = hostile('"type":"debit","amount":"1"');
    const first = await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).set('Idempotency-Key', 'proto-1').type('json').send(body);
    const again = await request(h.app).post(`/api/customers/${bob}/entries/`).set(auth(token)).set('Idempotency-Key', 'proto-1').type('json').send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expectClean();
  });

  it('when query strings name __proto__ and constructor, then lists answer normally and nothing is polluted', async () => {
    for (const path of ['/api/customers/', `/api/customers/${bob}/entries/`]) {
      const res = await request(h.app)
        .get(`${path}?__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__.polluted=yes`)
        .set(auth(token));
      expect([200, 400]).toContain(res.status);
      expect(res.type).toBe('application/json');
    }
    expectClean();
  });
});

describe('bounded requests', () => {
  it('when a JSON body nests 4,000 levels deep under an Idempotency-Key, then 400 json_too_deep, never a 500, and nothing is written (fault 6)', async () => {
    const before = await dumpDatabase(h.db);
    const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const res = await raw('POST', `/api/customers/${bob}/entries/`, { 'Content-Type': 'application/json', Authorization: `Token ${token}`, 'Idempotency-Key': 'deep-1' }, `{"type":"credit","amount":"1","note":${deep}}`);
    expectJsonError(res, 400, 'json_too_deep');
    expect(await dumpDatabase(h.db)).toBe(before);
    const shallow = await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Shallow', address: { a: { b: { c: 1 } } } });
    expect(shallow.status).toBe(400);
    expect(shallow.body.code).toBe('invalid_input');
  });

  it('when a body comes to an authenticated route without a valid token, then 401 before the body is read, and the connection is closed (fault 5)', async () => {
    const answered = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      // Headers promise 1,000 bytes; only 10 are ever sent: the answer must not wait for the rest.
      const req = httpRequest(`${server.url}/api/customers/`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      });
      req.on('error', reject);
      req.write('{"name":"x');
    });
    expect(answered).toEqual({ status: 401, connection: 'close' });
  });

  it('when any /api answer carries a token, a link code or ledger data, then it says Cache-Control: no-store (fault 13)', async () => {
    const registered = await request(h.app).post('/api/auth/register/').send({ username: 'no-store-shop', password: 'correct horse' });
    const login = await request(h.app).post('/api/auth/login/').send({ username: 'no-store-shop', password: 'correct horse' });
    const summary = await request(h.app).get('/api/summary/').set(auth(token));
    const refused = await request(h.app).get('/api/summary/');
    for (const res of [registered, login, summary, refused]) expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('passwords', () => {
  it('when two passwords differ only after the 72nd byte, then they are different passwords (fault 11)', async () => {
    const base = 'a'.repeat(72);
    expect((await request(h.app).post('/api/auth/register/').send({ username: 'long-password', password: `${base}X` })).status).toBe(201);
    expect((await request(h.app).post('/api/auth/login/').send({ username: 'long-password', password: `${base}anything` })).status).toBe(400);
    expect((await request(h.app).post('/api/auth/login/').send({ username: 'long-password', password: `${base}X` })).status).toBe(200);
    const [row] = await sqlRows(h.db, "select password_hash from users where username = 'long-password'");
    expect(String(row?.password_hash)).toMatch(/^sha256:\$2[aby]\$\d\d\$/);
  });

  it('when a password was stored by the older plain bcrypt, then it still logs in, and is stored in the new scheme from then on', async () => {
    const { default: bcrypt } = await import('bcryptjs');
    await request(h.app).post('/api/auth/register/').send({ username: 'old-hash', password: 'an old password' });
    await sqlRows(h.db, "update users set password_hash = ? where username = 'old-hash'", [bcrypt.hashSync('an old password', 4)]);
    expect((await request(h.app).post('/api/auth/login/').send({ username: 'old-hash', password: 'an old password' })).status).toBe(200);
    const [row] = await sqlRows(h.db, "select password_hash from users where username = 'old-hash'");
    expect(String(row?.password_hash)).toMatch(/^sha256:/);
    expect((await request(h.app).post('/api/auth/login/').send({ username: 'old-hash', password: 'an old password' })).status).toBe(200);
  });
});
