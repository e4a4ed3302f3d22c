import type { Readable } from 'node:stream';
import { formatMinor } from '../domain/money.js';
import type { StatementHeader, StatementLine } from '../domain/statements/statement.service.js';
import { csvStream, spreadsheetSafe, type CsvCell } from './csv.js';

export const STATEMENT_CSV_COLUMNS = ['date', 'entry_id', 'type', 'note', 'gave', 'got', 'balance', 'reverses', 'reversed_by'];

/**
 * A statement as CSV for a spreadsheet: an opening row, one row per entry with its running balance
 * (money as exact decimals, no grouping), and a closing row with the period's totals.
 */
export function statementCsv(h: StatementHeader, lines: AsyncIterable<StatementLine[]>): Readable {
  return csvStream(
    STATEMENT_CSV_COLUMNS,
    (async function* (): AsyncGenerator<CsvCell[][]> {
      yield [[h.startDate, null, 'opening', 'Opening balance', null, null, formatMinor(h.openingBalance), null, null]];
      for await (const batch of lines) {
        yield batch.map((l) => [
          l.entryDate,
          l.id,
          l.type,
          spreadsheetSafe(l.note),
          l.type === 'credit' ? formatMinor(l.amount) : null,
          l.type === 'debit' ? formatMinor(l.amount) : null,
          formatMinor(l.balance),
          l.reverses,
          l.reversedBy,
        ]);
      }
      yield [[h.endDate, null, 'closing', 'Closing balance', formatMinor(h.totalCredit), formatMinor(h.totalDebit), formatMinor(h.closingBalance), null, null]];
    })(),
  );
}
