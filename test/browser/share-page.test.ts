import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineApi, offlineBotInfo } from '../../bot/offline-api.js';
import { auth, manualClock } from '../support/fixtures.js';
import { createHarness, listen, type Harness } from '../support/harness.js';
import { launchChromium, openRecording } from '../support/browser.js';
import { ROOT } from '../support/process.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let pagePath: string;

beforeAll(async () => {
  const offlineBot = createOfflineApi({ botInfo: offlineBotInfo({ id: 1, firstName: 'Mini Ledger', username: 'mini_ledger_bot', canJoinGroups: false }) });
  h = await createHarness({ clock: manualClock(Date.parse('2026-12-01T09:00:00Z')), offlineBot });
  server = await listen(h.app);
  const reg = await request(h.app).post('/api/auth/register/').send({ username: 'corner', password: 'correct horse' });
  const token = String(reg.body.token);
  await request(h.app).patch('/api/auth/me/').set(auth(token)).send({ display_name: 'Corner Shop' });
  const alice = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Alice Khan', phone: '+91 98000 11111' })).body.id;
  const entries = [
    { type: 'credit', amount: '1250', entry_date: '2026-11-03', note: 'Rice 10 kg, dal 2 kg' },
    { type: 'credit', amount: '480.50', entry_date: '2026-11-09', note: 'Cooking oil' },
    { type: 'debit', amount: '1000', entry_date: '2026-11-15', note: 'Cash' },
    { type: 'credit', amount: '2300', entry_date: '2026-11-22', note: 'Festival order: sweets, ghee, dry fruits' },
    { type: 'debit', amount: '30.50', entry_date: '2026-11-28', note: 'UPI' },
  ];
  for (const e of entries) await request(h.app).post(`/api/customers/${alice}/entries/`).set(auth(token)).send(e);
  const link = await request(h.app).post(`/api/customers/${alice}/share-links/`).set(auth(token)).send({});
  pagePath = new URL(link.body.url).pathname;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

/** Opens the page (it must answer 200), recording console errors and requests off the host. */
async function open(page: Page): Promise<{ errors: string[]; foreign: string[] }> {
  const seen = await openRecording(page, server.url, pagePath);
  expect(seen.status).toBe(200);
  return seen;
}

describe('the share page in a real browser', () => {
  it('when a customer opens it on a phone, then they read their balance, entries and the two actions, styled, with nothing off the host', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const seen = await open(page);
    expect(await page.locator('h1').innerText()).toContain('Corner Shop');
    expect(await page.locator('main').innerText()).toContain('You owe Corner Shop 3,000.00');
    expect(await page.locator('tbody tr').count()).toBe(5);
    await expect.poll(() => page.getByRole('link', { name: 'Download statement (PDF)' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Get updates on Telegram' }).getAttribute('href')).toBe(`${pagePath}/updates`);
    // The stylesheet applied (no inline style is allowed): the balance is set large.
    const size = Number(await page.evaluate("parseFloat(getComputedStyle(document.querySelector('.balance')).fontSize)"));
    expect(size).toBeGreaterThan(20);
    // Nothing wider than the phone's screen.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'share-page-phone.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('when it is opened on a desktop, then the same page, with no console errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = await open(page);
    expect(await page.locator('main').innerText()).toContain('Festival order: sweets, ghee, dry fruits');
    await page.screenshot({ path: join(ARTIFACTS, 'share-page-desktop.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('when axe-core checks it, then there is no serious or critical accessibility violation', async () => {
    // axe is a script: the page's own policy forbids every script, so this one context bypasses it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await open(page);
    await page.addScriptTag({ content: AXE });
    const results = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
      const r = await axe.run();
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(results.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').count()).toBe(1);
    await context.close();
  });
});
