import { describe, expect, it } from 'vitest';
import { COLUMNS, CONTENT_RIGHT, countPages, createStatementLayout, PAGE, TOTALS_ROWS } from '../../src/render/statement-layout.js';

describe('statement pages', () => {
  const layout = createStatementLayout({ hasChart: true });
  const first = layout.firstPageRows;
  const next = layout.nextPageRows;

  it('when the chart is on page 1, then page 1 holds fewer rows than a later page, and fewer than without it', () => {
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(next);
    expect(first).toBeLessThan(createStatementLayout({ hasChart: false }).firstPageRows);
  });

  it('when there are no entries, then the statement is one page', () => {
    expect(countPages(layout, 0)).toBe(1);
  });

  it('when the rows leave room for the totals, then no page is added for them', () => {
    expect(countPages(layout, first - TOTALS_ROWS)).toBe(1);
    expect(countPages(layout, first + next - TOTALS_ROWS)).toBe(2);
  });

  it('when the last row leaves no room for the totals, then they go to one more page', () => {
    expect(countPages(layout, first - TOTALS_ROWS + 1)).toBe(2);
    expect(countPages(layout, first)).toBe(2);
    expect(countPages(layout, first + next)).toBe(3);
  });

  it('when a row does not fit on the page, then it starts the next page', () => {
    expect(countPages(layout, first + 1)).toBe(2);
    expect(countPages(layout, first + next + 1)).toBe(3);
  });

  it('when the entry count is not a whole number of lines, then it is refused', () => {
    expect(() => countPages(layout, -1)).toThrow(RangeError);
    expect(() => countPages(layout, 1.5)).toThrow(RangeError);
  });

  it('when the columns are laid out, then they tile the content width left to right without overlap', () => {
    expect(COLUMNS.map((c) => c.key)).toEqual(['date', 'note', 'gave', 'got', 'balance']);
    let left = PAGE.marginX;
    for (const column of COLUMNS) {
      expect(column.left).toBeCloseTo(left, 6);
      expect(column.width).toBeGreaterThan(40);
      left = column.left + column.width;
    }
    expect(left).toBeCloseTo(CONTENT_RIGHT, 6);
  });
});
