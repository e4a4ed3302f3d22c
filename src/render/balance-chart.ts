import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  type ChartConfiguration,
  type Plugin,
  type ScriptableScaleContext,
} from 'chart.js';
import { bucketPoints } from './chart-buckets.js';
import { alignedAxes } from './chart-scales.js';
import { FONT_FILES } from './fonts.js';
import type { CustomerLanguage } from './customer-texts.js';
import type { BalancePoint, RenderLocale } from './statement-data.js';

export type BalanceChartOptions = { width: number; height: number; locale: RenderLocale; title?: string };

// Our own aliases, so a system font called "Noto Sans" can never stand in for the shipped files.
const FAMILY = 'MiniLedger Noto Sans';
const SCRIPT_FAMILY = { bengali: 'MiniLedger Noto Sans Bengali', devanagari: 'MiniLedger Noto Sans Devanagari' };
// The chart's language's face first (its digits and marks), the others as fallbacks for names in any script.
const FAMILIES: Record<CustomerLanguage, string> = {
  en: `"${FAMILY}", "${SCRIPT_FAMILY.bengali}", "${SCRIPT_FAMILY.devanagari}"`,
  bn: `"${SCRIPT_FAMILY.bengali}", "${FAMILY}", "${SCRIPT_FAMILY.devanagari}"`,
  hi: `"${SCRIPT_FAMILY.devanagari}", "${FAMILY}", "${SCRIPT_FAMILY.bengali}"`,
};
const MAX_SIDE = 4000; // a bigger canvas is a mistake and would cost ~64 MB of pixels
const MIN_BAR_SLOT = 8; // px per bar group; more days than this are summed into wider groups
export const CHART_COLOURS = { gave: '#d9534f', got: '#2e9d5b', balance: '#1f4e8c', text: '#333333', grid: '#e6e6e6', zero: '#9a9a9a' };

let prepared = false;

/** Fonts and Chart.js parts are process-wide; registered on first use, never at import. */
function prepare(): void {
  if (prepared) return;
  const faces: Array<[string, string]> = [
    [FONT_FILES.regular, FAMILY], [FONT_FILES.bold, FAMILY],
    [FONT_FILES.bengali.regular, SCRIPT_FAMILY.bengali], [FONT_FILES.bengali.bold, SCRIPT_FAMILY.bengali],
    [FONT_FILES.devanagari.regular, SCRIPT_FAMILY.devanagari], [FONT_FILES.devanagari.bold, SCRIPT_FAMILY.devanagari],
  ];
  for (const [file, family] of faces) {
    if (GlobalFonts.registerFromPath(file, family) === null) throw new Error(`cannot load font ${file}`);
  }
  Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Title);
  prepared = true;
}

/** A PNG of gave/got bars per day (or per group of days) and the balance line, on white. */
export async function renderBalanceChart(points: BalancePoint[], options: BalanceChartOptions): Promise<Buffer> {
  const { width, height } = options;
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < 50 || side > MAX_SIDE) throw new RangeError(`chart side must be 50..${MAX_SIDE} px, got ${side}`);
  }
  prepare();
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas, balanceChartConfig(points, options));
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

/** What Chart.js draws: exported so a test can read every text the picture will carry, in its language. */
export function balanceChartConfig(points: BalancePoint[], options: BalanceChartOptions): ChartConfiguration<'bar' | 'line', number[], string> {
  const buckets = bucketPoints(points, options.width / MIN_BAR_SLOT);
  const { locale } = options;
  const { labels } = locale;
  // Text grows with the picture, so a chart printed small on a statement stays as legible as a big one.
  const size = Math.min(28, Math.max(10, Math.round(options.width / 70)));
  const family = FAMILIES[locale.language ?? 'en'];
  const font = { family, size };
  const empty = buckets.length === 0;
  const axes = alignedAxes(buckets.map((b) => b.balance), buckets.flatMap((b) => [b.credit, b.debit]));
  const money = (value: number | string) => locale.money(Math.round(Number(value)));
  const manyPoints = buckets.length > 60;
  return {
    type: 'bar',
    data: {
      labels: buckets.map((bucket) => locale.date(bucket.firstDate)),
      datasets: [
        // Lower order is drawn last, so the balance line stays on top of the bars.
        { type: 'line', label: labels.balance, data: buckets.map((b) => b.balance), yAxisID: 'balance', order: 0,
          borderColor: CHART_COLOURS.balance, backgroundColor: CHART_COLOURS.balance, borderWidth: Math.max(2, size / 6),
          pointRadius: manyPoints ? 0 : size / 4, tension: 0 },
        { type: 'bar', label: labels.gave, data: buckets.map((b) => b.credit), yAxisID: 'amounts', order: 1,
          backgroundColor: CHART_COLOURS.gave },
        { type: 'bar', label: labels.got, data: buckets.map((b) => b.debit), yAxisID: 'amounts', order: 1,
          backgroundColor: CHART_COLOURS.got },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      events: [],
      layout: { padding: size },
      scales: {
        x: { type: 'category', grid: { display: false },
          ticks: { font, color: CHART_COLOURS.text, maxRotation: 0, autoSkip: true, autoSkipPadding: size * 2 } },
        balance: { type: 'linear', position: 'left', min: axes.balance.min, max: axes.balance.max,
          title: { display: true, text: labels.balance, font, color: CHART_COLOURS.balance },
          // A period without entries has no amounts to mark: ticks there (₹0.00 … ₹1.20) would mean nothing.
          ticks: { display: !empty, font, color: CHART_COLOURS.text, stepSize: axes.balance.step, callback: money },
          grid: { color: (ctx: ScriptableScaleContext) => (ctx.tick.value === 0 ? CHART_COLOURS.zero : CHART_COLOURS.grid) } },
        amounts: { type: 'linear', position: 'right', min: axes.amounts.min, max: axes.amounts.max,
          title: { display: true, text: `${labels.gave} / ${labels.got}`, font, color: CHART_COLOURS.text },
          // Below the shared zero this axis only keeps the grid aligned: no amount is negative.
          ticks: { display: !empty, font, color: CHART_COLOURS.text, stepSize: axes.amounts.step, callback: (v) => (Number(v) < 0 ? '' : money(v)) },
          grid: { drawOnChartArea: false } },
      },
      plugins: {
        title: { display: true, text: options.title ?? labels.chartTitle, color: CHART_COLOURS.text,
          font: { family, size: Math.round(size * 1.35), weight: 'bold' } },
        legend: { position: 'bottom', labels: { font, color: CHART_COLOURS.text, boxWidth: size * 1.5, boxHeight: size } },
      },
    },
    plugins: [whiteBackground, noEntriesNote(empty ? labels.noEntries : null, font)],
  };
}

// PNGs default to transparent; statements and chats show them on any background, so paint it white.
const whiteBackground: Plugin<'bar' | 'line'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function noEntriesNote(text: string | null, font: { family: string; size: number }): Plugin<'bar' | 'line'> {
  return {
    id: 'noEntriesNote',
    afterDraw(chart) {
      if (text === null) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `${Math.round(font.size * 1.2)}px ${font.family}`;
      ctx.fillStyle = CHART_COLOURS.zero;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, (chartArea.left + chartArea.right) / 2, (chartArea.top + chartArea.bottom) / 2);
      ctx.restore();
    },
  };
}
