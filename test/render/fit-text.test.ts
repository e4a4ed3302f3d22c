import { describe, expect, it } from 'vitest';
import { clipToWidth, oneLine } from '../../src/render/fit-text.js';

// One unit per code point: easy to reason about, like a monospaced font.
const perChar = (text: string) => Array.from(text).length;

describe('clipping a note to its cell', () => {
  it('when the text fits, then it is unchanged', () => {
    expect(clipToWidth('rice', 4, perChar)).toBe('rice');
  });

  it('when the text is too wide, then it is cut with an ellipsis and the result fits', () => {
    const clipped = clipToWidth('rice and oil', 8, perChar);
    expect(clipped).toBe('rice an…');
    expect(perChar(clipped)).toBeLessThanOrEqual(8);
  });

  it('when the cut falls after a space, then the space is dropped before the ellipsis', () => {
    expect(clipToWidth('rice and oil', 6, perChar)).toBe('rice…');
  });

  it('when the cut would split an accent or an emoji from its base, then it cuts before the whole grapheme', () => {
    const decomposed = 'cafe\u0301 au lait';
    const clipped = clipToWidth(decomposed, 5, (t) => t.length);
    expect(clipped).toBe('caf…');
    expect(clipToWidth('ab👍🏽cd', 5, (t) => t.length)).toBe('ab…');
  });

  it('when not even the ellipsis fits, then nothing is drawn', () => {
    expect(clipToWidth('rice', 0.5, perChar)).toBe('');
  });

  it('when a note has newlines, tabs and runs of spaces, then it becomes one line', () => {
    expect(oneLine('  tea and\n\tbiscuits   x ')).toBe('tea and biscuits x');
    expect(oneLine('cafe\u0301')).toBe('café');
  });
});
