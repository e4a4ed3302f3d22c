import { describe, expect, it } from 'vitest';
import { UsageError } from '../../bot/errors.js';
import { MAX_CALLBACK_BYTES, pickButton, reverseButton } from '../../bot/keyboards/buttons.js';
import { MAX_ROW_ID } from '../../src/domain/ids.js';
import { parseAddArgs, parseChatAmount, parseEntryArgs, parseHistoryArgs } from '../../bot/parse.js';

const USAGE = '/credit <name> <amount> [note]';

describe('chat command arguments', () => {
  it.each([
    ['500', 50000],
    ['500.5', 50050],
    ['1,250.50', 125050],
    ['1,000,000', 100000000],
    ['0.10', 10],
  ])('when the amount is %j, then it reads as %i minor units', (text, minor) => {
    expect(parseChatAmount(text)).toBe(minor);
  });

  it.each(['12abc', '-5', '0', '1.005', '12,50', '1,2345', 'NaN', '1e3', '+5'])(
    'when the amount is %j, then the reply says what an amount looks like',
    (text) => {
      expect(() => parseChatAmount(text)).toThrow(UsageError);
      expect(() => parseChatAmount(text)).toThrow(/An amount looks like 500, 500.5 or 1,250.50/);
    },
  );

  it('when a name has spaces, then the amount is the first number-like token after it and the rest is the note', () => {
    expect(parseEntryArgs('Mary Jane 1,250.50 rice and oil', USAGE)).toEqual({
      name: 'Mary Jane',
      amount: 125050,
      note: 'rice and oil',
    });
  });

  it('when the name is quoted, then it may contain numbers', () => {
    expect(parseEntryArgs('"Shop 2 Ali" 40 bread', USAGE)).toEqual({ name: 'Shop 2 Ali', amount: 4000, note: 'bread' });
    expect(parseEntryArgs('“Ali Khan” 500', USAGE)).toEqual({ name: 'Ali Khan', amount: 50000, note: '' });
  });

  it('when the amount is malformed, then the malformed token is named rather than read as part of the name', () => {
    expect(() => parseEntryArgs('Alice 12abc', USAGE)).toThrow('"12abc" is not an amount');
    expect(() => parseEntryArgs('Alice -5', USAGE)).toThrow('"-5" is not an amount');
  });

  it.each(['', 'Alice', '500', '"Alice" ', '"Alice 500'])('when the arguments are %j, then the usage is the reply', (text) => {
    expect(() => parseEntryArgs(text, USAGE)).toThrow(UsageError);
  });

  it('when /add ends with a phone number, then it is the phone; otherwise every word is the name', () => {
    expect(parseAddArgs('Mary Jane +254700000001', '/add')).toEqual({ name: 'Mary Jane', phone: '+254700000001' });
    expect(parseAddArgs('Mary Jane', '/add')).toEqual({ name: 'Mary Jane', phone: undefined });
    expect(parseAddArgs('Room 101', '/add')).toEqual({ name: 'Room 101', phone: undefined });
  });

  it('when /history ends with a number, then it is the count, from 1 to 50', () => {
    expect(parseHistoryArgs('Mary Jane 5', '/history')).toEqual({ name: 'Mary Jane', count: 5 });
    expect(parseHistoryArgs('Mary Jane', '/history')).toEqual({ name: 'Mary Jane', count: 10 });
    expect(() => parseHistoryArgs('Alice 0', '/history')).toThrow('from 1 to 50');
    expect(() => parseHistoryArgs('Alice 51', '/history')).toThrow('from 1 to 50');
  });

  it('when button data is encoded, then it fits Telegram’s 64 bytes and decodes back; foreign data decodes to nothing', () => {
    const widest = { pendingId: 'abcdefghijklmnop', customerId: MAX_ROW_ID };
    expect(Buffer.byteLength(pickButton.pack(widest))).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(pickButton.read(pickButton.pack(widest))).toEqual(widest);
    expect(reverseButton.read(reverseButton.pack({ customerId: 1, entryId: 2 }))).toEqual({ customerId: 1, entryId: 2 });
    for (const junk of ['', 'rv:1', 'rv:a:b', 'rv:-1:2', 'rv:1.5:2', 'zz:1']) expect(() => reverseButton.read(junk)).toThrow('no longer valid');
    expect(() => pickButton.read('pk:1:bad id!')).toThrow('no longer valid');
  });
});
