import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ExportRow, ImportRow } from '../domain/book/book.service.js';
import type { ImportRowError } from '../domain/errors.js';
import { formatMinor } from '../domain/money.js';
import { csvStream, spreadsheetSafe, type CsvCell } from './csv.js';

/** The columns of a book file, both ways: what the export writes is what the import reads. */
export const BOOK_COLUMNS = ['customer', 'phone', 'entry_date', 'type', 'amount', 'note'] as const;
const REQUIRED = ['customer', 'entry_date', 'type', 'amount'] as const;

/** The whole book as CSV: a row per entry, and a row for each customer without entries. */
export function bookCsv(rows: AsyncIterable<ExportRow[]>): Readable {
  return csvStream(
    [...BOOK_COLUMNS],
    (async function* (): AsyncGenerator<CsvCell[][]> {
      for await (const batch of rows) {
        yield batch.map(({ customer, entry }) => [
          spreadsheetSafe(customer.name),
          spreadsheetSafe(customer.phone),
          entry?.entryDate ?? null,
          entry?.type ?? null,
          entry ? formatMinor(entry.amount) : null,
          entry ? spreadsheetSafe(entry.note) : null,
        ]);
      }
    })(),
  );
}

const withLines = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));

// A cell the export protected from spreadsheets ('=…') reads back as what was typed.
const unprotect = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/**
 * Reads an import file: a header row naming the columns (any order, any case; phone and note may be
 * left out), then rows, each numbered by its line in the file (the header is line 1). A file that is not
 * CSV, or lacks a column, is reported as the header's error.
 */
export function parseBookCsv(text: string): { rows: ImportRow[]; errors: ImportRowError[] } {
  let records: z.infer<typeof withLines>;
  try {
    // With `info`, each record comes with the line it ends on (the library's types do not say so).
    records = withLines.parse(parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 1;
    return { rows: [], errors: [{ row: line, field: 'file', error: `is not valid CSV: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const [head, ...body] = records;
  const names = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) return { rows: [], errors: missing.map((c) => ({ row: 1, field: c, error: `the header has no "${c}" column (columns: ${BOOK_COLUMNS.join(',')})` })) };
  const at = (record: string[], column: string) => {
    const i = names.indexOf(column);
    return i < 0 ? '' : unprotect(record[i] ?? '');
  };
  return {
    errors: [],
    rows: body.map(({ record, info }) => ({
      row: info.lines,
      customer: at(record, 'customer'),
      phone: at(record, 'phone'),
      entryDate: at(record, 'entry_date'),
      type: at(record, 'type'),
      amount: at(record, 'amount'),
      note: at(record, 'note'),
    })),
  };
}
