import { Transform } from 'node:stream';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBalanceChart } from '../../src/render/balance-chart.js';
import { ENGLISH } from '../../src/render/statement-data.js';
import { renderStatementPdf } from '../../src/render/statement-pdf.js';
import { countPages, createStatementLayout } from '../../src/render/statement-layout.js';
import { generatedLines, headerFor, manyDays } from './fixtures.js';
import { pageCount, pdfText, saveStream, scratchDir } from './pdf-tools.js';

const scratch = scratchDir();
afterAll(() => scratch.remove());

const LINES = 100_000;
const MB = 1024 * 1024;

describe('statement PDF, 100,000 lines', () => {
  it('when 100,000 lines come in batches of 1,000, then the stream completes with the planned pages and flat memory', { timeout: 180_000 }, async () => {
    const chart = await renderBalanceChart(manyDays(3_000), { width: 1030, height: 380, locale: ENGLISH });
    const header = headerFor([], { entryCount: LINES, openingBalance: 0 });
    const planned = countPages(createStatementLayout({ hasChart: true }), LINES);

    const before = process.memoryUsage().heapUsed;
    let peak = before;
    // Sampled as bytes flow, so the peak is seen while the document is being made, not after.
    const sampler = new Transform({
      transform(chunk, _encoding, done) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        done(null, chunk);
      },
    });
    const file = scratch.path('big.pdf');
    await saveStream(renderStatementPdf(header, generatedLines(LINES, 1_000), { locale: ENGLISH, chart }).pipe(sampler), file);

    expect(pageCount(file)).toBe(planned);
    expect(planned).toBeGreaterThan(2_000);
    const last = pdfText(file, [planned, planned]);
    expect(last).toContain(`Page ${planned} of ${planned}`);
    expect(last).toContain(`order ${LINES} —`);
    expect(last).toContain('Closing balance');
    expect(pdfText(file, [1, 1])).toContain(`Page 1 of ${planned}`);
    expect((peak - before) / MB).toBeLessThan(100);
  });

  it('when the reader stops reading, then no more batches are pulled, and closing the stream ends the source', async () => {
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for await (const batch of generatedLines(LINES, 1_000)) {
          pulled += 1;
          yield batch;
        }
      } finally {
        closed = true;
      }
    }
    const stream = renderStatementPdf(headerFor([], { entryCount: LINES }), source(), { locale: ENGLISH });
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    // Give the producer every chance to run ahead: it must not, since nobody reads.
    for (let i = 0; i < 50; i++) await nextMacrotask();
    expect(pulled).toBeLessThanOrEqual(3);
    // Returning early aborts the stream (an AbortError is its error), so wait for 'close' itself.
    const streamClosed = new Promise((resolve) => stream.once('close', resolve));
    await reader.return?.();
    await streamClosed;
    expect(closed).toBe(true);
  });
});
