import type { BalancePoint, StatementHeader, StatementLine } from '../../src/render/statement-data.js';

type Posting = { date: string; type: 'credit' | 'debit'; amount: number; note: string; reverses?: number };

export const LONG_NOTE =
  'monthly groceries: atta 10 kg, dal 2 kg, sugar 3 kg, ghee 1 L, spices, detergent, matchboxes and a list that never ends ZZTAIL';

// November 2026 for Ramesh: a reversal pair (#4 undone by #5), a long note, and a balance that goes negative.
const NOVEMBER: Posting[] = [
  { date: '2026-11-02', type: 'credit', amount: 45_000, note: 'rice 5 kg, oil 1 L' },
  { date: '2026-11-03', type: 'debit', amount: 100_000, note: 'cash' },
  { date: '2026-11-05', type: 'credit', amount: 12_550, note: 'tea and\nbiscuits' },
  { date: '2026-11-07', type: 'credit', amount: 99_900, note: 'wrong amount' },
  { date: '2026-11-07', type: 'debit', amount: 99_900, note: '', reverses: 4 },
  { date: '2026-11-08', type: 'credit', amount: 9_990, note: 'soap' },
  { date: '2026-11-12', type: 'debit', amount: 50_000, note: 'UPI ₹500 from Ramesh' },
  { date: '2026-11-15', type: 'credit', amount: 123_456, note: LONG_NOTE },
  { date: '2026-11-18', type: 'debit', amount: 200_000, note: 'bank transfer' },
  { date: '2026-11-21', type: 'credit', amount: 7_500, note: 'milk' },
  { date: '2026-11-25', type: 'debit', amount: 30_000, note: 'advance for December' },
  { date: '2026-11-30', type: 'credit', amount: 2_501, note: 'bread' },
];

export const OPENING = 125_000;

/** Lines with ids 1..n and running balances, the way the ledger service will hand them over. */
export function buildLines(opening: number, postings: Posting[]): StatementLine[] {
  let balance = opening;
  const lines = postings.map((posting, index): StatementLine => {
    balance += posting.type === 'credit' ? posting.amount : -posting.amount;
    return { id: index + 1, entryDate: posting.date, type: posting.type, amount: posting.amount, note: posting.note,
      reverses: posting.reverses ?? null, reversedBy: null, balance };
  });
  for (const line of lines) {
    const original = lines.find((other) => other.id === line.reverses);
    if (original !== undefined) original.reversedBy = line.id;
  }
  return lines;
}

export function headerFor(lines: StatementLine[], overrides: Partial<StatementHeader> = {}): StatementHeader {
  const sum = (type: 'credit' | 'debit') => lines.filter((l) => l.type === type).reduce((total, l) => total + l.amount, 0);
  const opening = overrides.openingBalance ?? OPENING;
  return {
    merchantName: 'Sharma General Store',
    customer: { id: 7, name: 'Ramesh Kumar', phone: '+91 98765 43210' },
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    openingBalance: opening,
    totalCredit: sum('credit'),
    totalDebit: sum('debit'),
    closingBalance: opening + sum('credit') - sum('debit'),
    entryCount: lines.length,
    generatedAt: new Date('2026-12-01T09:30:00Z'),
    ...overrides,
  };
}

export function novemberStatement(): { header: StatementHeader; lines: StatementLine[] } {
  const lines = buildLines(OPENING, NOVEMBER);
  return { header: headerFor(lines), lines };
}

/** Every day of the period: that day's gave and got, and the balance at its end. */
export function daysOf(opening: number, lines: StatementLine[], start: string, end: string): BalancePoint[] {
  const points: BalancePoint[] = [];
  let balance = opening;
  for (let day = Date.parse(`${start}T00:00:00Z`); day <= Date.parse(`${end}T00:00:00Z`); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    const today = lines.filter((line) => line.entryDate === date);
    const credit = today.filter((l) => l.type === 'credit').reduce((t, l) => t + l.amount, 0);
    const debit = today.filter((l) => l.type === 'debit').reduce((t, l) => t + l.amount, 0);
    balance += credit - debit;
    points.push({ date, credit, debit, balance });
  }
  return points;
}

/** `days` consecutive days from 2018-01-01 with made-up but deterministic trade. */
export function manyDays(days: number): BalancePoint[] {
  const points: BalancePoint[] = [];
  let balance = 0;
  for (let i = 0; i < days; i++) {
    const credit = i % 5 === 0 ? 0 : ((i * 104_729) % 90_000) + 1_000;
    const debit = i % 3 === 0 ? (i * 7_907) % 120_000 : 0;
    balance += credit - debit;
    points.push({ date: new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10), credit, debit, balance });
  }
  return points;
}

/** `count` lines in batches, made as they are asked for (never all in memory at once). */
export async function* generatedLines(count: number, batchSize: number, opening = 0): AsyncGenerator<StatementLine[]> {
  let balance = opening;
  for (let start = 0; start < count; start += batchSize) {
    const batch: StatementLine[] = [];
    for (let id = start + 1; id <= Math.min(count, start + batchSize); id++) {
      const type = id % 3 === 0 ? 'debit' : 'credit';
      const amount = ((id * 7_919) % 2_000_000) + 1;
      balance += type === 'credit' ? amount : -amount;
      const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(id / 40))).toISOString().slice(0, 10);
      batch.push({ id, entryDate: day, type, amount, note: `order ${id} — rice, dal and oil`, reverses: null, reversedBy: null, balance });
    }
    yield batch;
  }
}

export async function* inBatches(lines: StatementLine[], size: number): AsyncGenerator<StatementLine[]> {
  for (let start = 0; start < lines.length; start += size) yield lines.slice(start, start + size);
}
