import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing of its own reaching the network (never a downloaded build). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens `origin + path`, recording console errors (a blocked stylesheet or font, a CSP violation, a
 * failed load) and every request that leaves `origin`; the page must answer 200.
 */
export async function openRecording(page: Page, origin: string, path: string): Promise<{ status: number | undefined; errors: string[]; foreign: string[] }> {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('request', (r) => void (!r.url().startsWith(origin) && foreign.push(r.url())));
  page.on('response', (r) => void (r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
  const res = await page.goto(`${origin}${path}`);
  return { status: res?.status(), errors, foreign };
}
