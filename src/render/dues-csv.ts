import type { Readable } from 'node:stream';
import type { Due } from '../domain/dues/dues.service.js';
import { formatMinor } from '../domain/money.js';
import { csvStream, spreadsheetSafe, type CsvCell } from './csv.js';

export const DUES_CSV_COLUMNS = ['customer_id', 'name', 'phone', 'balance', 'last_entry_date', 'last_payment_date', 'days_since_last_payment', '0_30', '31_60', '61_90', 'over_90'];

/** The dues list as CSV, every page of it as it is read. */
export function duesCsv(pages: AsyncIterable<Due[]>): Readable {
  return csvStream(
    DUES_CSV_COLUMNS,
    (async function* (): AsyncGenerator<CsvCell[][]> {
      for await (const page of pages) {
        yield page.map((d) => [
          d.id,
          spreadsheetSafe(d.name),
          spreadsheetSafe(d.phone),
          formatMinor(d.balance),
          d.lastEntryDate,
          d.lastPaymentDate,
          d.daysSinceLastPayment,
          formatMinor(d.ageing.upTo30),
          formatMinor(d.ageing.from31To60),
          formatMinor(d.ageing.from61To90),
          formatMinor(d.ageing.over90),
        ]);
      }
    })(),
  );
}
