import type { StatementHeader as DomainStatementHeader, StatementLine as DomainStatementLine } from '../domain/statements/statement.service.js';
import { customerFormat, customerText, type CustomerLanguage } from './customer-texts.js';
import { formatGroupedMinor, formatIsoDate } from './format.js';
import { formatCount } from './local-format.js';

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

/** Texts and number formatting, and the language they are in (which fonts and shaping the PDF needs). */
export type RenderLocale = {
  language?: CustomerLanguage;
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
  language: 'en',
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

/**
 * A statement's texts (src/locales, statement-*) in a customer language, money in the merchant's
 * currency and numbers in the language's own digits. English without a currency is ENGLISH itself.
 */
export function statementLocale(language: CustomerLanguage, currency: string | null = null): RenderLocale {
  if (language === 'en' && currency === null) return ENGLISH;
  const { money, date, style } = customerFormat(language, currency);
  const t = (key: string, vars?: Record<string, string>) => customerText(language, key, vars);
  // Entry ids and page numbers in the language's digits, ungrouped ("#1234", not "#1,234").
  const n = (value: number) => formatCount(value, style);
  return {
    language,
    money,
    date,
    labels: {
      title: t('statement-title'),
      customer: t('statement-customer'),
      phone: t('statement-phone'),
      period: t('statement-period'),
      opening: t('statement-opening'),
      closing: t('statement-closing'),
      date: t('statement-date'),
      note: t('statement-note'),
      gave: t('statement-gave'),
      got: t('statement-got'),
      balance: t('statement-balance'),
      reversal: (ofId) => t('statement-reversal', { id: n(ofId) }),
      undone: (byId) => t('statement-undone', { id: n(byId) }),
      page: (page, of) => t('statement-page', { page: n(page), pages: n(of) }),
      generated: (when) => t('statement-generated', { date: when }),
      totals: t('statement-totals'),
      chartTitle: t('statement-chart-title'),
      noEntries: t('statement-no-entries'),
    },
  };
}
