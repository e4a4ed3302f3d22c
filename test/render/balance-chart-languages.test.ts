import { describe, expect, it } from 'vitest';
import { balanceChartConfig, renderBalanceChart } from '../../src/render/balance-chart.js';
import { ENGLISH, statementLocale, type RenderLocale } from '../../src/render/statement-data.js';
import { daysOf, novemberStatement, OPENING } from './fixtures.js';

const { header, lines } = novemberStatement();
const november = daysOf(OPENING, lines, header.startDate, header.endDate);

/** Every text the chart draws: title, legend, axis titles, the day labels and the amounts on both axes. */
function textsOf(locale: RenderLocale): string[] {
  const config = balanceChartConfig(november, { width: 1200, height: 600, locale });
  const scales = config.options?.scales;
  const amounts = [0, 45_000, 125_000_00];
  // The tick callbacks never read their `this` (a live Chart.js scale), so none is given.
  const ticks = [scales?.balance?.ticks?.callback, scales?.amounts?.ticks?.callback].flatMap((callback) => {
    if (!callback) throw new Error('an axis has no tick labels');
    return amounts.map((v) => String(Reflect.apply(callback, undefined, [v, 0, []])));
  });
  return [
    String(config.options?.plugins?.title?.text),
    ...config.data.datasets.map((d) => String(d.label)),
    String(scales?.balance?.title?.text),
    String(scales?.amounts?.title?.text),
    ...(config.data.labels ?? []).map(String),
    ...ticks,
  ];
}

describe('the balance chart in the customer languages', () => {
  it('when it is drawn in Bengali with taka, then every text on it is Bengali, in Bengali digits, with the taka sign', () => {
    const texts = textsOf(statementLocale('bn', 'BDT'));
    for (const text of texts) expect(text, text).not.toMatch(/[A-Za-z0-9]/);
    expect(texts).toContain('৳১,২৫,০০০.০০');
    expect(texts.join(' ')).toMatch(/[\u0980-\u09FF]/);
  });

  it('when it is drawn in Hindi with rupees, then its words are Devanagari and its amounts have the rupee sign and lakh grouping', () => {
    const texts = textsOf(statementLocale('hi', 'INR'));
    for (const text of texts) expect(text, text).not.toMatch(/[A-Za-z]/);
    expect(texts).toContain('₹1,25,000.00');
    expect(texts.join(' ')).toMatch(/[\u0900-\u097F]/);
  });

  it('when it is drawn in English without a currency, then the texts are the English ones', () => {
    const texts = textsOf(ENGLISH);
    expect(texts).toContain(ENGLISH.labels.chartTitle);
    expect(texts).toContain(ENGLISH.labels.balance);
    expect(texts).toContain('125,000.00');
  });

  it('when the same book is drawn in English and in Bengali, then the pictures differ (the Bengali face and words are drawn)', async () => {
    const options = { width: 600, height: 300 };
    const [english, bengali] = await Promise.all([
      renderBalanceChart(november, { ...options, locale: ENGLISH }),
      renderBalanceChart(november, { ...options, locale: statementLocale('bn', 'BDT') }),
    ]);
    expect(english.equals(bengali)).toBe(false);
  });
});
