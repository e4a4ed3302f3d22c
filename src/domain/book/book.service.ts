import { z } from 'zod';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import type { CustomerService } from '../customers/customer.service.js';
import { nameKey } from '../customers/name-key.js';
import { DomainError, ImportInvalid, type ImportRowError } from '../errors.js';
import type { EntryType } from '../ledger/ledger-entry.entity.js';
import type { LedgerService, NewEntry } from '../ledger/ledger.service.js';
import { parseAmount } from '../money.js';
import { customerNameRule, isoDate, noteRule, phoneRule } from '../rules.js';
import type { BookCustomer, BookEntry, BookRepository } from './book.repository.js';

/** A row of an import file as it was read: every field a string, `row` its number in the file (header: 1). */
export type ImportRow = { row: number; customer: string; phone: string; entryDate: string; type: string; amount: string; note: string };

/** One customer, and (unless the row only names the customer) one entry of theirs. */
export type ExportRow = { customer: BookCustomer; entry: BookEntry | null };

export type ImportResult = { customersCreated: number; entriesImported: number };

// Merchants write the entry's type as the API does, or as the app says it.
const TYPES: Record<string, EntryType> = { credit: 'credit', debit: 'debit', gave: 'credit', got: 'debit' };

/** A field's rule result: the value, or the message that goes into the row's error. */
function check<S extends z.ZodType>(schema: S, value: string): { ok: true; value: z.output<S> } | { ok: false; error: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'is not valid' };
}

const CUSTOMERS_BATCH = 500;
const ENTRIES_BATCH = 1_000;

export type BookServiceDeps = { book: BookRepository; customers: CustomerService; ledger: LedgerService; transactions: Transactions };

/** A merchant's whole book out (a CSV the import reads back) and in (all rows or none). */
export function createBookService({ book, customers, ledger, transactions }: BookServiceDeps) {
  /** Every row is checked before anything is written; the errors of all of them are reported together. */
  function validate(rows: ImportRow[]) {
    const errors: ImportRowError[] = [];
    const valid: Array<{ name: string; phone: string; entry: NewEntry | null }> = [];
    for (const r of rows) {
      const before = errors.length;
      const fail = (field: string, error: string) => errors.push({ row: r.row, field, error });
      const name = check(customerNameRule, r.customer);
      if (!name.ok) fail('customer', name.error);
      const phone = check(phoneRule, r.phone);
      if (!phone.ok) fail('phone', phone.error);
      const note = check(noteRule, r.note);
      if (!note.ok) fail('note', note.error);
      // A row with no entry fields names a customer only.
      const hasEntry = [r.entryDate, r.type, r.amount].some((f) => f.trim() !== '');
      let entry: NewEntry | null = null;
      if (hasEntry) {
        const date = check(isoDate, r.entryDate.trim());
        if (!date.ok) fail('entry_date', date.error);
        const type = TYPES[r.type.trim().toLowerCase()];
        if (!type) fail('type', 'must be "credit" or "debit" (or "gave" / "got")');
        let amountMinor = 0;
        try {
          amountMinor = parseAmount(r.amount.trim());
        } catch (error) {
          fail('amount', error instanceof DomainError ? (error.fields.amount ?? error.message) : 'is not an amount');
        }
        if (date.ok && type) entry = { type, amountMinor, entryDate: date.value, note: note.ok ? note.value : '' };
      }
      if (errors.length === before && name.ok && phone.ok) valid.push({ name: name.value, phone: phone.value, entry });
    }
    return { errors, valid };
  }

  return {
    /**
     * Imports every row in one transaction, or nothing: rows go to the active customer of that name (in
     * the matching form), or to a new one made with the row's phone. A name two customers share is an
     * error for that row: an import never guesses which one.
     */
    async importRows(actor: Actor, rows: ImportRow[]): Promise<ImportResult> {
      const { errors, valid } = validate(rows);
      const byKey = new Map<string, { name: string; phone: string; rows: number[]; entries: NewEntry[] }>();
      valid.forEach((v, i) => {
        const key = nameKey(v.name);
        const group = byKey.get(key) ?? { name: v.name, phone: v.phone, rows: [], entries: [] };
        if (!group.phone && v.phone) group.phone = v.phone;
        group.rows.push(rows[i]?.row ?? 0);
        if (v.entry) group.entries.push(v.entry);
        byKey.set(key, group);
      });
      const names = [...byKey.values()].map((g) => g.name);
      const existing = new Map<string, Array<{ id: number }>>();
      for (let i = 0; i < names.length; i += CUSTOMERS_BATCH) {
        for (const [key, found] of await customers.withNames(actor, names.slice(i, i + CUSTOMERS_BATCH))) existing.set(key, found);
      }
      for (const [key, group] of byKey) {
        if ((existing.get(key)?.length ?? 0) > 1) {
          for (const row of group.rows) errors.push({ row, field: 'customer', error: `${existing.get(key)?.length} customers are named "${group.name}": make their names different first` });
        }
      }
      if (errors.length > 0) throw new ImportInvalid(errors.sort((a, b) => a.row - b.row));

      return transactions.join(async () => {
        let customersCreated = 0;
        let entriesImported = 0;
        for (const [key, group] of byKey) {
          let id = existing.get(key)?.[0]?.id;
          if (id === undefined) {
            id = (await customers.create(actor, { name: group.name, phone: group.phone })).id;
            customersCreated += 1;
          }
          entriesImported += await ledger.postMany(actor, id, group.entries);
        }
        return { customersCreated, entriesImported };
      });
    },

    /** The whole book, customers in id order with their entries in date order, a batch at a time. */
    async *exportRows(actor: Actor): AsyncGenerator<ExportRow[]> {
      let afterId = 0;
      for (;;) {
        const batch = await book.customers(actor.ownerId, afterId, CUSTOMERS_BATCH);
        if (batch.length === 0) return;
        const byId = new Map(batch.map((c) => [c.id, c]));
        const withEntries = new Set<number>();
        // Customers are written in id order; one without entries gets a row of its own in its place.
        let next = 0;
        const passed = (id: number, out: ExportRow[]) => {
          for (let c = batch[next]; c && c.id < id; c = batch[++next]) if (!withEntries.has(c.id)) out.push({ customer: c, entry: null });
        };
        let after: readonly [number, string, number] | null = null;
        for (;;) {
          const entries = await book.entries([...byId.keys()], after, ENTRIES_BATCH);
          const out: ExportRow[] = [];
          for (const e of entries) {
            const customer = byId.get(e.customerId);
            if (!customer) continue;
            passed(e.customerId, out);
            withEntries.add(customer.id);
            out.push({ customer, entry: e });
          }
          if (out.length > 0) yield out;
          const last = entries.at(-1);
          if (!last || entries.length < ENTRIES_BATCH) break;
          after = [last.customerId, last.entryDate, last.id];
        }
        const rest: ExportRow[] = [];
        passed(Number.MAX_SAFE_INTEGER, rest);
        if (rest.length > 0) yield rest;
        afterId = batch.at(-1)?.id ?? afterId;
        if (batch.length < CUSTOMERS_BATCH) return;
      }
    },
  };
}

export type BookService = ReturnType<typeof createBookService>;
