const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Notes may hold newlines and tabs; a table cell is one line, and precomposed accents need no shaping. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The longest start of `text` that fits `maxWidth`, with an ellipsis when anything was cut. Cuts between
 * graphemes, so an accent or an emoji is never split from its base.
 */
export function clipToWidth(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const parts = Array.from(graphemes.segment(text), (part) => part.segment);
  let fits = 0;
  let tooMany = parts.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (measure(parts.slice(0, middle).join('').trimEnd() + ELLIPSIS) <= maxWidth) fits = middle;
    else tooMany = middle;
  }
  const head = parts.slice(0, fits).join('').trimEnd();
  return head === '' && measure(ELLIPSIS) > maxWidth ? '' : head + ELLIPSIS;
}
