import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../support/fixtures.js';
import { buttons, createBotHarness, en, texts, type ApiCall, type BotHarness } from './support.js';

const clock = manualClock(Date.parse('2026-11-30T10:00:00Z'));
let h: BotHarness;
const OTHER = 777;

/** The one file the bot sent in these calls, with its caption. */
function sentFile(calls: ApiCall[], method: 'sendDocument' | 'sendPhoto') {
  const call = calls.find((c) => c.method === method);
  const file = call?.files?.[0];
  if (!call || !file) throw new Error(`no ${method} in ${JSON.stringify(calls.map((c) => c.method))}`);
  return { name: file.filename, data: file.data, caption: String(call.payload.caption ?? '') };
}

function pdfText(data: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-statement-'));
  try {
    writeFileSync(join(dir, 's.pdf'), data);
    return execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-']).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  h = await createBotHarness({ clock });
  await h.send(`/link ${await h.merchant('bot-statements')}`);
  await h.send('/add Alice Khan +91 98000 11111');
  await h.send('/credit Alice Khan 1000 01/10/2026 October rice');
  await h.send('/credit Alice Khan 2,500.50 02/11/2026 oil');
  await h.send('/debit Alice Khan 1200 20/11/2026 cash');
  await h.send('/add Bob');
  await h.send('/credit Bob 300');
  await h.send('/add Advance');
  await h.send('/debit Advance 50');
  await h.send(`/link ${await h.merchant('bot-statements-other')}`, { chatId: OTHER });
});
afterAll(async () => h.close());

describe('/statement, /chart, /dues and /export', () => {
  it('when a merchant sends /statement Alice Khan last month, then the bot sends October’s PDF with a caption of opening, gave, got and closing', async () => {
    const calls = await h.send('/statement Alice Khan last month');
    const file = sentFile(calls, 'sendDocument');
    expect(file.name).toBe('statement-Alice-Khan-2026-10-01-2026-10-31.pdf');
    expect(file.caption).toBe('Statement for Alice Khan, 1 Oct 2026 – 31 Oct 2026\nOpening balance: 0.00\nYou gave: 1,000.00 · You got: 0.00\nClosing balance: 1,000.00');
    const text = pdfText(file.data);
    for (const expected of ['Alice Khan', '+91 98000 11111', 'October rice', '1,000.00', 'Page 1 of 1']) expect(text).toContain(expected);
  });

  it('when the period is two dates, then the PDF holds just those entries, opening from before them', async () => {
    const file = sentFile(await h.send('/statement Alice Khan 2026-11-01 30/11/2026'), 'sendDocument');
    expect(file.caption).toContain('Opening balance: 1,000.00');
    expect(file.caption).toContain('Closing balance: 2,300.50');
    const text = pdfText(file.data);
    expect(text).toContain('2,500.50');
    expect(text).not.toContain('October rice');
  });

  it('when the date is not a date, then the bot says so and sends nothing', async () => {
    const calls = await h.send('/statement Alice Khan 31/02/2026');
    expect(texts(calls)).toEqual([en('not-a-date', { token: '31/02/2026' })]);
    expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
  });

  it('when /chart is sent, then the bot sends a PNG that decodes, with the balance in the caption', async () => {
    const photo = sentFile(await h.send('/chart Alice Khan'), 'sendPhoto');
    expect(photo.caption).toBe('Alice Khan, 1 Oct 2026 – 30 Nov 2026: balance 2,300.50');
    const png = PNG.sync.read(photo.data);
    expect([png.width, png.height]).toEqual([1200, 600]);
  });

  it('when /summary names a customer, then Statement and Chart buttons come with it, and pressing Statement sends the PDF', async () => {
    const calls = await h.send('/summary Alice Khan');
    const [statement, chart] = buttons(calls);
    expect([statement?.text, chart?.text]).toEqual([en('button-statement'), en('button-chart')]);
    const pressed = await h.press(statement?.data ?? '');
    expect(sentFile(pressed, 'sendDocument').caption).toContain('Closing balance: 2,300.50');
    expect(sentFile(await h.press(chart?.data ?? ''), 'sendPhoto').data.length).toBeGreaterThan(1000);
  });

  it('when /dues is sent, then who owes comes largest first with last payment and ageing, a statement button each; /dues give lists whom you owe', async () => {
    const calls = await h.send('/dues');
    expect(texts(calls)).toEqual([
      [
        'Owe you 2,600.50 (2 customers), largest first:',
        // The 1,200 paid settles October's 1,000 first: what is owed is all from November.
        '1. Alice Khan: 2,300.50; last paid 10 days ago; 0-30 days: 2,300.50',
        '2. Bob: 300.00; never paid; 0-30 days: 300.00',
      ].join('\n'),
    ]);
    expect(buttons(calls).map((b) => b.text)).toEqual(['📄 Alice Khan', '🔔 Remind', '📄 Bob', '🔔 Remind']);
    expect(sentFile(await h.press(buttons(calls)[2]?.data ?? ''), 'sendDocument').caption).toContain('Statement for Bob');
    expect(texts(await h.send('/dues give'))).toEqual([['You owe 50.00 (1 customer), largest first:', '1. Advance: 50.00; never paid; 0-30 days: 50.00'].join('\n')]);
  });

  it('when /export is sent, then the bot sends the whole book as CSV that the import reads', async () => {
    const file = sentFile(await h.send('/export'), 'sendDocument');
    expect(file.name).toBe('book-2026-11-30.csv');
    const rows: Record<string, string>[] = parse(file.data.toString(), { columns: true });
    expect(rows.map((r) => [r.customer, r.type, r.amount])).toEqual([
      ['Alice Khan', 'credit', '1000.00'],
      ['Alice Khan', 'credit', '2500.50'],
      ['Alice Khan', 'debit', '1200.00'],
      ['Bob', 'credit', '300.00'],
      ['Advance', 'debit', '50.00'],
    ]);
  });

  it("when another merchant's chat presses a statement button for Alice, then it is told the customer does not exist and gets no file", async () => {
    const [button] = buttons(await h.send('/dues'));
    const calls = await h.press(button?.data ?? '', { chatId: OTHER });
    expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
    expect(calls.map((c) => String(c.payload.text ?? ''))).toContain(en('error-customer-not-found'));
  });

  it('when an unlinked chat asks for a statement, then it is told how to link', async () => {
    const calls = await h.send('/statement Alice Khan', { chatId: 999 });
    expect(texts(calls)).toEqual([en('how-to-link')]);
  });
});
