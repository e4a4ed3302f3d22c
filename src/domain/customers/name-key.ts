/**
 * The form names are matched in: Unicode-normalised (NFKD), Latin-style accents dropped, case-folded,
 * spaces collapsed. "José", a decomposed "José" and "JOSE" share a key; so do "İsmail" and "ismail".
 * Only the combining diacritical blocks are dropped: the vowel signs of Bengali and Devanagari are
 * combining marks too, and dropping them would merge different names.
 */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ');
}
