/**
 * Geometry of the A4 statement, in PDF points. Every row has the same height and every page a fixed
 * number of rows, so the page count is known before the first line arrives: pages are streamed out
 * and never revisited, yet each footer can say "Page N of M".
 */

export const PAGE = { width: 595.28, height: 841.89, marginX: 40, top: 40 };
export const CONTENT_RIGHT = PAGE.width - PAGE.marginX;

export const ROW_HEIGHT = 16;
export const TABLE_HEAD_HEIGHT = 18;
export const CELL_PADDING = 4;
export const FOOTER_TOP = PAGE.height - 36;
// Rows stop short of the footer rule.
export const TABLE_BOTTOM = FOOTER_TOP - 10;

// Text is placed by its baseline, so a shrunken amount still sits on the same line as its row.
export const FIRST_PAGE = { merchantBaseline: PAGE.top + 17, titleBaseline: PAGE.top + 35, infoBaseline: PAGE.top + 55, infoRow: 14, ruleY: PAGE.top + 94 };
export const CHART_BOX = { y: FIRST_PAGE.ruleY + 8, height: 190 };
export const NEXT_PAGE = { runningHeadBaseline: PAGE.top + 8, ruleY: PAGE.top + 14, tableTop: PAGE.top + 20 };

export type ColumnKey = 'date' | 'note' | 'gave' | 'got' | 'balance';
export type Column = { key: ColumnKey; left: number; width: number; align: 'left' | 'right' };

const MONEY_WIDTH = 84;
const BALANCE_WIDTH = 96;
const DATE_WIDTH = 64;

/** Left to right; the note takes what the fixed columns leave. */
export const COLUMNS: readonly Column[] = (() => {
  const left = PAGE.marginX;
  const balanceLeft = CONTENT_RIGHT - BALANCE_WIDTH;
  const gotLeft = balanceLeft - MONEY_WIDTH;
  const gaveLeft = gotLeft - MONEY_WIDTH;
  return [
    { key: 'date', left, width: DATE_WIDTH, align: 'left' },
    { key: 'note', left: left + DATE_WIDTH, width: gaveLeft - left - DATE_WIDTH, align: 'left' },
    { key: 'gave', left: gaveLeft, width: MONEY_WIDTH, align: 'right' },
    { key: 'got', left: gotLeft, width: MONEY_WIDTH, align: 'right' },
    { key: 'balance', left: balanceLeft, width: BALANCE_WIDTH, align: 'right' },
  ];
})();

/** Row slots after the last line: the totals row and the closing-balance row. */
export const TOTALS_ROWS = 2;

export type StatementLayout = {
  /** Top of the column header on page 1 (below the customer block and the chart, if any). */
  firstTableTop: number;
  /** Entry rows that fit on page 1 (after the opening-balance row) and on every later page. */
  firstPageRows: number;
  nextPageRows: number;
};

export function createStatementLayout(options: { hasChart: boolean }): StatementLayout {
  const firstTableTop = options.hasChart ? CHART_BOX.y + CHART_BOX.height + 10 : FIRST_PAGE.ruleY + 8;
  // Page 1 also carries the opening-balance row under the column header.
  const firstPageRows = rowsBetween(firstTableTop + TABLE_HEAD_HEIGHT + ROW_HEIGHT, TABLE_BOTTOM);
  const nextPageRows = rowsBetween(NEXT_PAGE.tableTop + TABLE_HEAD_HEIGHT, TABLE_BOTTOM);
  return { firstTableTop, firstPageRows, nextPageRows };
}

function rowsBetween(top: number, bottom: number): number {
  return Math.floor((bottom - top) / ROW_HEIGHT);
}

/** Entry rows page `pageIndex` (0-based) holds. */
export function rowsOnPage(layout: StatementLayout, pageIndex: number): number {
  return pageIndex === 0 ? layout.firstPageRows : layout.nextPageRows;
}

/**
 * Pages a statement of `entryCount` lines takes, filling pages greedily and starting one more page when
 * the totals do not fit under the last row. An empty period still draws one "no entries" row.
 */
export function countPages(layout: StatementLayout, entryCount: number): number {
  if (!Number.isSafeInteger(entryCount) || entryCount < 0) throw new RangeError(`bad entry count ${entryCount}`);
  const rows = Math.max(1, entryCount);
  const first = layout.firstPageRows;
  const next = layout.nextPageRows;
  // Pages after the first that hold rows, and how many rows the last page of rows holds.
  const laterPages = rows <= first ? 0 : Math.ceil((rows - first) / next);
  const lastRows = laterPages === 0 ? rows : rows - first - (laterPages - 1) * next;
  const room = rowsOnPage(layout, laterPages) - lastRows;
  return laterPages + 1 + (room >= TOTALS_ROWS ? 0 : 1);
}
