import { afterAll, describe, expect, it } from 'vitest';
import { renderBalanceChart } from '../../src/render/balance-chart.js';
import { ENGLISH, type RenderLocale } from '../../src/render/statement-data.js';
import { renderStatementPdf, StatementLineCountMismatch } from '../../src/render/statement-pdf.js';
import { createStatementLayout } from '../../src/render/statement-layout.js';
import { buildLines, daysOf, generatedLines, headerFor, inBatches, LONG_NOTE, novemberStatement, OPENING } from './fixtures.js';
import { pageCount, pdfFonts, pdfImages, pdfInfo, pdfText, pdfWords, saveStream, scratchDir } from './pdf-tools.js';

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe('statement PDF, one page', async () => {
  const { header, lines } = novemberStatement();
  const chart = await renderBalanceChart(daysOf(OPENING, lines, header.startDate, header.endDate), { width: 1030, height: 380, locale: ENGLISH });
  const file = await saveStream(renderStatementPdf(header, inBatches(lines, 5), { locale: ENGLISH, chart }), scratch.path('november.pdf'));
  const text = pdfText(file);

  it('when 12 lines are rendered, then it is one A4 page that names the shop, the customer and the period', () => {
    expect(pageCount(file)).toBe(1);
    expect(pdfInfo(file).get('Page size')).toContain('595.28 x 841.89');
    for (const expected of ['Sharma General Store', 'Statement', 'Ramesh Kumar', '+91 98765 43210', '1 Nov 2026 – 30 Nov 2026', 'Page 1 of 1', 'Generated 1 Dec 2026']) {
      expect(text).toContain(expected);
    }
  });

  it('when 12 lines are rendered, then every amount and every running balance is printed exactly', () => {
    for (const line of lines) {
      expect(text, `amount of #${line.id}`).toContain(ENGLISH.money(line.amount));
      expect(text, `balance after #${line.id}`).toContain(ENGLISH.money(line.balance));
    }
    expect(text).toMatch(/Opening balance:?\s+1,250\.00/);
    expect(text).toMatch(/Totals\s+3,008\.97\s+4,799\.00/);
    expect(text).toMatch(/Closing balance\s+-540\.03/);
  });

  it('when an entry was undone, then it and its reversal say so, each pointing at the other', () => {
    expect(text).toMatch(/7 Nov 2026\s+Undone by #5 · wrong amount\s+999\.00\s+1,824\.50/);
    expect(text).toMatch(/7 Nov 2026\s+Reversal of #4\s+999\.00\s+825\.50/);
  });

  it('when a note is longer than its cell or has a newline, then it is one line ending in an ellipsis', () => {
    expect(text).toContain('tea and biscuits');
    expect(text).toMatch(/monthly groceries: atta[^\n]*…\s+1,234\.56/);
    expect(text).not.toContain('ZZTAIL');
    expect(LONG_NOTE).toContain('ZZTAIL');
  });

  it('when the page is read back, then money columns are right-aligned and every row has the same height', () => {
    const words = pdfWords(file, 1);
    const balances = lines.map((line) => ENGLISH.money(line.balance));
    const balanceWords = words.filter((w) => balances.includes(w.text) && w.xMin > 400);
    expect(balanceWords.length).toBeGreaterThanOrEqual(lines.length);
    const rights = balanceWords.map((w) => w.xMax);
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(0.5);

    const dates = words.filter((w) => w.text === 'Nov' && w.xMin < 100).map((w) => w.yMin);
    const gaps = dates.slice(1).map((y, i) => y - (dates[i] ?? 0)).filter((gap) => gap > 1);
    expect(gaps.length).toBeGreaterThanOrEqual(lines.length - 1);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.1);
  });

  it('when the PDF is inspected, then it embeds Noto Sans and the chart, and carries title, author and creation date', () => {
    const fonts = pdfFonts(file);
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    const info = pdfInfo(file);
    expect(info.get('Title')).toBe('Statement: Ramesh Kumar');
    expect(info.get('Author')).toBe('Sharma General Store');
    expect(info.get('CreationDate')).toBe('2026-12-01T09:30:00Z');
    expect(pdfImages(file)).toEqual([{ page: 1, width: 1030, height: 380 }]);
  });
});

describe('statement PDF, edge cases', () => {
  it('when the period has no entries, then it is one page saying so, with equal opening and closing balances', async () => {
    const header = headerFor([], { openingBalance: -20_000 });
    const file = await saveStream(renderStatementPdf(header, inBatches([], 10), { locale: ENGLISH }), scratch.path('empty.pdf'));
    const text = pdfText(file);
    expect(pageCount(file)).toBe(1);
    expect(text).toContain('No entries in this period');
    expect(text).toContain('Page 1 of 1');
    expect(text).toMatch(/Opening balance:?\s+-200\.00/);
    expect(text).toMatch(/Closing balance\s+-200\.00/);
  });

  it('when the lines fill more than a page, then the column header repeats and every footer counts the same total', async () => {
    const rows = createStatementLayout({ hasChart: false }).firstPageRows + 5;
    const header = headerFor([], { entryCount: rows });
    const file = await saveStream(renderStatementPdf(header, generatedLines(rows, 7), { locale: ENGLISH }), scratch.path('two.pdf'));
    expect(pageCount(file)).toBe(2);
    const [first, second] = [pdfText(file, [1, 1]), pdfText(file, [2, 2])];
    expect(first).toContain('Page 1 of 2');
    expect(second).toContain('Page 2 of 2');
    for (const page of [first, second]) expect(page).toMatch(/Date\s+Note\s+You gave\s+You got\s+Balance/);
    expect(second).toContain('Sharma General Store · Statement · Ramesh Kumar');
    expect(second).toContain(`order ${rows} —`);
    expect(first).not.toContain('Totals');
    expect(second).toContain('Totals');
  });

  it('when the locale writes rupees, then the ₹ sign is in the PDF text', async () => {
    const rupees: RenderLocale = { ...ENGLISH, money: (minor) => `₹${ENGLISH.money(minor)}` };
    const { header, lines } = novemberStatement();
    const file = await saveStream(renderStatementPdf(header, inBatches(lines, 100), { locale: rupees }), scratch.path('rupees.pdf'));
    const text = pdfText(file);
    expect(text).toContain('₹1,234.56');
    expect(text).toContain('₹-540.03');
  });

  it('when more lines arrive than the header counted, then the stream fails instead of printing wrong page numbers', async () => {
    const lines = buildLines(0, [{ date: '2026-11-02', type: 'credit', amount: 100, note: '' }, { date: '2026-11-03', type: 'credit', amount: 100, note: '' }]);
    const stream = renderStatementPdf(headerFor(lines, { entryCount: 1 }), inBatches(lines, 1), { locale: ENGLISH });
    await expect(saveStream(stream, scratch.path('more.pdf'))).rejects.toBeInstanceOf(StatementLineCountMismatch);
  });

  it('when fewer lines arrive than the header counted, then the stream fails too', async () => {
    const lines = buildLines(0, [{ date: '2026-11-02', type: 'debit', amount: 100, note: '' }]);
    const stream = renderStatementPdf(headerFor(lines, { entryCount: 3 }), inBatches(lines, 1), { locale: ENGLISH });
    await expect(saveStream(stream, scratch.path('fewer.pdf'))).rejects.toThrow(/says 3 lines.*gave 1/);
  });

  it('when the chart is not a PNG, then the stream fails', async () => {
    const { header, lines } = novemberStatement();
    const stream = renderStatementPdf(header, inBatches(lines, 5), { locale: ENGLISH, chart: Buffer.from('not a picture') });
    await expect(saveStream(stream, scratch.path('bad-chart.pdf'))).rejects.toThrow();
  });
});
