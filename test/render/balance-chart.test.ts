import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { balanceChartConfig, CHART_COLOURS, renderBalanceChart } from '../../src/render/balance-chart.js';
import { ENGLISH } from '../../src/render/statement-data.js';
import { daysOf, manyDays, novemberStatement, OPENING } from './fixtures.js';

type Picture = { width: number; height: number; pixel: (x: number, y: number) => [number, number, number, number]; colours: Map<string, number> };

function decode(png: Buffer): Picture {
  const image = PNG.sync.read(png);
  const colours = new Map<string, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = `${image.data[i]},${image.data[i + 1]},${image.data[i + 2]},${image.data[i + 3]}`;
    colours.set(key, (colours.get(key) ?? 0) + 1);
  }
  const pixel = (x: number, y: number): [number, number, number, number] => {
    const at = (y * image.width + x) * 4;
    return [image.data[at] ?? -1, image.data[at + 1] ?? -1, image.data[at + 2] ?? -1, image.data[at + 3] ?? -1];
  };
  return { width: image.width, height: image.height, pixel, colours };
}

const WHITE = '255,255,255,255';
const opaque = (hex: string) => `${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},255`;
const nonWhite = (picture: Picture) => picture.width * picture.height - (picture.colours.get(WHITE) ?? 0);

describe('balance chart', () => {
  const { header, lines } = novemberStatement();
  const november = daysOf(OPENING, lines, header.startDate, header.endDate);

  it('when a month is drawn, then the PNG has the asked size, a white opaque background and all three series', async () => {
    const picture = decode(await renderBalanceChart(november, { width: 900, height: 400, locale: ENGLISH }));
    expect([picture.width, picture.height]).toEqual([900, 400]);
    expect(picture.pixel(0, 0)).toEqual([255, 255, 255, 255]);
    expect(picture.pixel(899, 399)).toEqual([255, 255, 255, 255]);
    expect(picture.colours.size).toBeGreaterThan(50); // text is anti-aliased: many shades
    expect(nonWhite(picture)).toBeGreaterThan(900 * 400 * 0.03);
    for (const colour of [CHART_COLOURS.gave, CHART_COLOURS.got, CHART_COLOURS.balance]) {
      expect(picture.colours.get(opaque(colour)) ?? 0, colour).toBeGreaterThan(100);
    }
  });

  it('when there are no points, then it is still a PNG of the asked size, with axes and the no-entries note but no bars', async () => {
    const picture = decode(await renderBalanceChart([], { width: 600, height: 300, locale: ENGLISH }));
    expect([picture.width, picture.height]).toEqual([600, 300]);
    expect(picture.pixel(0, 0)).toEqual([255, 255, 255, 255]);
    expect(nonWhite(picture)).toBeGreaterThan(1_000);
    // The legend shows small swatches of each colour; bars would add far more.
    expect(picture.colours.get(opaque(CHART_COLOURS.gave)) ?? 0).toBeLessThan(600);
    const withNote = nonWhite(picture);
    const silent = decode(await renderBalanceChart([], { width: 600, height: 300, locale: { ...ENGLISH, labels: { ...ENGLISH.labels, noEntries: '' } } }));
    expect(withNote).toBeGreaterThan(nonWhite(silent));
  });

  it('when there are no points, then neither axis marks amounts (only a period with entries has any)', () => {
    const scalesOf = (points: Parameters<typeof balanceChartConfig>[0]) => balanceChartConfig(points, { width: 800, height: 400, locale: ENGLISH }).options?.scales;
    const empty = scalesOf([]);
    expect(empty?.balance?.ticks?.display).toBe(false);
    expect(empty?.amounts?.ticks?.display).toBe(false);
    const { header, lines } = novemberStatement();
    const month = scalesOf(daysOf(OPENING, lines, header.startDate, header.endDate));
    expect(month?.balance?.ticks?.display).toBe(true);
    expect(month?.amounts?.ticks?.display).toBe(true);
  });

  it('when there is one day, then it draws', async () => {
    const picture = decode(await renderBalanceChart([{ date: '2026-11-02', credit: 45_000, debit: 10_000, balance: 35_000 }], { width: 400, height: 250, locale: ENGLISH }));
    expect([picture.width, picture.height]).toEqual([400, 250]);
    expect(picture.colours.get(opaque(CHART_COLOURS.gave)) ?? 0).toBeGreaterThan(600);
    expect(picture.colours.get(opaque(CHART_COLOURS.got)) ?? 0).toBeGreaterThan(100);
  });

  it('when 3,000 days are drawn, then days are grouped into bars that stay visible', async () => {
    const picture = decode(await renderBalanceChart(manyDays(3_000), { width: 1000, height: 400, locale: ENGLISH }));
    expect([picture.width, picture.height]).toEqual([1000, 400]);
    // 3,000 one-pixel bars would blur into each other; grouped bars keep solid areas of both colours.
    expect(picture.colours.get(opaque(CHART_COLOURS.gave)) ?? 0).toBeGreaterThan(10_000);
    expect(picture.colours.get(opaque(CHART_COLOURS.got)) ?? 0).toBeGreaterThan(5_000);
  });

  it('when the same points are drawn twice, then the PNGs are identical (no system font or clock leaks in)', async () => {
    const options = { width: 500, height: 300, locale: ENGLISH };
    const [first, second] = await Promise.all([renderBalanceChart(november, options), renderBalanceChart(november, options)]);
    expect(first.equals(second)).toBe(true);
  });

  it('when a title is given, then it replaces the default one', async () => {
    const options = { width: 500, height: 300, locale: ENGLISH };
    const standard = await renderBalanceChart(november, options);
    const titled = await renderBalanceChart(november, { ...options, title: 'Ramesh, November' });
    expect(titled.equals(standard)).toBe(false);
  });

  it('when the size is not a sensible whole number of pixels, then it is refused before drawing', async () => {
    for (const size of [{ width: 0, height: 300 }, { width: 500.5, height: 300 }, { width: 500, height: 100_000 }]) {
      await expect(renderBalanceChart(november, { ...size, locale: ENGLISH })).rejects.toThrow(RangeError);
    }
  });
});
