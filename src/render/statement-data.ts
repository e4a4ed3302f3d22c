import type { StatementHeader as DomainStatementHeader, StatementLine as DomainStatementLine } from '../domain/statements/statement.service.js';
import { formatGroupedMinor, formatIsoDate } from './format.js';

/**
 * Plain data the statement renderers take: no entities, no wire shapes. Money is integer minor units;
 * only the locale turns it into text.
 */

/** An entry with its running balance after it (minor units, may be negative), as the domain reads it. */
export type StatementLine = DomainStatementLine;

/** The domain's statement header, with what the document adds: the shop's name and when it was made. */
export type StatementHeader = Omit<DomainStatementHeader, 'asOf'> & { merchantName: string; generatedAt: Date };

/** One day of the period for the chart: what was given (credit) and got (debit) that day, and the balance at the end of the day. */
export type { BalancePoint } from '../domain/statements/statement.service.js';

/** Texts and number formatting: English defaults now; other languages later pass their own. */
export type RenderLocale = {
  money: (minor: number) => string;
  date: (isoDate: string) => string;
  labels: StatementLabels;
};

export type StatementLabels = {
  title: string;
  customer: string;
  phone: string;
  period: string;
  opening: string;
  closing: string;
  date: string;
  note: string;
  gave: string;
  got: string;
  balance: string;
  reversal: (ofId: number) => string;
  undone: (byId: number) => string;
  page: (n: number, of: number) => string;
  generated: (when: string) => string;
  totals: string;
  chartTitle: string;
  noEntries: string;
};

export const ENGLISH: RenderLocale = {
  money: formatGroupedMinor,
  date: formatIsoDate,
  labels: {
    title: 'Statement',
    customer: 'Customer',
    phone: 'Phone',
    period: 'Period',
    opening: 'Opening balance',
    closing: 'Closing balance',
    date: 'Date',
    note: 'Note',
    gave: 'You gave',
    got: 'You got',
    balance: 'Balance',
    reversal: (ofId) => `Reversal of #${ofId}`,
    undone: (byId) => `Undone by #${byId}`,
    page: (n, of) => `Page ${n} of ${of}`,
    generated: (when) => `Generated ${when}`,
    totals: 'Totals',
    chartTitle: 'Gave, got and balance',
    noEntries: 'No entries in this period',
  },
};
