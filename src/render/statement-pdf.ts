import { once } from 'node:events';
import { Readable } from 'node:stream';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import { oneLine } from './fit-text.js';
import { useStatementFonts } from './pdf-style.js';
import type { RenderLocale, StatementHeader, StatementLine } from './statement-data.js';
import { createStatementPainter } from './statement-draw.js';
import { StatementLineCountMismatch } from './statement-errors.js';
import {
  countPages, createStatementLayout, NEXT_PAGE, ROW_HEIGHT, rowsOnPage, TABLE_HEAD_HEIGHT, TOTALS_ROWS,
} from './statement-layout.js';

export type StatementPdfOptions = { locale: RenderLocale; chart?: Buffer };

/**
 * An A4 statement as a stream of PDF bytes. Lines are drawn as their batches arrive and each finished
 * page leaves pdfkit at once (bufferPages: false); the next batch is only asked for when the reader
 * has taken the bytes so far, so memory stays flat however long the statement is.
 */
export function renderStatementPdf(
  header: StatementHeader,
  lines: AsyncIterable<StatementLine[]>,
  options: StatementPdfOptions,
): Readable {
  return Readable.from(pdfChunks(header, lines, options), { objectMode: false });
}

async function* pdfChunks(header: StatementHeader, lines: AsyncIterable<StatementLine[]>, options: StatementPdfOptions) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    // Unique amounts would otherwise fill pdfkit's word cache without bound (see unshaped-font.ts).
    fontLayoutCache: false,
    displayTitle: true,
    info: {
      Title: `${options.locale.labels.title}: ${oneLine(header.customer.name)}`,
      Author: header.merchantName,
      CreationDate: header.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  // What pdfkit has pushed so far; a macrotask first lets its first (deferred) flush happen.
  async function* flush() {
    await nextMacrotask();
    if (chunks.length > 0) yield Buffer.concat(chunks.splice(0));
  }

  const page = createPageWriter(doc, header, options);
  for await (const batch of lines) {
    for (const line of batch) page.line(line);
    yield* flush();
  }
  page.finish();
  doc.end();
  // Embedding a PNG with alpha finishes asynchronously; the trailer comes only after it.
  await once(doc, 'end');
  yield* flush();
}

/** Puts rows on pages exactly as countPages planned them, so the "of M" in every footer holds. */
function createPageWriter(doc: PDFKit.PDFDocument, header: StatementHeader, options: StatementPdfOptions) {
  useStatementFonts(doc);
  const layout = createStatementLayout({ hasChart: options.chart !== undefined });
  const pageCount = countPages(layout, header.entryCount);
  const paint = createStatementPainter(doc, header, options.locale);
  let pageIndex = -1;
  let rowsHere = 0;
  let rowTop = 0;
  let written = 0;

  const newPage = () => {
    pageIndex += 1;
    if (pageIndex >= pageCount) throw new Error(`page ${pageIndex + 1} is past the ${pageCount} pages planned`);
    doc.addPage({ size: 'A4', margin: 0 });
    let tableTop = NEXT_PAGE.tableTop;
    if (pageIndex === 0) {
      paint.firstPageHeader(options.chart);
      tableTop = layout.firstTableTop;
    } else {
      paint.runningHeader();
    }
    paint.tableHead(tableTop);
    rowTop = tableTop + TABLE_HEAD_HEIGHT;
    if (pageIndex === 0) {
      paint.openingRow(rowTop);
      rowTop += ROW_HEIGHT;
    }
    rowsHere = 0;
    paint.footer(pageIndex + 1, pageCount);
  };

  const nextRowTop = () => {
    if (rowsHere === rowsOnPage(layout, pageIndex)) newPage();
    const top = rowTop;
    rowTop += ROW_HEIGHT;
    rowsHere += 1;
    return top;
  };

  newPage();
  return {
    line(line: StatementLine): void {
      if (written === header.entryCount) throw new StatementLineCountMismatch(header.entryCount, 'more');
      paint.entryRow(nextRowTop(), line, written % 2 === 1);
      written += 1;
    },
    finish(): void {
      if (written !== header.entryCount) throw new StatementLineCountMismatch(header.entryCount, String(written));
      if (written === 0) paint.noEntriesRow(nextRowTop());
      if (rowsOnPage(layout, pageIndex) - rowsHere < TOTALS_ROWS) newPage();
      paint.totals(rowTop);
      if (pageIndex + 1 !== pageCount) throw new Error(`wrote ${pageIndex + 1} pages, planned ${pageCount}`);
    },
  };
}

// Re-exported so a caller of the renderer can tell this failure apart.
export { StatementLineCountMismatch };
