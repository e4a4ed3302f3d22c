import type { BalancePoint } from './statement-data.js';

/** One bar group of the chart: a day, or several consecutive days summed when the period is long. */
export type ChartBucket = { firstDate: string; lastDate: string; credit: number; debit: number; balance: number };

/**
 * Folds consecutive days into at most `maxBuckets` groups: gave and got are summed, the balance is the
 * last day's. Summing (not sampling) keeps every rupee on the chart, and a fixed number of bars keeps
 * a 3,000-day period as legible and as cheap to draw as a month.
 */
export function bucketPoints(points: readonly BalancePoint[], maxBuckets: number): ChartBucket[] {
  const size = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(maxBuckets))));
  const buckets: ChartBucket[] = [];
  for (let start = 0; start < points.length; start += size) {
    const days = points.slice(start, start + size);
    const first = days[0];
    const last = days[days.length - 1];
    if (first === undefined || last === undefined) continue;
    let credit = 0;
    let debit = 0;
    for (const day of days) {
      credit += day.credit;
      debit += day.debit;
    }
    buckets.push({ firstDate: first.date, lastDate: last.date, credit, debit, balance: last.balance });
  }
  return buckets;
}
