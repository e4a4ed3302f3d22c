import type { CustomerLanguage } from './customer-texts.js';
import { clipToWidth } from './fit-text.js';
import { createScriptRuns, withActualText } from './pdf-scripts.js';

export type TextStyle = { font: string; size: number; color: string };

const MIN_SHRUNK_SIZE = 5;

/**
 * One-line text on a pdfkit page, placed by its baseline: plain, clipped with an ellipsis, or right-aligned.
 * Bengali and Devanagari runs are drawn in their own shaped fonts (see pdf-scripts.ts).
 */
export function createPdfText(doc: PDFKit.PDFDocument, language: CustomerLanguage = 'en') {
  const runsOf = createScriptRuns(doc, language);
  const widthIn = (text: string, font: string, size: number) => doc.font(font).fontSize(size).widthOfString(text);

  const measure = (text: string, style: TextStyle) => {
    const runs = runsOf(text, style.font);
    if (runs === null) return widthIn(text, style.font, style.size);
    let width = 0;
    for (const run of runs) width += widthIn(run.text, run.font, style.size);
    return width;
  };

  // Never through pdfkit's line wrapper: it would move the cursor and could start a page on its own.
  const draw = (text: string, font: string, x: number, baseline: number, style: TextStyle) =>
    doc.font(font).fontSize(style.size).fillColor(style.color).text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });

  const write = (text: string, x: number, baseline: number, style: TextStyle) => {
    if (text === '') return;
    const runs = runsOf(text, style.font);
    if (runs === null) return void draw(text, style.font, x, baseline, style);
    let at = x;
    for (const run of runs) {
      const x = at;
      if (run.shaped) withActualText(doc, run.text, () => draw(run.text, run.font, x, baseline, style));
      else draw(run.text, run.font, x, baseline, style);
      at += widthIn(run.text, run.font, style.size);
    }
  };

  const clipped = (text: string, x: number, baseline: number, maxWidth: number, style: TextStyle) =>
    write(clipToWidth(text, maxWidth, (t) => measure(t, style)), x, baseline, style);

  /** Money is never clipped (a cut number is a wrong number): an extreme one shrinks to fit instead. */
  const rightAligned = (text: string, right: number, baseline: number, maxWidth: number, style: TextStyle) => {
    const natural = measure(text, style);
    const fitted = natural <= maxWidth ? style
      : { ...style, size: Math.max(MIN_SHRUNK_SIZE, Math.floor((style.size * maxWidth * 10) / natural) / 10) };
    write(text, right - measure(text, fitted), baseline, fitted);
  };

  return { measure, write, clipped, rightAligned };
}
