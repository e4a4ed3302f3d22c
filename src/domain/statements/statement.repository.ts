import { isoDay, num, numOrNull, oneOf, sqlRows, type EntityManager, type SqlParam } from '../../db/sql.js';
import { ENTRY_TYPES, type EntryType } from '../ledger/ledger-entry.entity.js';

/** An entry of a statement, before its running balance is known. */
export type StatementRow = { id: number; entryDate: string; type: EntryType; amount: number; note: string; reverses: number | null; reversedBy: number | null };

/** What was posted over some dates: how many entries, and their credit and debit. */
export type Sums = { entries: number; credit: number; debit: number };

/** A day of the book: every entry's credit and debit that date. */
export type DayRow = { date: string; credit: number; debit: number };


/**
 * The reads statements and charts make. Sums over dates come from customer_days (one row a day, however
 * many entries), entries a page at a time on the (customer_id, entry_date, id) index.
 */
export function createStatementRepository(root: EntityManager) {
  return {
    /** The date of the customer's first entry, or null when it has none. */
    async firstDate(customerId: number): Promise<string | null> {
      const [row] = await sqlRows(root, 'select min(entry_date) as first from customer_days where customer_id = ? and entries > 0', [customerId]);
      return row?.first === null || row?.first === undefined ? null : isoDay(row.first);
    },

    /** Sums of the dates in [from, to] (either end open when null), from the customer's days. */
    async sums(customerId: number, from: string | null, to: string | null): Promise<Sums> {
      const where = ['customer_id = ?'];
      const params: SqlParam[] = [customerId];
      if (from !== null) where.push('entry_date >= ?'), params.push(from);
      if (to !== null) where.push('entry_date <= ?'), params.push(to);
      const [row] = await sqlRows(
        root,
        `select coalesce(sum(entries), 0) as entries, coalesce(sum(credit), 0) as credit, coalesce(sum(debit), 0) as debit from customer_days where ${where.join(' and ')}`,
        params,
      );
      return { entries: num(row?.entries ?? 0), credit: num(row?.credit ?? 0), debit: num(row?.debit ?? 0) };
    },

    /** Sums of the entries of one date up to and including entry `id` (where a page of a statement resumes). */
    async sumsOfDayUpTo(customerId: number, date: string, id: number): Promise<Sums> {
      const [row] = await sqlRows(
        root,
        `select count(*) as entries, coalesce(sum(case when type = 'credit' then amount else 0 end), 0) as credit,
                coalesce(sum(case when type = 'debit' then amount else 0 end), 0) as debit
         from ledger_entries where customer_id = ? and entry_date = ? and id <= ?`,
        [customerId, date, id],
      );
      return { entries: num(row?.entries ?? 0), credit: num(row?.credit ?? 0), debit: num(row?.debit ?? 0) };
    },

    /**
     * The newest entry id of the whole ledger (0 when none): what a statement read now has seen. Any of
     * the customer's entries posted later has a higher id, and the table's own maximum is one index
     * step (the customer's maximum would walk the customer's whole (customer_id, entry_date, id) range).
     */
    async lastEntryId(): Promise<number> {
      const [row] = await sqlRows(root, 'select max(id) as id from ledger_entries', []);
      return numOrNull(row?.id) ?? 0;
    },

    /**
     * Up to `limit` entries dated in [from, to] after (date, id), in (entry_date, id) order, each with the
     * reversal that undid it (as of entry `asOf`: entries posted since are left out).
     */
    async entries(customerId: number, range: { from: string; to: string; after: readonly [string, number] | null; limit: number; asOf: number }): Promise<StatementRow[]> {
      const params: SqlParam[] = [range.asOf, customerId, range.from, range.to, range.asOf];
      let resume = '';
      if (range.after) {
        const [date, id] = range.after;
        resume = 'and (e.entry_date > ? or (e.entry_date = ? and e.id > ?))';
        params.push(date, date, id);
      }
      const rows = await sqlRows(
        root,
        `select e.id, e.entry_date, e.type, e.amount, e.note, e.reverses_id, r.id as reversed_by
         from ledger_entries e left join ledger_entries r on r.reverses_id = e.id and r.id <= ?
         where e.customer_id = ? and e.entry_date >= ? and e.entry_date <= ? and e.id <= ? ${resume}
         order by e.entry_date, e.id limit ?`,
        [...params, range.limit],
      );
      return rows.map((r) => ({
        id: num(r.id),
        entryDate: isoDay(r.entry_date),
        type: oneOf(ENTRY_TYPES, r.type),
        amount: num(r.amount),
        note: String(r.note),
        reverses: numOrNull(r.reverses_id),
        reversedBy: numOrNull(r.reversed_by),
      }));
    },

    /** The customer's days in [from, to] that have entries, in date order. */
    async days(customerId: number, from: string, to: string): Promise<DayRow[]> {
      const rows = await sqlRows(
        root,
        'select entry_date, credit, debit from customer_days where customer_id = ? and entry_date >= ? and entry_date <= ? and entries > 0 order by entry_date',
        [customerId, from, to],
      );
      return rows.map((r) => ({ date: isoDay(r.entry_date), credit: num(r.credit), debit: num(r.debit) }));
    },
  };
}

export type StatementRepository = ReturnType<typeof createStatementRepository>;
