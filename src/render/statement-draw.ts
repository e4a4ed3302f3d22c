import { clipToWidth, oneLine } from './fit-text.js';
import { createPdfText, type TextStyle as Style } from './pdf-text.js';
import { COLOUR, FONT, SIZE } from './pdf-style.js';
import type { RenderLocale, StatementHeader, StatementLine } from './statement-data.js';
import {
  CELL_PADDING, CHART_BOX, COLUMNS, CONTENT_RIGHT, FIRST_PAGE, FOOTER_TOP, NEXT_PAGE, PAGE, ROW_HEIGHT,
  TABLE_HEAD_HEIGHT, type Column, type ColumnKey,
} from './statement-layout.js';

type Cells = Partial<Record<ColumnKey, string>>;

const CONTENT_WIDTH = CONTENT_RIGHT - PAGE.marginX;
const NOTE_COLUMN = noteColumn();
const REGULAR: Style = { font: FONT.regular, size: SIZE.cell, color: COLOUR.text };
const BOLD: Style = { ...REGULAR, font: FONT.bold };

/** Everything drawn on a statement page, each at a position the layout fixed in advance. */
export function createStatementPainter(doc: PDFKit.PDFDocument, header: StatementHeader, locale: RenderLocale) {
  const { labels } = locale;

  const { measure, write, clipped, rightAligned } = createPdfText(doc, locale.language ?? 'en');

  const cell = (column: Column, text: string, baseline: number, style: Style) => {
    const inner = column.width - 2 * CELL_PADDING;
    if (column.align === 'right') rightAligned(text, column.left + column.width - CELL_PADDING, baseline, inner, style);
    else clipped(text, column.left + CELL_PADDING, baseline, inner, style);
  };

  // Noto Sans capitals are 0.714 em tall: half of that below the middle centres a line in its row
  // (Bengali and Devanagari sit on the same baseline: their headline is about as high).
  const rowBaseline = (top: number, height: number) => top + height / 2 + SIZE.cell * 0.357;

  const row = (top: number, cells: Cells, style: Style, styles: Partial<Record<ColumnKey, Style>> = {}) => {
    const baseline = rowBaseline(top, ROW_HEIGHT);
    for (const column of COLUMNS) {
      const text = cells[column.key];
      if (text !== undefined) cell(column, text, baseline, styles[column.key] ?? style);
    }
  };

  const band = (top: number, height: number, colour: string) =>
    doc.rect(PAGE.marginX, top, CONTENT_WIDTH, height).fill(colour);
  const rule = (y: number) =>
    doc.moveTo(PAGE.marginX, y).lineTo(CONTENT_RIGHT, y).lineWidth(0.6).strokeColor(COLOUR.rule).stroke();

  const infoPair = (label: string, value: string, x: number, baseline: number, width: number) => {
    const labelStyle: Style = { font: FONT.regular, size: SIZE.info, color: COLOUR.muted };
    const valueStyle: Style = { font: FONT.bold, size: SIZE.info, color: COLOUR.text };
    const labelText = `${label}: `;
    const labelWidth = Math.min(width / 2, measure(labelText, labelStyle));
    clipped(labelText, x, baseline, width / 2, labelStyle);
    clipped(value, x + labelWidth, baseline, width - labelWidth, valueStyle);
  };

  /** The marker (reversal / undone) stays whole; the note takes the rest of the cell and is clipped. */
  const noteCell = (top: number, mark: string, note: string) => {
    const baseline = rowBaseline(top, ROW_HEIGHT);
    const left = NOTE_COLUMN.left + CELL_PADDING;
    const width = NOTE_COLUMN.width - 2 * CELL_PADDING;
    const markStyle: Style = { ...REGULAR, color: COLOUR.muted };
    const markText = mark === '' ? '' : clipToWidth(note === '' ? mark : `${mark} · `, width, (t) => measure(t, markStyle));
    write(markText, left, baseline, markStyle);
    const used = markText === '' ? 0 : measure(markText, markStyle);
    if (note !== '' && width - used > 0) clipped(note, left + used, baseline, width - used, REGULAR);
  };

  const period = `${locale.date(header.startDate)} – ${locale.date(header.endDate)}`;

  return {
    firstPageHeader(chart: Buffer | undefined): void {
      clipped(oneLine(header.merchantName), PAGE.marginX, FIRST_PAGE.merchantBaseline, CONTENT_WIDTH,
        { font: FONT.bold, size: SIZE.merchant, color: COLOUR.text });
      clipped(labels.title, PAGE.marginX, FIRST_PAGE.titleBaseline, CONTENT_WIDTH,
        { font: FONT.regular, size: SIZE.title, color: COLOUR.muted });
      const half = CONTENT_WIDTH / 2;
      const right = PAGE.marginX + half + 10;
      const line = (n: number) => FIRST_PAGE.infoBaseline + n * FIRST_PAGE.infoRow;
      infoPair(labels.customer, oneLine(header.customer.name), PAGE.marginX, line(0), half - 10);
      infoPair(labels.phone, oneLine(header.customer.phone) || '–', PAGE.marginX, line(1), half - 10);
      infoPair(labels.period, period, right, line(0), half - 10);
      infoPair(labels.opening, locale.money(header.openingBalance), right, line(1), half - 10);
      infoPair(labels.closing, locale.money(header.closingBalance), right, line(2), half - 10);
      rule(FIRST_PAGE.ruleY);
      if (chart !== undefined) {
        doc.image(chart, PAGE.marginX, CHART_BOX.y, { fit: [CONTENT_WIDTH, CHART_BOX.height], align: 'center', valign: 'center' });
      }
    },

    runningHeader(): void {
      const text = `${oneLine(header.merchantName)} · ${labels.title} · ${oneLine(header.customer.name)} · ${period}`;
      clipped(text, PAGE.marginX, NEXT_PAGE.runningHeadBaseline, CONTENT_WIDTH,
        { font: FONT.regular, size: SIZE.runningHead, color: COLOUR.muted });
      rule(NEXT_PAGE.ruleY);
    },

    tableHead(top: number): void {
      band(top, TABLE_HEAD_HEIGHT, COLOUR.headFill);
      const baseline = rowBaseline(top, TABLE_HEAD_HEIGHT);
      const titles: Cells = { date: labels.date, note: labels.note, gave: labels.gave, got: labels.got, balance: labels.balance };
      for (const column of COLUMNS) cell(column, titles[column.key] ?? '', baseline, BOLD);
    },

    openingRow(top: number): void {
      row(top, { date: locale.date(header.startDate), note: labels.opening, balance: locale.money(header.openingBalance) }, REGULAR,
        { note: { ...REGULAR, color: COLOUR.muted } });
    },

    entryRow(top: number, line: StatementLine, striped: boolean): void {
      if (striped) band(top, ROW_HEIGHT, COLOUR.zebra);
      const marks = [
        line.reverses === null ? null : labels.reversal(line.reverses),
        line.reversedBy === null ? null : labels.undone(line.reversedBy),
      ].filter((mark) => mark !== null);
      const amount = locale.money(line.amount);
      // An undone entry and its reversal cancel out: grey them so the eye skips the pair.
      const amountStyle = marks.length > 0 ? { ...REGULAR, color: COLOUR.cancelled } : REGULAR;
      row(top, {
        date: locale.date(line.entryDate),
        gave: line.type === 'credit' ? amount : '',
        got: line.type === 'debit' ? amount : '',
        balance: locale.money(line.balance),
      }, REGULAR, { gave: amountStyle, got: amountStyle });
      noteCell(top, marks.join(' · '), oneLine(line.note));
    },

    noEntriesRow(top: number): void {
      row(top, { note: labels.noEntries }, { ...REGULAR, color: COLOUR.muted });
    },

    totals(top: number): void {
      rule(top);
      row(top, { note: labels.totals, gave: locale.money(header.totalCredit), got: locale.money(header.totalDebit) }, BOLD);
      row(top + ROW_HEIGHT, { note: labels.closing, balance: locale.money(header.closingBalance) }, BOLD);
    },

    footer(pageNumber: number, pageCount: number): void {
      rule(FOOTER_TOP);
      const baseline = FOOTER_TOP + 12;
      const style: Style = { font: FONT.regular, size: SIZE.footer, color: COLOUR.muted };
      const pageText = labels.page(pageNumber, pageCount);
      const pageWidth = measure(pageText, style);
      write(pageText, CONTENT_RIGHT - pageWidth, baseline, style);
      const generated = labels.generated(locale.date(header.generatedAt.toISOString().slice(0, 10)));
      clipped(generated, PAGE.marginX, baseline, CONTENT_WIDTH - pageWidth - 20, style);
    },
  };
}

function noteColumn(): Column {
  const column = COLUMNS.find((c) => c.key === 'note');
  if (column === undefined) throw new Error('the statement layout has no note column');
  return column;
}
