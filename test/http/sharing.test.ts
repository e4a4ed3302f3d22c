import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, binaryBody, harnessWithMerchants, manualClock, type ApiClient } from '../support/fixtures.js';
import { createHarness, sqlRows, type Harness } from '../support/harness.js';

const BASE = 'https://ledger.example.test';
const DAY = 86_400_000;
let h: Harness;
let shop: ApiClient;
let mallory: ApiClient;
let alice: number;
let bob: number;
const clock = manualClock(Date.parse('2026-12-01T09:00:00Z'));

const pathOf = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  const world = await harnessWithMerchants(['shop', 'mallory'], { clock, publicBaseUrl: BASE });
  h = world.h;
  shop = apiClient(h.app, world.tokens.shop);
  mallory = apiClient(h.app, world.tokens.mallory);
  expect((await shop.patch('/api/auth/me/', { display_name: 'Corner Shop' })).status).toBe(200);
  alice = (await shop.post('/api/customers/', { name: 'Alice', phone: '+91 98000-11111' })).body.id;
  bob = (await shop.post('/api/customers/', { name: 'Bob <script>', phone: '' })).body.id;
  await shop.post(`/api/customers/${alice}/entries/`, { type: 'credit', amount: '3500', entry_date: '2026-11-20', note: 'rice & dal <b>' });
  await shop.post(`/api/customers/${alice}/entries/`, { type: 'debit', amount: '500', entry_date: '2026-11-28', note: 'cash' });
  await shop.post(`/api/customers/${bob}/entries/`, { type: 'debit', amount: '50', entry_date: '2026-11-28', note: 'advance' });
});
afterAll(async () => h.close());

