import type { CustomerView } from '../domain/customers/customer.service.js';
import type { EntryView, OverallSummary, Totals } from '../domain/ledger/ledger.service.js';
import { formatMinor } from '../domain/money.js';
import type { CustomerResponse, EntryResponse, OverallSummaryResponse, TotalsResponse } from './response-schemas.js';

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
