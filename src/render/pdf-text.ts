import { clipToWidth } from './fit-text.js';

export type TextStyle = { font: string; size: number; color: string };

const MIN_SHRUNK_SIZE = 5;

/** One-line text on a pdfkit page, placed by its baseline: plain, clipped with an ellipsis, or right-aligned. */
export function createPdfText(doc: PDFKit.PDFDocument) {
  const measure = (text: string, style: TextStyle) => doc.font(style.font).fontSize(style.size).widthOfString(text);

  // Never through pdfkit's line wrapper: it would move the cursor and could start a page on its own.
  const write = (text: string, x: number, baseline: number, style: TextStyle) => {
    if (text === '') return;
    doc.font(style.font).fontSize(style.size).fillColor(style.color)
      .text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
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
