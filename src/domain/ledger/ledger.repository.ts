import { currentEm, dateOf, num, numOrNull, oneOf, sqlRows, sqlRun, type EntityManager, type SqlParam, type SqlRow } from '../../db/sql.js';
import { CHANNELS, ENTRY_TYPES, type Channel, type EntryType } from './ledger-entry.entity.js';

/** An entry as every reader sees it. */
export type EntryView = {
  id: number;
  customer: number;
  type: EntryType;
  amount: number;
  note: string;
  entryDate: string;
  createdAt: Date;
  reverses: number | null;
  channel: Channel;
};

export type NewEntryRow = Omit<EntryView, 'id'> & { apiToken: number | null; telegramChatId: string | null };

export type CustomerTotals = { totalCredit: number; totalDebit: number };

/** A customer on one side of the book, with its balance. */
export type BalanceLine = { id: number; name: string; balance: number };

/** An entry, and the reversal that undid it, if one did. */
export type HistoryEntry = EntryView & { reversedBy: number | null };

export type EntryFilter = {
  type?: EntryType | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  /** The (entry_date, id) of the last entry of the previous page. */
  after?: readonly [string, number] | undefined;
};

// The one column list and row mapper for entries, alike on SQLite and PostgreSQL.
const COLUMNS = 'id, customer_id, type, amount, note, entry_date, created_at, reverses_id, channel';

function fromRow(em: EntityManager, r: SqlRow): EntryView {
  return {
    id: num(r.id),
    customer: num(r.customer_id),
    type: oneOf(ENTRY_TYPES, r.type),
    amount: num(r.amount),
    note: String(r.note),
    entryDate: String(r.entry_date),
    createdAt: dateOf(em, r.created_at),
    reverses: numOrNull(r.reverses_id),
    channel: oneOf(CHANNELS, r.channel),
  };
}

const PREFIXED = COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');

const ACTIVE_CUSTOMER = 'select 1 from customers where id = ? and owner_id = ? and archived = ?';

// Rows per multi-row insert: 10 parameters each stays far below either database's parameter limit.
const INSERT_BATCH = 500;

