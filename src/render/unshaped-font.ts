/**
 * pdfkit shapes every new word through fontkit's OpenType engine (about 70 µs a word with Noto Sans)
 * and keeps every shaped word in a cache that never shrinks (foliojs/pdfkit#932, #1527). A statement
 * is mostly unique words (amounts, balances), so 100,000 lines would take ~40 s and ~500 MB that way.
 * For the table we lay text out glyph by glyph from the font's character map instead: one cached
 * glyph per distinct character, bounded by the alphabet. Digits, separators and currency marks need
 * no shaping; notes lose only kerning (notes are NFC-normalised first so accents are precomposed).
 */

type Glyph = { advanceWidth: number };
type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };
type Layout = { glyphs: Glyph[] | null; positions: Position[] | null; advanceWidth: number };
type CharMapFont = { glyphForCodePoint: (codePoint: number) => unknown };
type EmbeddedFont = { layout: unknown; scale: number; font: CharMapFont };

/**
 * Makes the document's current font lay text out without shaping. Returns false, leaving pdfkit's own
 * layout in place, when pdfkit's internals are not what this was written against: output stays right,
 * only slower (the document is opened with fontLayoutCache: false, so memory stays bounded either way).
 */
export function layOutCurrentFontUnshaped(doc: PDFKit.PDFDocument): boolean {
  const font: unknown = Reflect.get(doc, '_font');
  if (!isEmbeddedFont(font)) return false;
  const { scale } = font;
  const byCodePoint = new Map<number, { glyph: Glyph; width: number }>();
  const glyphFor = (codePoint: number) => {
    let known = byCodePoint.get(codePoint);
    if (known === undefined) {
      const glyph = font.font.glyphForCodePoint(codePoint);
      if (!isGlyph(glyph)) throw new Error(`font has no usable glyph record for U+${codePoint.toString(16)}`);
      known = { glyph, width: glyph.advanceWidth * scale };
      byCodePoint.set(codePoint, known);
    }
    return known;
  };
  const layout = (text: string, _features: unknown, onlyWidth?: boolean): Layout => {
    const glyphs: Glyph[] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    for (const char of text) {
      const { glyph, width } = glyphFor(char.codePointAt(0) ?? 0);
      advanceWidth += width;
      if (onlyWidth) continue;
      glyphs.push(glyph);
      positions.push({ xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width });
    }
    return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : { glyphs, positions, advanceWidth };
  };
  Reflect.set(font, 'layout', layout);
  return true;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  if (typeof value !== 'object' || value === null) return false;
  const inner: unknown = Reflect.get(value, 'font');
  return (
    typeof Reflect.get(value, 'layout') === 'function' &&
    typeof Reflect.get(value, 'scale') === 'number' &&
    typeof inner === 'object' &&
    inner !== null &&
    typeof Reflect.get(inner, 'glyphForCodePoint') === 'function'
  );
}

function isGlyph(value: unknown): value is Glyph {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'advanceWidth') === 'number';
}
