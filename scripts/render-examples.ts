/**
 * Regenerates the pictures in docs/: a sample statement's first page (English, Bengali, Hindi) and its balance chart (English, Bengali, Hindi).
 * Run with `npx tsx scripts/render-examples.ts` (needs poppler's pdftoppm for the page picture).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { renderBalanceChart } from '../src/render/balance-chart.js';
import { ENGLISH, statementLocale, type RenderLocale, type StatementHeader, type StatementLine } from '../src/render/statement-data.js';
import { CHART_PNG, chartTitle } from '../src/render/statement-document.js';
import { renderStatementPdf } from '../src/render/statement-pdf.js';
import { daysOf, inBatches, novemberStatement, OPENING } from '../test/render/fixtures.js';
import { bengaliStatement, hindiStatement } from '../test/render/language-fixtures.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const { header, lines } = novemberStatement();
const days = daysOf(OPENING, lines, header.startDate, header.endDate);

writeFileSync(join(docs, 'balance-chart.png'), await renderBalanceChart(days, { width: 1200, height: 500, locale: ENGLISH }));

// The chart as /chart.png?lang= and the bot's /chart draw it: titled with the customer and the period.
async function languageChart(sample: { header: StatementHeader; lines: StatementLine[] }, locale: RenderLocale, name: string): Promise<string> {
  const { header: h } = sample;
  const points = daysOf(h.openingBalance, sample.lines, h.startDate, h.endDate);
  const file = join(docs, `${name}.png`);
  writeFileSync(file, await renderBalanceChart(points, { ...CHART_PNG, locale, title: chartTitle(h, locale) }));
  return file;
}

// The statement embeds the chart at twice its printed size, so it stays sharp when zoomed.
async function firstPage(sample: { header: StatementHeader; lines: StatementLine[] }, locale: RenderLocale, name: string): Promise<string> {
  const points = daysOf(sample.header.openingBalance, sample.lines, sample.header.startDate, sample.header.endDate);
  const chart = await renderBalanceChart(points, { width: 1030, height: 380, locale });
  const work = mkdtempSync(join(tmpdir(), 'statement-'));
  try {
    const pdf = join(work, 'statement.pdf');
    await pipeline(renderStatementPdf(sample.header, inBatches(sample.lines, 5), { locale, chart }), createWriteStream(pdf));
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(docs, name)]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return join(docs, `${name}.png`);
}

const pages = [
  await firstPage({ header, lines }, ENGLISH, 'statement-page-1'),
  await firstPage(bengaliStatement(), statementLocale('bn', 'BDT'), 'statement-page-1-bn'),
  await firstPage(hindiStatement(), statementLocale('hi', 'INR'), 'statement-page-1-hi'),
  await languageChart(bengaliStatement(), statementLocale('bn', 'BDT'), 'balance-chart-bn'),
  await languageChart(hindiStatement(), statementLocale('hi', 'INR'), 'balance-chart-hi'),
];
console.log(`wrote ${pages.join(', ')} and ${join(docs, 'balance-chart.png')}`);
