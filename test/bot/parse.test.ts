import { describe, expect, it } from 'vitest';
import { MAX_CALLBACK_BYTES, entryOptionButton, reverseButton } from '../../bot/keyboards/buttons.js';
import { parseChatAmount, readAmountToken } from '../../bot/parse/amount.js';
import { readDateToken } from '../../bot/parse/date.js';
import { readAddLine, readEntryLine } from '../../bot/parse/line.js';
import { nameInCommand } from '../../bot/texts.js';
import { MAX_ROW_ID } from '../../src/domain/ids.js';

const TODAY = '2026-12-01';

describe('chat amounts', () => {
  it.each([
    ['500', 50000],
    ['500.5', 50050],
    ['1,250.50', 125050],
    ['1,000,000', 100000000],
    ['1,25,000', 12500000],
    ['0.10', 10],
    ['₹500', 50000],
    ['Rs.500', 50000],
    ['500rs', 50000],
    ['৳500', 50000],
    ['$1,250', 125000],
    ['৫০০', 50000],
    ['५००', 50000],
    ['٥٠٠', 50000],
    ['５００', 50000],
    ['500/-', 50000],
  ])('when the amount is %j, then it reads as %i minor units', (text, minor) => {
    expect(parseChatAmount(text)).toBe(minor);
  });

  it.each(['12abc', '-5', '0', '1.005', '12,50', '1,2345', '1e3', '+5', '₹x'])('when the amount is %j, then it is not an amount', (text) => {
    expect(readAmountToken(text).kind).toBe('invalid');
    expect(() => parseChatAmount(text)).toThrow(/An amount looks like 500, 1,250.50/);
  });
});

describe('chat dates', () => {
  it.each([
    ['2025-02-01', '2025-02-01'],
    ['01/02/2025', '2025-02-01'],
    ['1/2/2025', '2025-02-01'],
    ['today', TODAY],
    ['yesterday', '2026-11-30'],
    ['আজ', TODAY],
    ['গতকাল', '2026-11-30'],
    ['आज', TODAY],
    ['कल', '2026-11-30'],
    ['০১/০২/২০২৫', '2025-02-01'],
  ])('when the date is %j, then it is %s', (text, iso) => {
    expect(readDateToken(text, TODAY)).toEqual({ kind: 'date', iso });
  });

  it('when a date is not on the calendar, then it is invalid; other words are no date', () => {
    expect(readDateToken('31/02/2025', TODAY)).toEqual({ kind: 'invalid', token: '31/02/2025' });
    expect(readDateToken('rice', TODAY)).toEqual({ kind: 'none' });
  });
});

describe('reading a line', () => {
  it('when a name has spaces, then every word before an amount may end the name, and the rest is the note', () => {
    const { readings } = readEntryLine('Mary Jane 1,250.50 rice and oil', TODAY);
    expect(readings).toEqual([{ name: 'Mary Jane', nameWords: 2, amount: 125050, date: null, note: 'rice and oil', numberInNote: false }]);
  });

  it('when digits could belong to the name or the amount, then every reading is kept for the book to decide', () => {
    const names = readEntryLine('Shop 2 500', TODAY).readings.map((r) => [r.name, r.amount, r.note]);
    expect(names).toEqual([['Shop', 200, '500'], ['Shop', 250000, ''], ['Shop 2', 50000, '']]);
    expect(readEntryLine('Mary Jane 1 000 rice', TODAY).readings.map((r) => [r.amount, r.note])).toEqual([[100, '000 rice'], [100000, 'rice']]);
  });

  it('when a currency word stands before the amount, then it belongs to the amount, not the name', () => {
    expect(readEntryLine('Mary Jane Rs 500', TODAY).readings.map((r) => r.name)).toEqual(['Mary Jane']);
  });

  it('when a date follows the amount, then it dates the entry and is not the note', () => {
    expect(readEntryLine('Alice 500 yesterday rice', TODAY).readings).toEqual([
      { name: 'Alice', nameWords: 1, amount: 50000, date: '2026-11-30', note: 'rice', numberInNote: false },
    ]);
  });

  it('when the name is quoted, then it is fixed and may contain numbers', () => {
    expect(readEntryLine('"Shop 2 Ali" 40 bread', TODAY).readings.map((r) => [r.name, r.amount, r.note])).toEqual([['Shop 2 Ali', 4000, 'bread']]);
    expect(readEntryLine('“Ali Khan” 500', TODAY).readings.map((r) => r.name)).toEqual(['Ali Khan']);
  });

  it('when the amount or the date is malformed, then the malformed word is named', () => {
    expect(readEntryLine('Alice 12abc', TODAY)).toMatchObject({ readings: [], invalidAmount: '12abc' });
    expect(readEntryLine('Alice -5', TODAY)).toMatchObject({ readings: [], invalidAmount: '-5' });
    expect(readEntryLine('Alice 500 31/02/2025', TODAY)).toMatchObject({ readings: [], invalidDate: '31/02/2025' });
    expect(readEntryLine('Alice', TODAY)).toMatchObject({ readings: [], invalidAmount: null, invalidDate: null });
  });

  it('when /add ends with phone-like words of at least 6 digits, then they are the phone; otherwise every word is the name', () => {
    expect(readAddLine('Mary Jane +254700000001')).toEqual({ name: 'Mary Jane', phone: '+254700000001' });
    expect(readAddLine('Ramesh 98765 43210')).toEqual({ name: 'Ramesh', phone: '98765 43210' });
    expect(readAddLine('Mary Jane')).toEqual({ name: 'Mary Jane', phone: undefined });
    expect(readAddLine('Room 101')).toEqual({ name: 'Room 101', phone: undefined });
    expect(readAddLine('Shop 2')).toEqual({ name: 'Shop 2', phone: undefined });
  });

  it('when a name would read as an amount, currency or date in a command, then hints quote it', () => {
    expect(nameInCommand('Shop 2')).toBe('"Shop 2"');
    expect(nameInCommand('Raju 2')).toBe('"Raju 2"');
    expect(nameInCommand('Ramesh')).toBe('Ramesh');
    expect(nameInCommand('Mr Today')).toBe('"Mr Today"');
    expect(nameInCommand('Ali "Bhai"')).toBe('“Ali "Bhai"”');
  });
});

describe('button data', () => {
  it('when button data is packed, then it fits Telegram’s 64 bytes and reads back; foreign data is refused', () => {
    const widest = { id: 'abcdefghijklmnop', option: 50, type: '-' as const };
    expect(Buffer.byteLength(entryOptionButton.pack(widest))).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(entryOptionButton.read(entryOptionButton.pack(widest))).toEqual(widest);
    const reverse = { customerId: MAX_ROW_ID, entryId: MAX_ROW_ID };
    expect(reverseButton.read(reverseButton.pack(reverse))).toEqual(reverse);
    for (const junk of ['', 'rv:1', 'rv:a:b', 'rv:-1:2', 'rv:1.5:2', 'zz:1']) expect(() => reverseButton.read(junk)).toThrow();
    expect(() => entryOptionButton.read('eo:bad id!:0:c')).toThrow();
  });
});
