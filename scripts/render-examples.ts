/**
 * Regenerates the pictures in docs/: a sample statement's first page and its balance chart.
 * Run with `npx tsx scripts/render-examples.ts` (needs poppler's pdftoppm for the page picture).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { renderBalanceChart } from '../src/render/balance-chart.js';
import { ENGLISH } from '../src/render/statement-data.js';
import { renderStatementPdf } from '../src/render/statement-pdf.js';
import { daysOf, inBatches, novemberStatement, OPENING } from '../test/render/fixtures.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const { header, lines } = novemberStatement();
const days = daysOf(OPENING, lines, header.startDate, header.endDate);

writeFileSync(join(docs, 'balance-chart.png'), await renderBalanceChart(days, { width: 1200, height: 500, locale: ENGLISH }));

// The statement embeds the chart at twice its printed size, so it stays sharp when zoomed.
const chart = await renderBalanceChart(days, { width: 1030, height: 380, locale: ENGLISH });
const work = mkdtempSync(join(tmpdir(), 'statement-'));
try {
  const pdf = join(work, 'statement.pdf');
  await pipeline(renderStatementPdf(header, inBatches(lines, 5), { locale: ENGLISH, chart }), createWriteStream(pdf));
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(docs, 'statement-page-1')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`wrote ${join(docs, 'statement-page-1.png')} and ${join(docs, 'balance-chart.png')}`);
