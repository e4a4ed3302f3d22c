import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, sqlRows, type Harness } from '../support/harness.js';
import { auth, registerMerchant } from '../support/fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe('POST /api/auth/register/', () => {
  it('when a new merchant registers, then 201 with a token that works', async () => {
    const res = await request(h.app).post('/api/auth/register/').send({ username: 'shop.one', password: 'password123' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['token']);
    expect(res.body.token).toMatch(/^[0-9a-f]{64}$/);
    const me = await request(h.app).get('/api/auth/me/').set(auth(res.body.token));
    expect(me.status).toBe(200);
    // The shop's name customers see is the username until the merchant sets one.
    expect(me.body).toEqual({ id: expect.any(Number), username: 'shop.one', display_name: 'shop.one', currency: null });
  });

  it('when the username is taken, then 400 naming the username field', async () => {
    await registerMerchant(h.app, 'taken_name');
    const res = await request(h.app).post('/api/auth/register/').send({ username: 'taken_name', password: 'password123' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'username_taken', fields: { username: expect.any(String) } });
    expect(typeof res.body.error).toBe('string');
  });

  it.each([
    [{ username: 'ab', password: 'password123' }, 'username'],
    [{ username: 'has space', password: 'password123' }, 'username'],
    [{ username: 'x'.repeat(151), password: 'password123' }, 'username'],
    [{ username: 'okname', password: 'short' }, 'password'],
    [{ username: 'okname', password: 'p'.repeat(129) }, 'password'],
    [{ password: 'password123' }, 'username'],
    [{ username: 'okname' }, 'password'],
  ])('when registering with %j, then 400 on %s', async (body, field) => {
    const res = await request(h.app).post('/api/auth/register/').send(body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty(field);
  });

  it('when the username uses every allowed symbol, then it is accepted', async () => {
    const res = await request(h.app).post('/api/auth/register/').send({ username: 'a@b.c+d-e_f', password: 'password123' });
    expect(res.status).toBe(201);
  });

  it('when the path has no trailing slash, then it works too', async () => {
    const res = await request(h.app).post('/api/auth/register').send({ username: 'noslash', password: 'password123' });
    expect(res.status).toBe(201);
  });
});

describe('POST /api/auth/login/', () => {
  beforeAll(async () => {
    await registerMerchant(h.app, 'loginuser', 'the password');
  });

  it('when the credentials are right, then 200 with a new token each time', async () => {
    const a = await request(h.app).post('/api/auth/login/').send({ username: 'loginuser', password: 'the password' });
    const b = await request(h.app).post('/api/auth/login/').send({ username: 'loginuser', password: 'the password' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.token).not.toBe(b.body.token);
    expect((await request(h.app).get('/api/auth/me/').set(auth(a.body.token))).status).toBe(200);
  });

  it.each([
    [{ username: 'loginuser', password: 'wrong password' }],
    [{ username: 'nobody-here', password: 'the password' }],
  ])('when the credentials are wrong (%j), then 400 "Invalid credentials", as the API contract says', async (body) => {
    const res = await request(h.app).post('/api/auth/login/').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid credentials', code: 'invalid_credentials', fields: {} });
  });

  it('when the body is not an object, then 400', async () => {
    const res = await request(h.app).post('/api/auth/login/').set('Content-Type', 'application/json').send('[1,2]');
    expect(res.status).toBe(400);
  });
});

describe('tokens', () => {
  it('when no token is sent, then 401 with WWW-Authenticate: Token', async () => {
    const res = await request(h.app).get('/api/customers/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Token');
    expect(res.body.code).toBe('not_authenticated');
  });

  it.each(['Token', 'Token nothex', `Bearer ${'a'.repeat(64)}`, `Token ${'a'.repeat(64)}`, 'Basic dXNlcjpwYXNz'])(
    'when the Authorization header is %j, then 401 with WWW-Authenticate: Token',
    async (header) => {
      const res = await request(h.app).get('/api/customers/').set('Authorization', header);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Token');
      expect(res.body.code).toBe('invalid_token');
    },
  );

  it('when a merchant logs out, then 204 and that token is refused while another session keeps working', async () => {
    const first = await registerMerchant(h.app, 'logout-user', 'the password');
    const second = (await request(h.app).post('/api/auth/login/').send({ username: 'logout-user', password: 'the password' })).body.token;
    const res = await request(h.app).post('/api/auth/logout/').set(auth(first));
    expect(res.status).toBe(204);
    expect((await request(h.app).get('/api/auth/me/').set(auth(first))).status).toBe(401);
    expect((await request(h.app).get('/api/auth/me/').set(auth(second))).status).toBe(200);
  });

  it('when a token is used, then only its SHA-256 is stored and last_used_at is set', async () => {
    const token = await registerMerchant(h.app, 'hash-check');
    await request(h.app).get('/api/auth/me/').set(auth(token));
    const rows = await sqlRows(h.db, 'select token_hash, last_used_at from api_tokens');
    expect(JSON.stringify(rows)).not.toContain(token);
    const hash = createHash('sha256').update(token).digest('hex');
    const row = rows.find((r) => r.token_hash === hash);
    expect(row?.last_used_at).toBeTruthy();
  });

  it('when logout is called without a token, then 401', async () => {
    expect((await request(h.app).post('/api/auth/logout/')).status).toBe(401);
  });
});
