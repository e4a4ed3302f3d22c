import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, binaryBody, harnessWithMerchants, type ApiClient } from '../support/fixtures.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
let shop: ApiClient;
let other: ApiClient;
let alice: number;

beforeAll(async () => {
  const world = await harnessWithMerchants(['shop', 'other']);
  h = world.h;
  shop = apiClient(h.app, world.tokens.shop);
  other = apiClient(h.app, world.tokens.other);
  alice = (await shop.post('/api/customers/', { name: 'Alice' })).body.id;
  await shop.post(`/api/customers/${alice}/entries/`, { type: 'credit', amount: '125000' });
  await other.post('/api/customers/', { name: 'Bob' });
});
afterAll(async () => h.close());

describe('the merchant’s currency', () => {
  it('when a merchant has none, then /me says null and no answer names one', async () => {
    expect((await shop.get('/api/auth/me/')).body.currency).toBeNull();
    expect((await shop.get(`/api/customers/${alice}/summary/`)).body).toEqual({ total_credit: '125000.00', total_debit: '0.00', balance: '125000.00' });
  });

  it('when it is set in any case, then /me keeps the ISO code, and every answer with amounts names it beside the unconverted amounts', async () => {
    const set = await shop.patch('/api/auth/me/', { currency: 'bdt' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ currency: 'BDT', display_name: 'shop' });
    expect((await shop.get(`/api/customers/${alice}/summary/`)).body).toEqual({ total_credit: '125000.00', total_debit: '0.00', balance: '125000.00', currency: 'BDT' });
    expect((await shop.get('/api/summary/')).body).toMatchObject({ balance: '125000.00', currency: 'BDT' });
    expect((await shop.get('/api/customers/')).body).toEqual([expect.objectContaining({ name: 'Alice', balance: '125000.00', currency: 'BDT' })]);
    expect((await shop.get(`/api/customers/${alice}/`)).body).toMatchObject({ balance: '125000.00', currency: 'BDT' });
    const posted = await shop.post(`/api/customers/${alice}/entries/`, { type: 'debit', amount: '500' });
    expect(posted.body).toMatchObject({ amount: '500.00', currency: 'BDT' });
    expect((await shop.get(`/api/customers/${alice}/entries/`)).body.every((e: { currency?: string }) => e.currency === 'BDT')).toBe(true);
    expect((await shop.get(`/api/customers/${alice}/statement/`)).body).toMatchObject({ closing_balance: '124500.00', currency: 'BDT' });
    expect((await shop.get('/api/reports/dues/')).body).toEqual([expect.objectContaining({ balance: '124500.00', currency: 'BDT' })]);
  });

  it('when another merchant reads their own book, then their answers carry no currency', async () => {
    const [bob] = (await other.get('/api/customers/')).body;
    expect(bob).not.toHaveProperty('currency');
    expect((await other.get('/api/auth/me/')).body.currency).toBeNull();
  });

  it('when the code is not ISO 4217, or the change is empty, then 400 naming the field, and nothing changes', async () => {
    for (const body of [{ currency: 'XYZ' }, { currency: 'TAKA' }, { currency: 5 }]) {
      const res = await shop.patch('/api/auth/me/', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields).toHaveProperty('currency');
    }
    expect((await shop.patch('/api/auth/me/', {})).status).toBe(400);
    expect((await shop.get('/api/auth/me/')).body.currency).toBe('BDT');
  });

  it('when the currency is set, then the chart’s amounts carry it (the picture changes), and clearing it brings the plain one back', async () => {
    const chart = async () => Buffer.from((await shop.get(`/api/customers/${alice}/chart.png`).buffer(true).parse(binaryBody)).body);
    await shop.patch('/api/auth/me/', { currency: null });
    const plain = await chart();
    await shop.patch('/api/auth/me/', { currency: 'INR' });
    expect((await chart()).equals(plain)).toBe(false);
    await shop.patch('/api/auth/me/', { currency: null });
    expect((await chart()).equals(plain)).toBe(true);
    await shop.patch('/api/auth/me/', { currency: 'BDT' });
  });

  it('when it is cleared with null, then answers stop naming it', async () => {
    expect((await shop.patch('/api/auth/me/', { currency: null })).body.currency).toBeNull();
    expect((await shop.get(`/api/customers/${alice}/summary/`)).body).not.toHaveProperty('currency');
  });
});
