import type { CustomerView } from '../domain/customers/customer.service.js';
import type { EntryView, OverallSummary, Totals } from '../domain/ledger/ledger.service.js';
import { formatMinor } from '../domain/money.js';
import type { Due } from '../domain/dues/dues.service.js';
import type { StatementHeader, StatementLine } from '../domain/statements/statement.service.js';
import type { CustomerResponse, DueResponse, MeResponse, EntryResponse, OverallSummaryResponse, StatementEntryResponse, StatementResponse, TotalsResponse } from './response-schemas.js';

/** Wire shapes: snake_case, money as exact decimal strings. */
export function presentTotals(t: Totals): TotalsResponse {
  return {
    total_credit: formatMinor(t.totalCredit),
    total_debit: formatMinor(t.totalDebit),
    balance: formatMinor(t.balance),
  };
}

export function presentCustomer(c: CustomerView): CustomerResponse {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    address: c.address,
    ...presentTotals({ totalCredit: c.totalCredit, totalDebit: c.totalDebit, balance: c.totalCredit - c.totalDebit }),
  };
}

export function presentEntry(e: EntryView): EntryResponse {
  return {
    id: e.id,
    customer: e.customer,
    type: e.type,
    amount: formatMinor(e.amount),
    note: e.note,
    entry_date: e.entryDate,
    created_at: e.createdAt.toISOString(),
    reverses: e.reverses ?? null,
    channel: e.channel,
  };
}

export function presentOverall(s: OverallSummary): OverallSummaryResponse {
  return {
    total_credit: formatMinor(s.totalCredit),
    total_debit: formatMinor(s.totalDebit),
    balance: formatMinor(s.balance),
    customer_count: s.customerCount,
    customers_owing: s.customersOwing,
  };
}

export function presentStatementLine(l: StatementLine): StatementEntryResponse {
  return {
    id: l.id,
    entry_date: l.entryDate,
    type: l.type,
    amount: formatMinor(l.amount),
    note: l.note,
    reverses: l.reverses,
    reversed_by: l.reversedBy,
    balance: formatMinor(l.balance),
  };
}

export function presentStatement(h: StatementHeader, lines: StatementLine[]): StatementResponse {
  return {
    customer: h.customer,
    start_date: h.startDate,
    end_date: h.endDate,
    opening_balance: formatMinor(h.openingBalance),
    total_credit: formatMinor(h.totalCredit),
    total_debit: formatMinor(h.totalDebit),
    closing_balance: formatMinor(h.closingBalance),
    entries: lines.map(presentStatementLine),
  };
}

export function presentDue(d: Due): DueResponse {
  return {
    id: d.id,
    name: d.name,
    phone: d.phone,
    balance: formatMinor(d.balance),
    last_entry_date: d.lastEntryDate,
    last_payment_date: d.lastPaymentDate,
    days_since_last_payment: d.daysSinceLastPayment,
    ageing: { '0_30': formatMinor(d.ageing.upTo30), '31_60': formatMinor(d.ageing.from31To60), '61_90': formatMinor(d.ageing.from61To90), over_90: formatMinor(d.ageing.over90) },
  };
}

export function presentMe(m: { id: number; username: string; displayName: string; currency: string | null }): MeResponse {
  return { id: m.id, username: m.username, display_name: m.displayName, currency: m.currency };
}
