import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, dumpDatabase, nextPath, sqlCount, sqlRows, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants, registerMerchant } from '../support/fixtures.js';

let h: Harness;
let alice: string;
let mallory: string;

beforeAll(async () => ({ h, tokens: { alice, mallory } } = await harnessWithMerchants(['alice', 'mallory'])));
afterAll(async () => h.close());

async function createCustomer(token: string, body: object) {
  const res = await request(h.app).post('/api/customers/').set(auth(token)).send(body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('/api/customers/', () => {
  it('when a merchant creates a customer, then 201 with zero totals as decimal strings', async () => {
    const res = await request(h.app)
      .post('/api/customers/')
      .set(auth(alice))
      .send({ name: '  Bob Stone  ', phone: '+92 300-1234567', address: '12 Mall Road' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Bob Stone',
      phone: '+92 300-1234567',
      address: '12 Mall Road',
      total_credit: '0.00',
      total_debit: '0.00',
      balance: '0.00',
    });
  });

  it('when phone and address are left out or null, then they are empty strings', async () => {
    expect(await createCustomer(alice, { name: 'Only Name' })).toMatchObject({ phone: '', address: '' });
    expect(await createCustomer(alice, { name: 'Nulls', phone: null, address: null })).toMatchObject({ phone: '', address: '' });
  });

  it('when the list is read, then it is a plain array of only this merchant\'s customers', async () => {
    await createCustomer(mallory, { name: 'Mallory Customer' });
    const res = await request(h.app).get('/api/customers/').set(auth(alice));
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const names = res.body.map((c: { name: string }) => c.name);
    expect(names).toContain('Bob Stone');
    expect(names).not.toContain('Mallory Customer');
    for (const c of res.body) {
      expect(Object.keys(c).sort()).toEqual(['address', 'balance', 'id', 'name', 'phone', 'total_credit', 'total_debit']);
    }
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'n'.repeat(101) }, 'name'],
    [{ name: 'Ok', phone: '1'.repeat(21) }, 'phone'],
    [{ name: 'Ok', phone: 'call me' }, 'phone'],
    [{ name: 'Ok', address: 'a'.repeat(501) }, 'address'],
    [{ name: 42 }, 'name'],
    [{ phone: '123' }, 'name'],
    [{ name: 'Tab\u0007Bell' }, 'name'],
  ])('when creating with %j, then 400 naming %s', async (body, field) => {
    const res = await request(h.app).post('/api/customers/').set(auth(alice)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty(field);
  });

  it('when a name is exactly 100 characters, then it is accepted', async () => {
    expect((await createCustomer(alice, { name: 'n'.repeat(100) })).name).toHaveLength(100);
  });
});

describe('/api/customers/{id}/', () => {
  it('when the owner reads, replaces and patches, then each answer shows the change', async () => {
    const c = await createCustomer(alice, { name: 'Carol', phone: '111', address: 'Old' });
    const got = await request(h.app).get(`/api/customers/${c.id}/`).set(auth(alice));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(c);

    const put = await request(h.app).put(`/api/customers/${c.id}/`).set(auth(alice)).send({ name: 'Carol King', phone: '222' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Carol King', phone: '222', address: 'Old' });

    const patch = await request(h.app).patch(`/api/customers/${c.id}/`).set(auth(alice)).send({ address: 'New' });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: 'Carol King', phone: '222', address: 'New' });
  });

  it('when PUT leaves out the name, then 400', async () => {
    const c = await createCustomer(alice, { name: 'Dan' });
    const res = await request(h.app).put(`/api/customers/${c.id}/`).set(auth(alice)).send({ phone: '1' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('name');
  });

  it('when a customer is deleted, then 204, it disappears from the API and its entries are kept', async () => {
    const c = await createCustomer(alice, { name: 'Eve' });
    await request(h.app).post(`/api/customers/${c.id}/entries/`).set(auth(alice)).send({ type: 'credit', amount: '10' }).expect(201);
    const del = await request(h.app).delete(`/api/customers/${c.id}/`).set(auth(alice));
    expect(del.status).toBe(204);
    expect((await request(h.app).get(`/api/customers/${c.id}/`).set(auth(alice))).status).toBe(404);
    expect((await request(h.app).get(`/api/customers/${c.id}/entries/`).set(auth(alice))).status).toBe(404);
    expect((await request(h.app).get(`/api/customers/${c.id}/summary/`).set(auth(alice))).status).toBe(404);
    expect((await request(h.app).delete(`/api/customers/${c.id}/`).set(auth(alice))).status).toBe(404);
    const list = await request(h.app).get('/api/customers/').set(auth(alice));
    expect(list.body.map((x: { id: number }) => x.id)).not.toContain(c.id);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries where customer_id = ?', [c.id])).toBe(1);
  });

  it('when another merchant reads, changes or deletes Alice\'s customer, then 404 and nothing changes', async () => {
    const c = await createCustomer(alice, { name: 'Private' });
    const before = await dumpDatabase(h.db, ['customers', 'ledger_entries']);
    const url = `/api/customers/${c.id}/`;
    const answers = [
      await request(h.app).get(url).set(auth(mallory)),
      await request(h.app).put(url).set(auth(mallory)).send({ name: 'Stolen' }),
      await request(h.app).patch(url).set(auth(mallory)).send({ name: 'Stolen' }),
      await request(h.app).delete(url).set(auth(mallory)),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('customer_not_found');
    }
    expect(await dumpDatabase(h.db, ['customers', 'ledger_entries'])).toBe(before);
  });

  it('when an unsupported method is used, then 405 JSON with Allow', async () => {
    const res = await request(h.app).post('/api/customers/1/').set(auth(alice)).send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PUT, PATCH, DELETE');
    expect(res.body.code).toBe('method_not_allowed');
  });
});

describe('customer search', () => {
  it('when searching by part of a name, then matches come back whatever the case, with % and _ taken literally', async () => {
    const token = await registerMerchant(h.app, 'search-shop');
    for (const name of ['Mary Jane', 'mary ann', 'Jane Doe', '50% Club', '50x Club', 'a_b', 'aXb']) {
      await createCustomer(token, { name });
    }
    const names = async (search: string) =>
      (await request(h.app).get(`/api/customers/?search=${encodeURIComponent(search)}`).set(auth(token))).body.map(
        (c: { name: string }) => c.name,
      );
    expect(await names('MARY')).toEqual(['Mary Jane', 'mary ann']);
    expect(await names('jane')).toEqual(['Mary Jane', 'Jane Doe']);
    expect(await names('50%')).toEqual(['50% Club']);
    expect(await names('a_b')).toEqual(['a_b']);
    expect(await names('nobody')).toEqual([]);
  });

  it('when a name starts with a non-ASCII capital or carries accents, then it is found spelled exactly, in other case, without accents or decomposed, on either database (fault 8)', async () => {
    const token = await registerMerchant(h.app, 'unicode-search-shop');
    for (const name of ['Émile Zola', 'İsmail', 'José', 'রহিম', 'Ömer']) await createCustomer(token, { name });
    const names = async (search: string) =>
      (await request(h.app).get(`/api/customers/?search=${encodeURIComponent(search)}`).set(auth(token))).body.map((c: { name: string }) => c.name);
    for (const search of ['Émile', 'émile', 'EMILE', 'E\u0301mile']) expect(await names(search), search).toEqual(['Émile Zola']);
    expect(await names('ismail')).toEqual(['İsmail']);
    expect(await names('İSMAİL')).toEqual(['İsmail']);
    expect(await names('jose\u0301')).toEqual(['José']);
    expect(await names('রহি')).toEqual(['রহিম']);
    expect(await names('ömer')).toEqual(['Ömer']);
  });
});

describe('customer search in a big book', () => {
  it('when a merchant with 25,000 customers searches, then each page looks through at most 10,000 of them, and following Link finds every match once', async () => {
    const token = await registerMerchant(h.app, 'big-search-shop');
    const me = (await request(h.app).get('/api/auth/me/').set(auth(token))).body.id;
    const first = await createCustomer(token, { name: 'Zed Alpha' });
    const now = new Date();
    await sqlRows(
      h.db,
      `insert into customers (owner_id, name, name_key, phone, address, archived, total_credit, total_debit, total_reversed, created_at, updated_at)
       with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 25000)
       select ?, 'Filler ' || n, 'filler ' || n, '', '', ?, 0, 0, 0, ?, ? from seq`,
      [me, false, now, now],
    );
    const last = await createCustomer(token, { name: 'Omega Zed' });

    const pages: Array<{ names: string[]; link: boolean }> = [];
    let path: string | null = '/api/customers/?search=zed&limit=100';
    while (path) {
      const res = await request(h.app).get(path).set(auth(token));
      expect(res.status).toBe(200);
      pages.push({ names: res.body.map((c: { name: string }) => c.name), link: res.headers.link !== undefined });
      path = nextPath(res.headers.link);
    }

    expect(pages.flatMap((p) => p.names)).toEqual(['Zed Alpha', 'Omega Zed']);
    // 25,002 customers, 10,000 a look: three pages, the middle one empty but still pointing on.
    expect(pages).toEqual([
      { names: ['Zed Alpha'], link: true },
      { names: [], link: true },
      { names: ['Omega Zed'], link: false },
    ]);
    expect(first.id).toBeLessThan(last.id);
  });
});

describe('customers per merchant', () => {
  it('when a merchant reaches MAX_CUSTOMERS_PER_MERCHANT, then the next customer is a 409 and nothing is stored, while another merchant still adds', async () => {
    const small = await createHarness({ maxCustomers: 3 });
    try {
      const capped = await registerMerchant(small.app, 'capped-shop');
      const other = await registerMerchant(small.app, 'other-shop');
      for (const name of ['A', 'B', 'C']) expect((await request(small.app).post('/api/customers/').set(auth(capped)).send({ name })).status).toBe(201);
      const refused = await request(small.app).post('/api/customers/').set(auth(capped)).send({ name: 'D' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'customer_limit_reached' });
      expect(await sqlCount(small.db, "select count(*) as n from customers where name = 'D'")).toBe(0);
      expect((await request(small.app).post('/api/customers/').set(auth(other)).send({ name: 'D' })).status).toBe(201);
    } finally {
      await small.close();
    }
  });
});

describe('customer pagination', () => {
  it('when a merchant has more customers than the limit, then following Link rel="next" visits each exactly once', async () => {
    const token = await registerMerchant(h.app, 'many-customers');
    const created: number[] = [];
    for (let i = 0; i < 23; i++) created.push((await createCustomer(token, { name: `C${i}` })).id);
    const seen: number[] = [];
    let url: string | null = '/api/customers/?limit=5';
    let pages = 0;
    while (url) {
      const res = await request(h.app).get(url).set(auth(token));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.map((c: { id: number }) => c.id));
      url = nextPath(res.headers.link);
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(created);
  });
});
