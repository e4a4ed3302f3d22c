import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../src/render/statement-data.js';

describe('ENGLISH money', () => {
  it.each([
    [123_456_789, '1,234,567.89'],
    [-500, '-5.00'],
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [100_000, '1,000.00'],
    [99_999, '999.99'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90,071,992,547,409.91'],
  ])('when %d minor units are shown, then they read %s', (minor, text) => {
    expect(ENGLISH.money(minor)).toBe(text);
  });

  it('when a fraction of a minor unit is given, then it is refused rather than rounded', () => {
    expect(() => ENGLISH.money(1.5)).toThrow(RangeError);
    expect(() => ENGLISH.money(Number.NaN)).toThrow(RangeError);
  });
});

describe('ENGLISH date', () => {
  it.each([
    ['2026-12-01', '1 Dec 2026'],
    ['2026-01-31', '31 Jan 2026'],
    ['1999-09-09', '9 Sep 1999'],
  ])('when %s is shown, then it reads %s', (iso, text) => {
    expect(ENGLISH.date(iso)).toBe(text);
  });

  it('when the text is not a YYYY-MM-DD date, then it is refused', () => {
    for (const bad of ['2026-13-01', '2026-12-00', '1 Dec 2026', '2026-12-1', '']) {
      expect(() => ENGLISH.date(bad), bad).toThrow(RangeError);
    }
  });
});

describe('ENGLISH labels', () => {
  it('when a reversal, an undone entry and a page are labelled, then the ids and numbers are in the text', () => {
    expect(ENGLISH.labels.reversal(4)).toBe('Reversal of #4');
    expect(ENGLISH.labels.undone(5)).toBe('Undone by #5');
    expect(ENGLISH.labels.page(2, 7)).toBe('Page 2 of 7');
  });
});
