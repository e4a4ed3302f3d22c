import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, binaryBody, harnessWithMerchants, manualClock, type ApiClient } from '../support/fixtures.js';
import type { Harness } from '../support/harness.js';

const BASE = 'https://ledger.example.test';
const clock = manualClock(Date.parse('2026-12-01T09:00:00Z'));
let h: Harness;
let karim: ApiClient;
let plain: ApiClient;
let rahim: number;
let suresh: number;
let rahimPage: string;
let plainPage: string;
const work = mkdtempSync(join(tmpdir(), 'languages-test-'));

const pathOf = (url: string) => new URL(url).pathname;

/** The PDF's text as poppler reads it (as copy and search do). */
function pdfText(body: Buffer, name: string): string {
  const file = join(work, name);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pdf = (path: string, client?: ApiClient) => (client ? client.get(path) : request(h.app).get(path)).buffer(true).parse(binaryBody);

beforeAll(async () => {
  const world = await harnessWithMerchants(['karim', 'plain'], { clock, publicBaseUrl: BASE });
  h = world.h;
  karim = apiClient(h.app, world.tokens.karim);
  plain = apiClient(h.app, world.tokens.plain);
  expect((await karim.patch('/api/auth/me/', { display_name: 'Karim Store', currency: 'BDT' })).status).toBe(200);
  rahim = (await karim.post('/api/customers/', { name: 'রহিম উদ্দিন', phone: '+880 1711 223344' })).body.id;
  suresh = (await karim.post('/api/customers/', { name: 'सुरेश कुमार', phone: '' })).body.id;
  for (const c of [rahim, suresh]) {
    await karim.post(`/api/customers/${c}/entries/`, { type: 'credit', amount: '125000', entry_date: '2026-11-20', note: 'চাল ও ডাল' });
    await karim.post(`/api/customers/${c}/entries/`, { type: 'debit', amount: '500', entry_date: '2026-11-28', note: 'নগদ' });
  }
  rahimPage = pathOf((await karim.post(`/api/customers/${rahim}/share-links/`, {})).body.url);
  const bob = (await plain.post('/api/customers/', { name: 'Bob', phone: '' })).body.id;
  await plain.post(`/api/customers/${bob}/entries/`, { type: 'credit', amount: '1250000', entry_date: '2026-11-20' });
  plainPage = pathOf((await plain.post(`/api/customers/${bob}/share-links/`, {})).body.url);
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await h.close();
});

describe('the share page in Bengali and Hindi', () => {
  it('when Rahim opens his page with ?lang=bn, then it is Bengali throughout: lang, heading, balance in taka with Bengali digits, dates, and a switch to English and Hindi', async () => {
    const res = await request(h.app).get(`${rahimPage}?lang=bn`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="bn">');
    expect(res.text).toContain('<h1>Karim Store-এ আপনার হিসাব</h1>');
    expect(res.text).toContain('রহিম উদ্দিন-এর জন্য');
    expect(res.text).toContain('Karim Store-এর কাছে আপনার বাকি ৳১,২৪,৫০০.০০');
    expect(res.text).toContain('২০ নভে, ২০২৬');
    expect(res.text).toContain('১ ডিসে, ২০২৬ তারিখ পর্যন্ত');
    expect(res.text).toContain('Karim Store আপনাকে ৳১,২৫,০০০.০০ বাকিতে দিয়েছে');
    expect(res.text).not.toMatch(/You owe|Latest entries|Download statement/);
    expect(res.text).toContain(`<a class="button" href="${rahimPage}/statement.pdf?lang=bn">হিসাবের বিবরণী ডাউনলোড করুন (PDF)</a>`);
    expect(res.text).toContain('<nav aria-label="ভাষা">');
    expect(res.text).toContain(`<a href="${rahimPage}?lang=en" hreflang="en" lang="en">English</a>`);
    expect(res.text).toContain('<span aria-current="true">বাংলা</span>');
    expect(res.text).toContain(`<a href="${rahimPage}?lang=hi" hreflang="hi" lang="hi">हिन्दी</a>`);
  });

  it('when the browser asks for Hindi (Accept-Language) and no ?lang=, then the page is Hindi, Latin digits, lakh grouping', async () => {
    const res = await request(h.app).get(rahimPage).set('Accept-Language', 'hi-IN,hi;q=0.9,en;q=0.5');
    expect(res.text).toContain('<html lang="hi">');
    expect(res.text).toContain('<h1>Karim Store पर आपका खाता</h1>');
    expect(res.text).toContain('आपको Karim Store को ৳1,24,500.00 देने हैं');
    expect(res.text).toContain('20 नव॰ 2026');
    expect(res.text).toContain('<span aria-current="true">हिन्दी</span>');
  });

  it('when ?lang= names a language we do not have, then Accept-Language decides, and else English', async () => {
    expect((await request(h.app).get(`${rahimPage}?lang=fr`).set('Accept-Language', 'bn-BD')).text).toContain('<html lang="bn">');
    const english = await request(h.app).get(`${rahimPage}?lang=fr`);
    expect(english.text).toContain('<html lang="en">');
    // English, taka grouped by lakh as a Bangladeshi shop writes it.
    expect(english.text).toContain('You owe Karim Store ৳1,24,500.00');
  });

  it('when a link is no longer valid, then the 404 page says so in the asked language', async () => {
    const bn = await request(h.app).get('/s/not-a-real-token?lang=bn');
    expect(bn.status).toBe(404);
    expect(bn.text).toContain('<html lang="bn">');
    expect(bn.text).toContain('এই লিংকটি আর চালু নেই');
    const hi = await request(h.app).get('/s/not-a-real-token').set('Accept-Language', 'hi');
    expect(hi.text).toContain('यह लिंक अब मान्य नहीं है');
  });

  it('when a program asks for JSON in Bengali, then amounts stay exact decimals, currency is named, and balance_text is Bengali', async () => {
    const res = await request(h.app).get(`${rahimPage}?format=json&lang=bn`);
    expect(res.body.currency).toBe('BDT');
    expect(res.body.balance).toBe('124500.00');
    expect(res.body.entries.map((e: { amount: string }) => e.amount)).toEqual(['500.00', '125000.00']);
    expect(res.body.balance_text).toBe('Karim Store-এর কাছে আপনার বাকি ৳১,২৪,৫০০.০০');
  });

  it('when the shop set no currency, then JSON has no currency field and the page shows plain numbers', async () => {
    const json = await request(h.app).get(`${plainPage}?format=json&lang=hi`);
    expect(json.body).not.toHaveProperty('currency');
    expect(json.body.balance_text).toBe('आपको plain को 12,50,000.00 देने हैं');
    expect((await request(h.app).get(`${plainPage}?lang=bn`)).text).toContain('plain-এর কাছে আপনার বাকি ১২,৫০,০০০.০০');
  });

  it('when the page fonts are asked for, then the four shipped TrueType files are served, cacheable, and nothing else is', async () => {
    for (const file of ['noto-sans-bengali-400.ttf', 'noto-sans-bengali-700.ttf', 'noto-sans-devanagari-400.ttf', 'noto-sans-devanagari-700.ttf']) {
      const res = await request(h.app).get(`/s/assets/fonts/${file}`).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('font/ttf');
      expect(res.headers['cache-control']).toContain('public');
      expect(Buffer.isBuffer(res.body) && res.body.readUInt32BE(0)).toBe(0x00010000);
    }
    expect((await request(h.app).get('/s/assets/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await request(h.app).get('/s/assets/fonts/NotoSans_400Regular.ttf')).status).toBe(404);
  });

  it('when the page is served, then its policy lets fonts come from the host only and still allows no inline style or script', async () => {
    const csp = String((await request(h.app).get(`${rahimPage}?lang=bn`)).headers['content-security-policy']);
    expect(csp).toContain("font-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
  });
});

describe('reminders in the customer’s language', () => {
  it('when the merchant asks for a reminder with ?lang=bn, then the text is Bengali with taka in Bengali digits and the date in Bengali', async () => {
    const res = await karim.post(`/api/customers/${rahim}/reminder/?lang=bn`);
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(`প্রিয় রহিম উদ্দিন, ১ ডিসে, ২০২৬ পর্যন্ত Karim Store-এর কাছে আপনার বাকি ৳১,২৪,৫০০.০০। বিবরণী: ${res.body.share_url}`);
    // Telegram's share sheet gets the words without the link and its label.
    const words = new URL(res.body.telegram_share_url).searchParams.get('text');
    expect(words).toBe('প্রিয় রহিম উদ্দিন, ১ ডিসে, ২০২৬ পর্যন্ত Karim Store-এর কাছে আপনার বাকি ৳১,২৪,৫০০.০০।');
  });

  it('when it is asked in Hindi, then Hindi with Latin digits; without ?lang=, English in the shop’s currency', async () => {
    const hi = await karim.post(`/api/customers/${suresh}/reminder/?lang=hi`);
    expect(hi.body.text).toMatch(/^नमस्ते सुरेश कुमार, 1 दिस॰ 2026 तक Karim Store पर आपका बकाया ৳1,24,500\.00 है। विवरण: https:\/\/ledger\.example\.test\/s\//);
    const en = await karim.post(`/api/customers/${suresh}/reminder/`);
    expect(en.body.text).toMatch(/^Hi सुरेश कुमार, your balance with Karim Store is ৳1,24,500\.00 as of 1 Dec 2026\. Statement: /);
  });
});

describe('the statement PDF in Bengali and Hindi', () => {
  it('when the merchant asks for ?format=pdf&lang=bn, then poppler reads Rahim’s name intact, the Bengali labels and taka in Bengali digits', async () => {
    const res = await pdf(`/api/customers/${rahim}/statement/?format=pdf&lang=bn`, karim);
    expect(res.status).toBe(200);
    const text = pdfText(res.body, 'rahim-bn.pdf');
    expect(text).toContain('রহিম উদ্দিন');
    expect(text).toContain('প্রারম্ভিক ব্যালেন্স');
    expect(text).toContain('হিসাবের বিবরণী');
    expect(text).toContain('৳১,২৪,৫০০.০০');
    expect(text).toContain('চাল ও ডাল');
    expect(text).toContain('পৃষ্ঠা ১/১');
    expect(text).not.toContain('Opening balance');
  });

  it('when ?lang=hi, then the Hindi name and labels, Latin digits', async () => {
    const text = pdfText((await pdf(`/api/customers/${suresh}/statement/?format=pdf&lang=hi`, karim)).body, 'suresh-hi.pdf');
    expect(text).toContain('सुरेश कुमार');
    expect(text).toContain('शुरुआती बैलेंस');
    expect(text).toContain('৳1,24,500.00');
    expect(text).toContain('पृष्ठ 1/1');
  });

  it('when no language is asked, then the statement is English as before, with the Bengali name still intact', async () => {
    const text = pdfText((await pdf(`/api/customers/${rahim}/statement/?format=pdf`, karim)).body, 'rahim-en.pdf');
    expect(text).toContain('Opening balance');
    expect(text).toContain('Customer: রহিম উদ্দিন');
    expect(text).toContain('Page 1 of 1');
  });

  it('when the customer downloads it from the page with ?lang=bn or ?lang=hi, then it is in that language', async () => {
    expect(pdfText((await pdf(`${rahimPage}/statement.pdf?lang=bn`)).body, 'page-bn.pdf')).toContain('প্রারম্ভিক ব্যালেন্স');
    const hi = pdfText((await pdf(`${rahimPage}/statement.pdf?lang=hi`)).body, 'page-hi.pdf');
    expect(hi).toContain('शुरुआती बैलेंस');
    expect(hi).toContain('রহিম উদ্দিন');
  });
});
