import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a person typed, made safe to open in a spreadsheet: a leading formula character is quoted away. */
export const spreadsheetSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export type CsvCell = string | number | null;

/**
 * RFC 4180 CSV (CRLF line ends, quotes where needed) streamed from rows as they are read: a header row,
 * then every row the source yields, in batches.
 */
export function csvStream(header: string[], rows: AsyncIterable<CsvCell[][]>): Readable {
  const out = stringify({ header: true, columns: header, record_delimiter: 'windows', cast: { number: (n) => String(n) } });
  const source = Readable.from(
    (async function* () {
      for await (const batch of rows) for (const row of batch) yield row;
    })(),
  );
  source.on('error', (error) => out.destroy(error));
  return source.pipe(out);
}