describe('the merchant’s display name', () => {
  it('when it is set, then /me shows it; when it is blank or too long, then 400 with the field', async () => {
    expect((await shop.get('/api/auth/me/')).body.display_name).toBe('Corner Shop');
    const blank = await shop.patch('/api/auth/me/', { display_name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toHaveProperty('display_name');
    expect((await shop.patch('/api/auth/me/', { display_name: 'x'.repeat(101) })).status).toBe(400);
  });

  it('when a merchant never set one, then it is their username', async () => {
    expect((await mallory.get('/api/auth/me/')).body.display_name).toBe('mallory');
  });
});

describe('share links', () => {
  it('when a link is made, then its URL is PUBLIC_BASE_URL/s/<token> with at least 128 bits, it is listed, and only its hash is stored', async () => {
    const made = await shop.post(`/api/customers/${alice}/share-links/`);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.any(Number), expires_at: null, created_at: '2026-12-01T09:00:00.000Z' });
    const token = String(made.body.url).slice(`${BASE}/s/`.length);
    expect(made.body.url.startsWith(`${BASE}/s/`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const listed = await shop.get(`/api/customers/${alice}/share-links/`);
    expect(listed.body).toContainEqual(made.body);
    const stored = JSON.stringify(await sqlRows(h.db, 'select * from share_links'));
    expect(stored).not.toContain(token);
  });

  it('when a link is asked to expire, then expires_at is that many days on, and after it the page is gone', async () => {
    const made = await shop.post(`/api/customers/${alice}/share-links/`, { expires_in_days: 2 });
    expect(made.body.expires_at).toBe(new Date(clock.now().getTime() + 2 * DAY).toISOString());
    expect((await request(h.app).get(pathOf(made.body.url))).status).toBe(200);
    clock.advance(2 * DAY + 1);
    try {
      const page = await request(h.app).get(pathOf(made.body.url));
      expect(page.status).toBe(404);
      expect(page.text).toContain('This link is no longer valid');
      expect((await shop.get(`/api/customers/${alice}/share-links/`)).body.map((l: { id: number }) => l.id)).not.toContain(made.body.id);
    } finally {
      clock.advance(-(2 * DAY + 1));
    }
  });

  it('when expires_in_days is not a whole number of days from 1, then 400 with the field', async () => {
    for (const body of [{ expires_in_days: 0 }, { expires_in_days: 1.5 }, { expires_in_days: '3' }, { expires_in_days: 99999 }]) {
      const res = await shop.post(`/api/customers/${alice}/share-links/`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields).toHaveProperty('expires_in_days');
    }
  });

  it('when a link is revoked, then its page and its PDF are gone at once, and it is no longer listed', async () => {
    const made = await shop.post(`/api/customers/${alice}/share-links/`);
    expect((await shop.delete(`/api/customers/${alice}/share-links/${made.body.id}/`)).status).toBe(204);
    const page = await request(h.app).get(pathOf(made.body.url));
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect((await request(h.app).get(`${pathOf(made.body.url)}/statement.pdf`)).status).toBe(404);
    expect((await request(h.app).get(`${pathOf(made.body.url)}?format=json`)).body.code).toBe('share_link_not_found');
    expect((await shop.get(`/api/customers/${alice}/share-links/`)).body.map((l: { id: number }) => l.id)).not.toContain(made.body.id);
    expect((await shop.delete(`/api/customers/${alice}/share-links/${made.body.id}/`)).status).toBe(404);
  });

  it('when another merchant lists, makes, revokes, reminds or reads subscribers of the shop’s customer, then 404, and the link still works', async () => {
    const made = await shop.post(`/api/customers/${alice}/share-links/`);
    expect((await mallory.get(`/api/customers/${alice}/share-links/`)).status).toBe(404);
    expect((await mallory.post(`/api/customers/${alice}/share-links/`)).status).toBe(404);
    expect((await mallory.delete(`/api/customers/${alice}/share-links/${made.body.id}/`)).status).toBe(404);
    expect((await mallory.post(`/api/customers/${alice}/reminder/`)).status).toBe(404);
    expect((await mallory.get(`/api/customers/${alice}/subscribers/`)).status).toBe(404);
    expect((await mallory.delete(`/api/customers/${alice}/subscribers/1/`)).status).toBe(404);
    // A link of one customer cannot be revoked through another customer's path either.
    expect((await shop.delete(`/api/customers/${bob}/share-links/${made.body.id}/`)).status).toBe(404);
    expect((await request(h.app).get(pathOf(made.body.url))).status).toBe(200);
  });

  it('when the customer is archived, then every link of theirs is dead', async () => {
    const carol = (await shop.post('/api/customers/', { name: 'Carol' })).body.id;
    const made = await shop.post(`/api/customers/${carol}/share-links/`);
    expect((await request(h.app).get(pathOf(made.body.url))).status).toBe(200);
    expect((await shop.delete(`/api/customers/${carol}/`)).status).toBe(204);
    expect((await request(h.app).get(pathOf(made.body.url))).status).toBe(404);
  });

  it('when a token is unknown, malformed or very long, then the same 404 page', async () => {
    for (const token of ['A'.repeat(43), 'nope', `${'A'.repeat(42)}!`, 'x'.repeat(5000)]) {
      const page = await request(h.app).get(`/s/${encodeURIComponent(token)}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('This link is no longer valid');
    }
  });
});

describe('the share page', () => {
  let path: string;
  beforeAll(async () => {
    path = pathOf((await shop.post(`/api/customers/${alice}/share-links/`)).body.url);
  });

  it('when the customer opens it, then they read the shop, their balance in their words and their entries, escaped, and nothing of anyone else', async () => {
    const page = await request(h.app).get(path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('Your account at Corner Shop');
    expect(page.text).toContain('You owe Corner Shop 3,000.00');
    expect(page.text).toContain('rice &amp; dal &lt;b&gt;');
    expect(page.text).not.toContain('<b>');
    expect(page.text).toContain('Download statement (PDF)');
    expect(page.text).toMatch(/<main[\s>]/);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).not.toContain('Bob');
    expect(page.text).not.toContain('mallory');
    expect(page.text).not.toContain('advance');
  });

  it('when it is served, then it is never cached, indexed, referred or scripted', async () => {
    const page = await request(h.app).get(path);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src/);
  });

  it('when asked with HEAD, then the headers without a body', async () => {
    const head = await request(h.app).head(path);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    expect(head.text ?? '').toBe('');
  });

  it('when asked for JSON, then the same data: exact amounts, running balances newest first', async () => {
    const json = await request(h.app).get(`${path}?format=json`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ shop: 'Corner Shop', customer: 'Alice', balance: '3000.00', balance_text: 'You owe Corner Shop 3,000.00', as_of: '2026-12-01' });
    expect(json.body.entries.map((e: { type: string; amount: string; balance: string }) => [e.type, e.amount, e.balance])).toEqual([
      ['debit', '500.00', '3000.00'],
      ['credit', '3500.00', '3500.00'],
    ]);
    expect(json.body.statement_pdf).toBe(`${path}/statement.pdf`);
    expect(JSON.stringify(json.body)).not.toMatch(/owner|user_id|token_hash/);
  });

  it('when a customer the shop owes opens theirs, then it says the shop owes them', async () => {
    const bobPath = pathOf((await shop.post(`/api/customers/${bob}/share-links/`)).body.url);
    const page = await request(h.app).get(bobPath);
    expect(page.text).toContain('Corner Shop owes you 50.00');
    expect(page.text).toContain('Bob &lt;script&gt;');
  });

  it('when the customer downloads the statement, then it is their PDF, read back with their entries', async () => {
    const pdf = await request(h.app).get(`${path}/statement.pdf`).buffer(true).parse(binaryBody);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="statement-Alice-2026-11-20-2026-12-01\.pdf"/);
    const dir = mkdtempSync(join(tmpdir(), 'share-pdf-'));
    try {
      writeFileSync(join(dir, 's.pdf'), pdf.body);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Corner Shop');
      expect(text).toContain('Alice');
      expect(text).toContain('3,000.00');
      expect(text).not.toContain('Bob');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the bot is off, then the page offers no Telegram updates and /updates is gone', async () => {
    expect((await request(h.app).get(path)).text).not.toContain('Get updates on Telegram');
    expect((await request(h.app).get(`${path}/updates`)).status).toBe(404);
  });
});

describe('reminders', () => {
  it('when the customer owes, then a ready message with their balance, date and a share link, and Telegram and WhatsApp links', async () => {
    const res = await shop.post(`/api/customers/${alice}/reminder/`);
    expect(res.status).toBe(200);
    expect(res.body.share_url.startsWith(`${BASE}/s/`)).toBe(true);
    expect(res.body.text).toBe(`Hi Alice, your balance with Corner Shop is 3,000.00 as of 1 Dec 2026. Statement: ${res.body.share_url}`);
    const telegram = new URL(res.body.telegram_share_url);
    expect(`${telegram.origin}${telegram.pathname}`).toBe('https://t.me/share/url');
    expect(telegram.searchParams.get('url')).toBe(res.body.share_url);
    expect(telegram.searchParams.get('text')).toBe('Hi Alice, your balance with Corner Shop is 3,000.00 as of 1 Dec 2026.');
    const whatsapp = new URL(res.body.whatsapp_url);
    expect(`${whatsapp.origin}${whatsapp.pathname}`).toBe('https://wa.me/919800011111');
    expect(whatsapp.searchParams.get('text')).toBe(res.body.text);
    expect((await request(h.app).get(pathOf(res.body.share_url))).status).toBe(200);
  });

  it('when the customer already has a live link, then the reminder reuses it instead of making another', async () => {
    const before = (await shop.get(`/api/customers/${alice}/share-links/`)).body.length;
    const first = await shop.post(`/api/customers/${alice}/reminder/`);
    const second = await shop.post(`/api/customers/${alice}/reminder/`);
    expect(second.body.share_url).toBe(first.body.share_url);
    expect((await shop.get(`/api/customers/${alice}/share-links/`)).body.length).toBe(before);
  });

  it('when the customer has no link and no phone, then one link is made and there is no WhatsApp link; the shop owing them says so', async () => {
    const dave = (await shop.post('/api/customers/', { name: 'Dave' })).body.id;
    await shop.post(`/api/customers/${dave}/entries/`, { type: 'debit', amount: '75.5' });
    const res = await shop.post(`/api/customers/${dave}/reminder/`);
    expect(res.body.whatsapp_url).toBeNull();
    expect(res.body.text).toBe(`Hi Dave, Corner Shop owes you 75.50 as of 1 Dec 2026. Statement: ${res.body.share_url}`);
    expect((await shop.get(`/api/customers/${dave}/share-links/`)).body).toHaveLength(1);
  });

  it('when the account is settled, then the reminder says all settled', async () => {
    const erin = (await shop.post('/api/customers/', { name: 'Erin' })).body.id;
    const res = await shop.post(`/api/customers/${erin}/reminder/`);
    expect(res.body.text).toMatch(/^Hi Erin, your account with Corner Shop is all settled as of 1 Dec 2026\. Statement: /);
  });
});

describe('subscribers over the API', () => {
  it('when nobody subscribed, then the list is empty and removing one is 404', async () => {
    expect((await shop.get(`/api/customers/${alice}/subscribers/`)).body).toEqual([]);
    expect((await shop.delete(`/api/customers/${alice}/subscribers/99/`)).status).toBe(404);
  });
});

describe('the share page’s rate limit', () => {
  it('when one address opens pages past its limit, then 429 with Retry-After, whoever’s link it is', async () => {
    const limited = await createHarness({ rateLimits: { authPerWindow: 1000, apiPerWindow: 1000, sharePerWindow: 3 } });
    try {
      const reg = await request(limited.app).post('/api/auth/register/').send({ username: 'shop', password: 'correct horse' });
      const client = apiClient(limited.app, reg.body.token);
      const id = (await client.post('/api/customers/', { name: 'Alice' })).body.id;
      const url = pathOf((await client.post(`/api/customers/${id}/share-links/`)).body.url);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await request(limited.app).get(url)).status);
      const unknown = await request(limited.app).get(`/s/${'B'.repeat(43)}`);
      expect(statuses).toEqual([200, 200, 200]);
      expect(unknown.status).toBe(429);
      expect(Number(unknown.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