/** Every query of the ledger: entries and the running totals they move. */
export function createLedgerRepository(root: EntityManager) {
  return {
    /**
     * One atomic statement checks ownership, applies the delta and returns the new totals and the
     * customer's name: no read-then-write race, and no second read (this is the hottest write path).
     * Null when the customer is not the owner's active one, or the total would pass `maxTotal`.
     */
    async addToTotals(
      ownerId: number,
      customerId: number,
      entry: { type: EntryType; amount: number; reversal: boolean },
      maxTotal: number,
      now: Date,
    ): Promise<(CustomerTotals & { totalReversed: number; name: string }) | null> {
      const { type, amount } = entry;
      const column = type === 'credit' ? 'total_credit' : 'total_debit';
      // A reversal also records the amount it undid, so chat summaries can leave both entries out.
      const reversed = entry.reversal ? ', total_reversed = total_reversed + ?' : '';
      const [row] = await sqlRows(
        root,
        `update customers set ${column} = ${column} + ?${reversed}, updated_at = ?
         where id = ? and owner_id = ? and archived = ? and ${column} <= ?
         returning total_credit, total_debit, total_reversed, name`,
        [amount, ...(entry.reversal ? [amount] : []), now, customerId, ownerId, false, maxTotal - amount],
      );
      return row
        ? { totalCredit: num(row.total_credit), totalDebit: num(row.total_debit), totalReversed: num(row.total_reversed), name: String(row.name) }
        : null;
    },

    async insert(row: NewEntryRow): Promise<EntryView> {
      const [inserted] = await sqlRows(
        root,
        `insert into ledger_entries
           (customer_id, type, amount, note, entry_date, created_at, reverses_id, channel, api_token_id, telegram_chat_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [row.customer, row.type, row.amount, row.note, row.entryDate, row.createdAt, row.reverses, row.channel, row.apiToken, row.telegramChatId],
      );
      const { apiToken: _token, telegramChatId: _chat, ...entry } = row;
      return { ...entry, id: num(inserted?.id) };
    },

    /** Many entries in few statements (an import): rows of up to INSERT_BATCH at a time, in order. */
    async insertMany(rows: NewEntryRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const batch = rows.slice(i, i + INSERT_BATCH);
        await sqlRun(
          root,
          `insert into ledger_entries
             (customer_id, type, amount, note, entry_date, created_at, reverses_id, channel, api_token_id, telegram_chat_id)
           values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          batch.flatMap((r) => [r.customer, r.type, r.amount, r.note, r.entryDate, r.createdAt, r.reverses, r.channel, r.apiToken, r.telegramChatId]),
        );
      }
    },

    /** Adds whole sums to a customer's totals (an import); null when not the owner's active customer or past `maxTotal`. */
    async addSumsToTotals(ownerId: number, customerId: number, credit: number, debit: number, maxTotal: number, now: Date): Promise<(CustomerTotals & { totalReversed: number }) | null> {
      const [row] = await sqlRows(
        root,
        `update customers set total_credit = total_credit + ?, total_debit = total_debit + ?, updated_at = ?
         where id = ? and owner_id = ? and archived = ? and total_credit <= ? and total_debit <= ?
         returning total_credit, total_debit, total_reversed`,
        [credit, debit, now, customerId, ownerId, false, maxTotal - credit, maxTotal - debit],
      );
      return row ? { totalCredit: num(row.total_credit), totalDebit: num(row.total_debit), totalReversed: num(row.total_reversed) } : null;
    },

    async customerIsActive(ownerId: number, customerId: number): Promise<boolean> {
      return (await sqlRows(root, ACTIVE_CUSTOMER, [customerId, ownerId, false])).length > 0;
    },

    async find(customerId: number, entryId: number): Promise<EntryView | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(em, `select ${COLUMNS} from ledger_entries where id = ? and customer_id = ?`, [entryId, customerId]);
      return row ? fromRow(em, row) : null;
    },

    async isReversed(entryId: number): Promise<boolean> {
      return (await sqlRows(root, 'select id from ledger_entries where reverses_id = ?', [entryId])).length > 0;
    },

    /**
     * Up to `limit` entries of an owner's active customer in (entry_date, id) order, on the
     * (customer_id, entry_date, id) index; the ownership check rides along in the same statement.
     */
    async page(ownerId: number, customerId: number, filter: EntryFilter, limit: number): Promise<EntryView[]> {
      const em = currentEm(root);
      const where = ['customer_id = ?'];
      const params: SqlParam[] = [customerId];
      if (filter.type) where.push('type = ?'), params.push(filter.type);
      if (filter.startDate) where.push('entry_date >= ?'), params.push(filter.startDate);
      if (filter.endDate) where.push('entry_date <= ?'), params.push(filter.endDate);
      if (filter.after) {
        const [date, id] = filter.after;
        where.push('(entry_date > ? or (entry_date = ? and id > ?))');
        params.push(date, date, id);
      }
      const rows = await sqlRows(
        em,
        `select ${COLUMNS} from ledger_entries
         where ${where.join(' and ')} and exists (${ACTIVE_CUSTOMER})
         order by entry_date, id limit ?`,
        [...params, customerId, ownerId, false, limit],
      );
      return rows.map((r) => fromRow(em, r));
    },

    /** The last `count` entries of a customer, newest first, each with the reversal that undid it. */
    async recent(customerId: number, count: number): Promise<HistoryEntry[]> {
      const em = currentEm(root);
      const rows = await sqlRows(
        em,
        `select ${PREFIXED}, r.id as reversed_by from ledger_entries e
         left join ledger_entries r on r.reverses_id = e.id
         where e.customer_id = ? order by e.entry_date desc, e.id desc limit ?`,
        [customerId, count],
      );
      return rows.map((r) => ({ ...fromRow(em, r), reversedBy: numOrNull(r.reversed_by) }));
    },

    /** O(1): the running totals, never an aggregate over entries. */
    async totals(ownerId: number, customerId: number): Promise<CustomerTotals | null> {
      const [row] = await sqlRows(
        root,
        'select total_credit, total_debit from customers where id = ? and owner_id = ? and archived = ?',
        [customerId, ownerId, false],
      );
      return row ? { totalCredit: num(row.total_credit), totalDebit: num(row.total_debit) } : null;
    },

    /** The customers with the largest balances on one side: who owes you most (`get`), or whom you owe most (`give`). */
    async largestBalances(ownerId: number, side: 'get' | 'give', limit: number): Promise<BalanceLine[]> {
      // Both sides read the (owner, archived, balance desc, id) index: forwards for who owes most,
      // backwards for whom you owe most; the filters are written as the index's expression.
      const [filter, order] =
        side === 'get' ? ['total_credit - total_debit > 0', 'total_credit - total_debit desc, id'] : ['total_credit - total_debit < 0', 'total_credit - total_debit, id desc'];
      const rows = await sqlRows(
        root,
        `select id, name, total_credit, total_debit from customers where owner_id = ? and archived = ? and ${filter}
         order by ${order} limit ?`,
        [ownerId, false, limit],
      );
      return rows.map((r) => ({ id: num(r.id), name: String(r.name), balance: num(r.total_credit) - num(r.total_debit) }));
    },

    /**
     * The newest entry a chat posted that is neither a reversal nor undone, with its customer's name.
     * Joined on the customer: a chat once linked to another merchant must not reach that merchant's entries.
     */
    async lastUndoableFromChat(ownerId: number, chatId: string): Promise<{ entry: EntryView; customerName: string } | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(
        em,
        `select ${PREFIXED}, c.name as customer_name
         from ledger_entries e join customers c on c.id = e.customer_id
         where e.telegram_chat_id = ? and e.reverses_id is null and c.owner_id = ? and c.archived = ?
           and not exists (select 1 from ledger_entries r where r.reverses_id = e.id)
         order by e.id desc limit 1`,
        [chatId, ownerId, false],
      );
      if (!row) return null;
      return { entry: fromRow(em, row), customerName: String(row.customer_name) };
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
