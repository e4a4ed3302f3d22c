import { describe, expect, it } from 'vitest';
import { bucketPoints } from '../../src/render/chart-buckets.js';
import { alignedAxes, niceStep } from '../../src/render/chart-scales.js';
import { manyDays } from './fixtures.js';

describe('chart buckets', () => {
  it('when the period is short, then every day is its own bar group', () => {
    const days = manyDays(30);
    const buckets = bucketPoints(days, 100);
    expect(buckets).toHaveLength(30);
    expect(buckets[3]).toEqual({ firstDate: days[3]?.date, lastDate: days[3]?.date, credit: days[3]?.credit, debit: days[3]?.debit, balance: days[3]?.balance });
  });

  it('when 3,000 days are folded into 150 groups, then no rupee is lost and each group ends on its last day’s balance', () => {
    const days = manyDays(3_000);
    const buckets = bucketPoints(days, 150);
    expect(buckets.length).toBeLessThanOrEqual(150);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(buckets.map((b) => b.credit))).toBe(sum(days.map((d) => d.credit)));
    expect(sum(buckets.map((b) => b.debit))).toBe(sum(days.map((d) => d.debit)));
    expect(buckets.at(-1)?.balance).toBe(days.at(-1)?.balance);
    expect(buckets[0]?.firstDate).toBe(days[0]?.date);
    expect(buckets.at(-1)?.lastDate).toBe(days.at(-1)?.date);
  });

  it('when there are no days, then there are no groups', () => {
    expect(bucketPoints([], 100)).toEqual([]);
  });
});

describe('chart axes', () => {
  it('when steps are chosen, then they are 1, 2, 2.5 or 5 times a power of ten and never below one paisa', () => {
    expect([niceStep(0), niceStep(0.3), niceStep(7), niceStep(1_100), niceStep(2_400), niceStep(40_001)]).toEqual([1, 1, 10, 2_000, 2_500, 50_000]);
  });

  it('when the balance goes negative, then both axes put zero on the same grid line', () => {
    const { balance, amounts } = alignedAxes([125_000, -54_003, 170_000], [200_000, 45_000]);
    const zeroAt = (axis: { min: number; max: number }) => -axis.min / (axis.max - axis.min);
    expect(balance.min).toBeLessThan(0);
    expect(zeroAt(amounts)).toBeCloseTo(zeroAt(balance), 10);
    expect(amounts.max).toBeGreaterThanOrEqual(200_000);
    expect((balance.max - balance.min) / balance.step).toBe((amounts.max - amounts.min) / amounts.step);
  });

  it('when every balance is positive, then both axes start at zero and cover the data', () => {
    const { balance, amounts } = alignedAxes([10_000, 90_000], [5_000]);
    expect([balance.min, amounts.min]).toEqual([0, 0]);
    expect(balance.max).toBeGreaterThanOrEqual(90_000);
    expect(amounts.max).toBeGreaterThanOrEqual(5_000);
  });

  it('when there is nothing to show, then the axes still span a visible range', () => {
    const { balance, amounts } = alignedAxes([], []);
    expect(balance.max).toBeGreaterThan(balance.min);
    expect(amounts.max).toBeGreaterThan(amounts.min);
  });
});
