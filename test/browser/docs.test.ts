import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, listen, type Harness } from '../support/harness.js';
import { launchChromium } from '../support/browser.js';
import { ROOT } from '../support/process.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');

let h: Harness;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  h = await createHarness();
  server = await listen(h.app);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

describe('/docs in a real browser', () => {
  it('when a person opens /docs, then every operation group shows and "Try it out" on register succeeds', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const foreign: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(server.url) && !url.startsWith('data:')) foreign.push(url);
    });

    await page.goto(`${server.url}/docs/`);
    await page.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
    const tags = (await page.locator('.opblock-tag').allInnerTexts()).map((t) => t.split('\n')[0]?.trim());
    expect(tags).toEqual(expect.arrayContaining(['Auth', 'Customers', 'Ledger', 'Summary', 'Health']));
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(17);

    const register = page.locator('.opblock-post', { hasText: '/api/auth/register/' });
    await register.locator('.opblock-summary').click();
    await register.getByRole('button', { name: 'Try it out' }).click();
    const username = `browser-${Date.now()}`;
    await register.locator('textarea.body-param__text').fill(JSON.stringify({ username, password: 'password123' }));
    await register.getByRole('button', { name: 'Execute' }).click();
    const status = register.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    expect((await status.innerText()).trim()).toBe('201');
    expect(await register.locator('.live-responses-table .microlight').first().innerText()).toContain('"token"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'docs.png'), fullPage: false });
    expect(foreign).toEqual([]);
  });
});
