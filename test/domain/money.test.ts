import { describe, expect, it } from 'vitest';
import { InvalidAmount } from '../../src/domain/errors.js';
import { formatMinor, MAX_AMOUNT_MINOR, parseAmount } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    ['5000', 500000],
    [5000, 500000],
    ['0.10', 10],
    [0.1, 10],
    ['12.5', 1250],
    [12.34, 1234],
    ['0.01', 1],
    ['999999999999.99', MAX_AMOUNT_MINOR],
  ])('when given %j, then it reads %i minor units', (input, minor) => {
    expect(parseAmount(input)).toBe(minor);
  });

  it.each([
    '12abc', '1.005', '-5', '0', '0.00', 'NaN', '1e3', '', ' 5', '5 ', '05', '5.', '.5', '+5', '1,000',
    '1000000000000', '999999999999.999', 'Infinity', '0x10',
  ])('when given the string %j, then it is refused', (input) => {
    expect(() => parseAmount(input)).toThrow(InvalidAmount);
  });

  it.each([
    [-5], [0], [1.005], [Number.NaN], [Number.POSITIVE_INFINITY], [1e21], [null], [true], [{}], [[5]], [undefined],
  ])('when given the value %j, then it is refused', (input) => {
    expect(() => parseAmount(input)).toThrow(InvalidAmount);
  });

  it('when formatting minor units, then it prints exact two-decimal strings', () => {
    expect(formatMinor(500000)).toBe('5000.00');
    expect(formatMinor(10)).toBe('0.10');
    expect(formatMinor(-5)).toBe('-0.05');
    expect(formatMinor(0)).toBe('0.00');
    expect(formatMinor(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it('when an amount is parsed and formatted, then it round-trips exactly', () => {
    for (const text of ['0.01', '0.10', '1.00', '123.45', '999999999999.99']) {
      expect(formatMinor(parseAmount(text))).toBe(text);
    }
  });
});
