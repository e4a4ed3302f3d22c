import { FONT_FILES } from './fonts.js';
import { layOutCurrentFontUnshaped } from './unshaped-font.js';

export const FONT = { regular: 'MiniLedger-Regular', bold: 'MiniLedger-Bold' };
export type Script = 'bengali' | 'devanagari';
/** Bengali and Devanagari faces, shaped by fontkit (conjuncts, vowel signs placed before their consonant). */
export const SCRIPT_FONT: Record<Script, { regular: string; bold: string }> = {
  bengali: { regular: 'MiniLedger-Bengali-Regular', bold: 'MiniLedger-Bengali-Bold' },
  devanagari: { regular: 'MiniLedger-Devanagari-Regular', bold: 'MiniLedger-Devanagari-Bold' },
};
export const SIZE = { merchant: 18, title: 11, info: 9, cell: 8.5, runningHead: 8, footer: 8 };
export const COLOUR = {
  text: '#1f2328',
  muted: '#6b7280',
  cancelled: '#8a8f98',
  rule: '#c9ced6',
  headFill: '#eef1f5',
  zebra: '#f7f8fa',
};

/**
 * Registers the shipped Noto Sans (so ₹ and the like render) and switches both to the fast layout;
 * registers the Bengali and Devanagari faces as they are (pdfkit opens and embeds a font only when used).
 */
export function useStatementFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
  for (const name of [FONT.bold, FONT.regular]) {
    doc.font(name);
    layOutCurrentFontUnshaped(doc);
  }
  for (const script of ['bengali', 'devanagari'] as const) {
    doc.registerFont(SCRIPT_FONT[script].regular, FONT_FILES[script].regular);
    doc.registerFont(SCRIPT_FONT[script].bold, FONT_FILES[script].bold);
  }
}
