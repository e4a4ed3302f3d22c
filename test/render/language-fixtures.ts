import type { StatementHeader, StatementLine } from '../../src/render/statement-data.js';
import { buildLines, headerFor } from './fixtures.js';

type Sample = { header: StatementHeader; lines: StatementLine[] };

const posting = (date: string, type: 'credit' | 'debit', amount: number, note: string, reverses?: number) => ({ date, type, amount, note, ...(reverses ? { reverses } : {}) });

/** November for a Dhaka shop's customer: Bengali names and notes, a reversal pair, a Latin note. */
export function bengaliStatement(): Sample {
  const lines = buildLines(125_000, [
    posting('2026-11-02', 'credit', 45_000, 'চাল ৫ কেজি, সয়াবিন তেল ১ লিটার'),
    posting('2026-11-03', 'debit', 100_000, 'নগদ জমা'),
    posting('2026-11-05', 'credit', 12_550, 'চা-পাতা আর বিস্কুট'),
    posting('2026-11-07', 'credit', 99_900, 'ভুল অঙ্ক'),
    posting('2026-11-07', 'debit', 99_900, '', 4),
    posting('2026-11-12', 'debit', 50_000, 'bKash থেকে জমা'),
    posting('2026-11-15', 'credit', 123_456, 'মাসের বাজার: আটা, ডাল, চিনি, ঘি, মশলা, সাবান, দিয়াশলাই আর শেষ না হওয়া লম্বা এক তালিকা'),
    posting('2026-11-21', 'credit', 7_500, 'দুধ'),
    posting('2026-11-30', 'credit', 2_501, 'পাউরুটি'),
  ]);
  return { header: headerFor(lines, { merchantName: 'করিম স্টোর', customer: { id: 7, name: 'রহিম উদ্দিন', phone: '+880 1711 223344' } }), lines };
}

/** November for a Delhi shop's customer: Hindi names and notes (conjuncts: क्ष, त्र, श्र, द्ध). */
export function hindiStatement(): Sample {
  const lines = buildLines(125_000, [
    posting('2026-11-02', 'credit', 45_000, 'चावल 5 किलो, सरसों तेल 1 लीटर'),
    posting('2026-11-03', 'debit', 100_000, 'नकद'),
    posting('2026-11-05', 'credit', 12_550, 'चाय पत्ती और बिस्कुट'),
    posting('2026-11-07', 'credit', 99_900, 'गलत रकम'),
    posting('2026-11-07', 'debit', 99_900, '', 4),
    posting('2026-11-12', 'debit', 50_000, 'UPI से भुगतान'),
    posting('2026-11-15', 'credit', 123_456, 'महीने का राशन: आटा, दाल, चीनी, शुद्ध घी, मसाले, साबुन, माचिस और कभी ख़त्म न होने वाली सूची'),
    posting('2026-11-21', 'credit', 7_500, 'दूध'),
    posting('2026-11-30', 'credit', 2_501, 'ब्रेड'),
  ]);
  return { header: headerFor(lines, { merchantName: 'श्री गणेश किराना', customer: { id: 7, name: 'सुरेश कुमार क्षत्रिय', phone: '+91 98765 43210' } }), lines };
}
