import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../src/render/fonts.js';
import { layOutCurrentFontUnshaped } from '../../src/render/unshaped-font.js';

function docWithFont(unshaped: boolean): { doc: PDFKit.PDFDocument; hooked: boolean } {
  const doc = new PDFDocument({ autoFirstPage: false, fontLayoutCache: false });
  doc.font(FONT_FILES.regular).fontSize(10);
  return { doc, hooked: unshaped ? layOutCurrentFontUnshaped(doc) : false };
}

describe('unshaped layout for table text', () => {
  it('when applied to the pdfkit in use, then it takes over (a pdfkit upgrade that breaks it fails here, not in production speed)', () => {
    expect(docWithFont(true).hooked).toBe(true);
  });

  const shaped = docWithFont(false).doc;
  const unshaped = docWithFont(true).doc;

  it('when amounts are measured, then the widths equal pdfkit’s own shaped layout (digits need no shaping)', () => {
    for (const text of ['1,234,567.89', '-90,071,992,547,409.91', '₹500.00', '0.05']) {
      expect(unshaped.widthOfString(text), text).toBeCloseTo(shaped.widthOfString(text), 6);
    }
  });

  it('when words are measured, then they differ from the shaped layout by kerning only', () => {
    for (const text of ['30 Nov 2026', 'Reversal of #4', 'Totals', 'café au lait']) {
      const [plain, kerned] = [unshaped.widthOfString(text), shaped.widthOfString(text)];
      expect(Math.abs(plain - kerned) / kerned, text).toBeLessThan(0.05);
    }
  });

  it('when text with a character outside the basic plane is measured, then it counts one glyph per code point', () => {
    const { doc } = docWithFont(true);
    expect(doc.widthOfString('a😀b')).toBeGreaterThan(doc.widthOfString('ab'));
  });
});
