import type { CustomerLanguage } from './customer-texts.js';
import { FONT, SCRIPT_FONT, type Script } from './pdf-style.js';

/** A piece of one line drawn in one font; `shaped` pieces go through fontkit's Indic shaper. */
export type TextRun = { text: string; font: string; shaped: boolean };

const INDIC = /[\u0900-\u09ff\u1cd0-\u1cff\ua8e0-\ua8ff]/;

/** The script a character needs a font of; 'inherit' for marks both scripts share (dandas, joiners). */
function scriptOf(cp: number): Script | 'inherit' | null {
  if (cp === 0x0964 || cp === 0x0965 || cp === 0x200c || cp === 0x200d) return 'inherit';
  if (cp >= 0x0980 && cp <= 0x09ff) return 'bengali';
  if ((cp >= 0x0900 && cp <= 0x097f) || (cp >= 0x1cd0 && cp <= 0x1cff) || (cp >= 0xa8e0 && cp <= 0xa8ff)) return 'devanagari';
  return null;
}

const HOME: Record<CustomerLanguage, Script | null> = { en: null, bn: 'bengali', hi: 'devanagari' };

/**
 * Splits a line into runs by the font each character needs. Bengali and Devanagari always take their
 * own shaped fonts (Noto Sans has Devanagari too, but the fast unshaped layout would break its
 * conjuncts). Everything else takes the document's script font when it has the glyph (a bn or hi
 * statement reads in one face), else the Latin one. Returns null for a line wholly in `font` and
 * unshaped: an English statement's every line but a Bengali or Hindi name, at the cost of one regex.
 */
export function createScriptRuns(doc: PDFKit.PDFDocument, language: CustomerLanguage) {
  const home = HOME[language];
  const covered = home === null ? null : coverage(doc, SCRIPT_FONT[home].regular);

  return (text: string, font: string): TextRun[] | null => {
    if (home === null && !INDIC.test(text)) return null;
    const weight = font === FONT.bold ? 'bold' : 'regular';
    const runs: TextRun[] = [];
    let current: TextRun | null = null;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      const script = scriptOf(cp);
      let runFont: string;
      if (script === 'bengali' || script === 'devanagari') runFont = SCRIPT_FONT[script][weight];
      else if (script === 'inherit' && current !== null) runFont = current.font;
      else if (home !== null && covered?.(cp)) runFont = SCRIPT_FONT[home][weight];
      else runFont = font;
      if (current !== null && current.font === runFont) current.text += char;
      else {
        current = { text: char, font: runFont, shaped: runFont !== font };
        runs.push(current);
      }
    }
    return runs.length === 1 && runs[0]?.font === font ? null : runs;
  };
}

/** Whether a registered font has a glyph for a code point (cached); only ASCII when fontkit's font cannot be reached. */
function coverage(doc: PDFKit.PDFDocument, name: string): (cp: number) => boolean {
  doc.font(name);
  const embedded: unknown = Reflect.get(doc, '_font');
  const inner: unknown = typeof embedded === 'object' && embedded !== null ? Reflect.get(embedded, 'font') : null;
  const has: unknown = typeof inner === 'object' && inner !== null ? Reflect.get(inner, 'hasGlyphForCodePoint') : null;
  const known = new Map<number, boolean>();
  return (cp) => {
    let yes = known.get(cp);
    if (yes === undefined) {
      yes = typeof has === 'function' ? Reflect.apply(has, inner, [cp]) === true : cp < 0x80;
      known.set(cp, yes);
    }
    return yes;
  };
}

/** A PDF text string in UTF-16BE hex, as ActualText takes it. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * Draws with `draw` inside a marked-content span whose ActualText is `actual`, so copy, search and
 * pdftotext read the real string, not the shaped glyphs' visual order (a vowel sign drawn before its
 * consonant). The span must sit inside pdfkit's own q … cm … Q around the text: poppler places the
 * ActualText with the transform current at EMC, and outside it the page's flip would put it upside down.
 * Falls back to pdfkit's markContent (right text, rougher placement) if its internals are not as expected.
 */
export function withActualText(doc: PDFKit.PDFDocument, actual: string, draw: () => void): void {
  const original: unknown = Reflect.get(doc, 'addContent');
  if (typeof original !== 'function') {
    doc.markContent('Span', { actual });
    draw();
    doc.endMarkedContent();
    return;
  }
  const written: unknown[] = [];
  Reflect.set(doc, 'addContent', (data: unknown) => (written.push(data), doc));
  try {
    draw();
  } finally {
    Reflect.deleteProperty(doc, 'addContent');
  }
  const begin = written.indexOf('BT');
  const end = written.lastIndexOf('ET');
  if (begin >= 0 && end > begin) {
    written.splice(end + 1, 0, 'EMC');
    written.splice(begin, 0, `/Span << /ActualText ${utf16Hex(actual)} >> BDC`);
  }
  for (const data of written) Reflect.apply(original, doc, [data]);
}
