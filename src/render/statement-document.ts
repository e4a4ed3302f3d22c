import type { Readable } from 'node:stream';
import type { Actor } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import type { Services } from '../domain/services.js';
import type { StatementHeader } from '../domain/statements/statement.service.js';
import type { CustomerLanguage } from './customer-texts.js';
import { statementLocale, type RenderLocale } from './statement-data.js';

// The renderers (pdfkit, fontkit, Chart.js and a native canvas) are loaded on the first document, not
// at start: a server that never makes one keeps ~30 MB less resident.
const pdfRenderer = () => import('./statement-pdf.js');
const chartRenderer = () => import('./balance-chart.js');

/** The chart drawn on a statement's first page, and the size /chart.png is drawn at. */
export const STATEMENT_CHART = { width: 1000, height: 360 };
export const CHART_PNG = { width: 1200, height: 600 };

/** The chart alone is titled with whose it is and when: "Alice Khan: 1 Nov 2026 – 30 Nov 2026". */
export const chartTitle = (h: Pick<StatementHeader, 'customer' | 'startDate' | 'endDate'>, locale: RenderLocale) =>
  `${h.customer.name}: ${locale.date(h.startDate)} – ${locale.date(h.endDate)}`;

export type StatementDocuments = ReturnType<typeof createStatementDocuments>;

/**
 * A statement as the files a merchant sends: the PDF (chart on page one) and the chart alone, for the
 * API and the bot alike. The shop's name on it is the merchant's name, its money in the merchant's
 * currency, its texts in `language` (English unless asked).
 */
export function createStatementDocuments(services: Pick<Services, 'auth' | 'statements'>, clock: Clock) {
  return {
    async pdf(actor: Actor, h: StatementHeader, options: { language?: CustomerLanguage } = {}): Promise<Readable> {
      const [{ renderStatementPdf }, { renderBalanceChart }] = await Promise.all([pdfRenderer(), chartRenderer()]);
      const merchant = await services.auth.me(actor);
      const locale = statementLocale(options.language ?? 'en', merchant.currency);
      const chart = await renderBalanceChart(await services.statements.points(h), { ...STATEMENT_CHART, locale });
      return renderStatementPdf({ ...h, merchantName: merchant.displayName, generatedAt: clock.now() }, services.statements.lines(h), { locale, chart });
    },

    /** The chart alone, in `language` with the merchant's currency, titled with the customer and the period. */
    async chart(actor: Actor, h: StatementHeader, options: { language?: CustomerLanguage } = {}): Promise<Buffer> {
      const [{ renderBalanceChart }, merchant] = await Promise.all([chartRenderer(), services.auth.me(actor)]);
      const locale = statementLocale(options.language ?? 'en', merchant.currency);
      return renderBalanceChart(await services.statements.points(h), { ...CHART_PNG, locale, title: chartTitle(h, locale) });
    },
  };
}
