import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auth, manualClock } from '../support/fixtures.js';
import { createHarness, listen, type Harness } from '../support/harness.js';
import { launchChromium, openRecording } from '../support/browser.js';
import { ROOT } from '../support/process.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let h: Harness;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let rahimPage: string;
let sureshPage: string;

/** A shop with its currency and one customer with a few entries; the customer's page path. */
async function shopWith(username: string, shop: string, currency: string, customer: string, entries: Array<{ type: string; amount: string; entry_date: string; note: string }>): Promise<string> {
  const token = String((await request(h.app).post('/api/auth/register/').send({ username, password: 'correct horse' })).body.token);
  await request(h.app).patch('/api/auth/me/').set(auth(token)).send({ display_name: shop, currency });
  const id = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: customer, phone: '' })).body.id;
  for (const e of entries) await request(h.app).post(`/api/customers/${id}/entries/`).set(auth(token)).send(e);
  return new URL((await request(h.app).post(`/api/customers/${id}/share-links/`).set(auth(token)).send({})).body.url).pathname;
}

beforeAll(async () => {
  h = await createHarness({ clock: manualClock(Date.parse('2026-12-01T09:00:00Z')) });
  server = await listen(h.app);
  rahimPage = await shopWith('karim', 'করিম স্টোর', 'BDT', 'রহিম উদ্দিন', [
    { type: 'credit', amount: '1250', entry_date: '2026-11-03', note: 'চাল ১০ কেজি, ডাল ২ কেজি' },
    { type: 'credit', amount: '480.50', entry_date: '2026-11-09', note: 'সয়াবিন তেল' },
    { type: 'debit', amount: '1000', entry_date: '2026-11-15', note: 'নগদ' },
    { type: 'credit', amount: '2300', entry_date: '2026-11-22', note: 'ঈদের বাজার: মিষ্টি, ঘি, বাদাম' },
  ]);
  sureshPage = await shopWith('ganesh', 'श्री गणेश किराना', 'INR', 'सुरेश कुमार', [
    { type: 'credit', amount: '1250', entry_date: '2026-11-03', note: 'चावल 10 किलो, दाल 2 किलो' },
    { type: 'debit', amount: '1000', entry_date: '2026-11-15', note: 'नकद' },
    { type: 'credit', amount: '2300', entry_date: '2026-11-22', note: 'त्योहार का सामान: मिठाई, शुद्ध घी' },
  ]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

/** Opens the page (it must answer 200), recording console errors and requests off the host. */
async function open(page: Page, path: string): Promise<{ errors: string[]; foreign: string[] }> {
  const seen = await openRecording(page, server.url, path);
  expect(seen.status).toBe(200);
  return seen;
}

/** The font faces the page has loaded (Chromium fetches a unicode-range face only when its text is on the page). */
const loadedFaces = async (page: Page): Promise<string[]> =>
  z.array(z.string()).parse(
    await page.evaluate(`document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('"', '') + ' ' + f.weight).sort())`),
  );

describe('the share page in Bengali and Hindi, in a real browser', () => {
  it('when Rahim opens his page in Bengali on a phone, then he reads it in Bengali, drawn with the shipped Bengali font, and nothing is off the host', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const seen = await open(page, `${rahimPage}?lang=bn`);
    expect(await page.locator('html').getAttribute('lang')).toBe('bn');
    expect(await page.locator('h1').innerText()).toBe('করিম স্টোর-এ আপনার হিসাব');
    expect(await page.locator('.balance').innerText()).toBe('করিম স্টোর-এর কাছে আপনার বাকি ৳৩,০৩০.৫০');
    expect(await page.locator('tbody tr').count()).toBe(4);
    expect(await page.getByRole('link', { name: 'হিসাবের বিবরণী ডাউনলোড করুন (PDF)' }).getAttribute('href')).toBe(`${rahimPage}/statement.pdf?lang=bn`);
    // Devanagari too, for the switch's "हिन्दी".
    expect(await loadedFaces(page)).toEqual(['Mini Ledger Bengali 100 500', 'Mini Ledger Bengali 600 900', 'Mini Ledger Devanagari 100 500']);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'share-page-bn.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('when Suresh’s browser prefers Hindi, then the page is Hindi with the Devanagari font, and its switch leads to English and Bengali', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'hi-IN' });
    const page = await context.newPage();
    const seen = await open(page, sureshPage);
    expect(await page.locator('html').getAttribute('lang')).toBe('hi');
    expect(await page.locator('.balance').innerText()).toBe('आपको श्री गणेश किराना को ₹2,550.00 देने हैं');
    expect(await page.locator('main').innerText()).toContain('त्योहार का सामान: मिठाई, शुद्ध घी');
    expect(await loadedFaces(page)).toEqual(['Mini Ledger Bengali 100 500', 'Mini Ledger Devanagari 100 500', 'Mini Ledger Devanagari 600 900']);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'share-page-hi.png'), fullPage: true });
    const nav = page.getByRole('navigation', { name: 'भाषा' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['English', 'বাংলা']);
    await nav.getByRole('link', { name: 'বাংলা' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('bn');
    expect(await page.locator('.balance').innerText()).toBe('श्री गणेश किराना-এর কাছে আপনার বাকি ₹২,৫৫০.০০');
    // The switch is named in the page's language, so it is "ভাষা" now.
    await page.getByRole('navigation', { name: 'ভাষা' }).getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.balance').innerText()).toBe('You owe श्री गणेश किराना ₹2,550.00');
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });
});
