import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { apiActor, manualClock } from '../support/fixtures.js';
import { sqlRows } from '../support/harness.js';
import { buttons, createBotHarness, en, texts, type BotHarness } from './support.js';

/**
 * Every message line posts exactly what the merchant meant, or asks first. Each row starts a fresh
 * merchant with its own book, sends one message, and checks what was posted (customer, type, amount,
 * date, note), what was asked (the buttons), or what was refused (the reply).
 */

const TODAY = '2026-12-01';
const YESTERDAY = '2026-11-30';

type Posted = { customer: string; type: 'credit' | 'debit'; amount: number; date?: string; note?: string };
type Row = {
  line: string;
  book?: string[];
  chat?: 'private' | 'group';
  posted?: Posted[];
  asked?: string[];
  refused?: string | RegExp;
  /** No reply at all (a group's chatter). */
  silent?: true;
};

const NOT_AMOUNT = /is not an amount\. An amount looks like 500, 1,250\.50, ₹1,25,000 or ৫০০/;
const credit = (customer: string, amount: number, more: Partial<Posted> = {}): Posted[] => [{ customer, type: 'credit', amount, ...more }];
const debit = (customer: string, amount: number, more: Partial<Posted> = {}): Posted[] => [{ customer, type: 'debit', amount, ...more }];

const ROWS: Row[] = [
  // Fault 1 and 2: the hint an /add prints, sent back as it is, posts to exactly that customer.
  { book: ['Shop 2'], line: '/credit "Shop 2" 500', posted: credit('Shop 2', 50000) },
  { book: ['Shop 2'], line: '/credit Shop 2 500', posted: credit('Shop 2', 50000) },
  { book: ['Raju 2'], line: '/credit "Raju 2" 500', posted: credit('Raju 2', 50000) },
  { book: ['Raju 2'], line: '/credit Raju 2 500', posted: credit('Raju 2', 50000) },
  { book: ['Ramesh'], line: '/credit Ramesh 500', posted: credit('Ramesh', 50000) },
  { book: ['Shop', 'Shop 2'], line: '/credit Shop 2 500', posted: credit('Shop 2', 50000) },
  { book: ['Shop'], line: '/credit Shop 2 500', asked: ['Shop · 2.00 · 500', 'Shop · 2,500.00', 'Add Shop 2 · 500.00', 'Cancel'] },
  { book: ['Raju'], line: '/credit Raju 2 500', asked: ['Raju · 2.00 · 500', 'Raju · 2,500.00', 'Add Raju 2 · 500.00', 'Cancel'] },
  // Fault 3: a number written in groups could be one amount or an amount and a note.
  { book: ['Mary Jane'], line: '/credit Mary Jane 1 000 rice', asked: ['Mary Jane · 1.00 · 000 rice', 'Mary Jane · 1,000.00 · rice', 'Cancel'] },
  { book: ['Mary Jane'], line: '/credit Mary Jane 1,000 rice', posted: credit('Mary Jane', 100000, { note: 'rice' }) },
  {
    book: ['Mary Jane'],
    line: '/credit Mary Jane 1 25 000',
    asked: ['Mary Jane · 1.00 · 25 000', 'Mary Jane · 125,000.00', 'Add Mary Jane 1 · 25.00 · 000', 'Add Mary Jane 1 · 25,000.00', 'Cancel'],
  },
  // Fault 6: a prefix is never enough; a new customer "Raj" can be made.
  { book: ['Rajesh'], line: '/credit Raj 200', asked: ['Rajesh · 200.00', 'Add Raj · 200.00', 'Cancel'] },
  { book: ['Rajesh'], line: '/credit Rajesh 200', posted: credit('Rajesh', 20000) },
  { book: ['Alice', 'Alicia'], line: '/credit alice 5', posted: credit('Alice', 500) },
  { book: ['Alicia'], line: '/credit Ali 5', asked: ['Alicia · 5.00', 'Add Ali · 5.00', 'Cancel'] },
  { book: ['Ali Khan', 'Ali Baba'], line: '/credit Ali 40 sugar', asked: ['Ali Baba · 40.00 · sugar', 'Ali Khan · 40.00 · sugar', 'Add Ali · 40.00 · sugar', 'Cancel'] },
  { line: '/credit Nobody 5', asked: ['Add Nobody · 5.00', 'Cancel'] },
  { line: '/debit Zed Shop 75 paid', asked: ['Add Zed Shop · 75.00 · paid', 'Cancel'] },
  // Two customers of one name: which one is asked.
  { book: ['Ali Khan', 'Ali Khan'], line: '/credit Ali Khan 5', asked: ['Ali Khan · 5.00', 'Ali Khan · 5.00', 'Cancel'] },
  // Fault 7: several lines are several commands, in order; never one line's text as another's note.
  { book: ['Bob', 'Alice'], line: '/credit Bob 10\n/credit Alice 20', posted: [...credit('Bob', 1000), ...credit('Alice', 2000)] },
  { book: ['Bob', 'Alice'], line: '/credit Bob 10\n/debit Alice 20 cash\n/credit Bob 5', posted: [...credit('Bob', 1000), ...debit('Alice', 2000, { note: 'cash' }), ...credit('Bob', 500)] },
  { book: ['Bob'], line: '/credit Bob 10\n/credit Bob 12abc\n/credit Bob 3', posted: [...credit('Bob', 1000), ...credit('Bob', 300)] },
  // A number at the start of the note could belong to the amount or the name: asked.
  { book: ['Alice'], line: '/credit Alice 500 2 kg rice', asked: ['Alice · 500.00 · 2 kg rice', 'Add Alice 500 · 2.00 · kg rice', 'Cancel'] },
  { book: ['Alice'], line: '/credit Alice 500 2kg rice', posted: credit('Alice', 50000, { note: '2kg rice' }) },
  // Amounts as merchants type them (fault 15).
  ...(
    [
      ['500', 50000],
      ['1,250.50', 125050],
      ['1,25,000', 12500000],
      ['12,34,567.50', 123456750],
      ['₹500', 50000],
      ['₹1,25,000', 12500000],
      ['Rs 500', 50000],
      ['Rs.500', 50000],
      ['rs 500', 50000],
      ['500rs', 50000],
      ['500 rs', 50000],
      ['500/-', 50000],
      ['৳500', 50000],
      ['Tk 500', 50000],
      ['500 taka', 50000],
      ['$500', 50000],
      ['৫০০', 50000],
      ['৳১,২৫,০০০', 12500000],
      ['५००', 50000],
      ['٥٠٠', 50000],
      ['５００', 50000],
      ['0.5', 50],
      ['999999999999.99', 99999999999999],
    ] as const
  ).map(([amount, minor]): Row => ({ book: ['Alice'], line: `/credit Alice ${amount}`, posted: credit('Alice', minor) })),
  { book: ['Mary Jane'], line: '/credit Mary Jane Rs 500', posted: credit('Mary Jane', 50000) },
  { book: ['Mary Jane'], line: '/credit Mary Jane 1,250.50 rice and oil', posted: credit('Mary Jane', 125050, { note: 'rice and oil' }) },
  // Not an amount: said so, with what an amount looks like; never the usage line, never a post.
  ...['12abc', '-5', '0', '1.005', '12,50', '1,2345', '1e3', '+5', '₹x', '1000000000000'].map(
    (amount): Row => ({ book: ['Alice'], line: `/credit Alice ${amount}`, refused: NOT_AMOUNT }),
  ),
  { book: ['Alice'], line: '/credit Alice', refused: en('credit-usage') },
  { book: ['Alice'], line: '/credit', refused: en('credit-usage') },
  { book: ['Alice'], line: '/debit 500', refused: en('debit-usage') },
  // Dates right after the amount back-date the entry; the rest is the note.
  { book: ['Alice'], line: '/credit Alice 500 yesterday rice', posted: credit('Alice', 50000, { date: YESTERDAY, note: 'rice' }) },
  { book: ['Alice'], line: '/credit Alice 500 today', posted: credit('Alice', 50000, { date: TODAY }) },
  { book: ['Alice'], line: '/credit Alice 500 2025-02-01 rice', posted: credit('Alice', 50000, { date: '2025-02-01', note: 'rice' }) },
  { book: ['Alice'], line: '/credit Alice 500 01/02/2025', posted: credit('Alice', 50000, { date: '2025-02-01' }) },
  { book: ['Alice'], line: '/credit Alice 500 1/2/2025 tea', posted: credit('Alice', 50000, { date: '2025-02-01', note: 'tea' }) },
  { book: ['Alice'], line: '/debit Alice 200 Yesterday cash', posted: debit('Alice', 20000, { date: YESTERDAY, note: 'cash' }) },
  { book: ['Alice'], line: '/credit Alice 500 31/02/2025', refused: /"31\/02\/2025" is not a date/ },
  { book: ['Alice'], line: '/credit Alice 500 2025-13-01', refused: /is not a date/ },
  // Input in every language whatever the chat's: native digits, date words.
  { book: ['রহিম'], line: '/credit রহিম ৫০০ গতকাল', posted: credit('রহিম', 50000, { date: YESTERDAY }) },
  { book: ['রহিম'], line: '/debit রহিম ২০০ আজ নগদ', posted: debit('রহিম', 20000, { date: TODAY, note: 'নগদ' }) },
  { book: ['राम'], line: '/credit राम ५०० कल', posted: credit('राम', 50000, { date: YESTERDAY }) },
  { book: ['राम'], line: '/debit राम १,२५,००० आज', posted: debit('राम', 12500000, { date: TODAY }) },
  { book: ['Rahim'], line: '/credit Rahim ৫০০', posted: credit('Rahim', 50000) },
  // Names match without regard to case, accents or Unicode form (fault 15).
  { book: ['Mary Jane'], line: '/credit MARY JANE 5', posted: credit('Mary Jane', 500) },
  { book: ['José'], line: '/credit Jose\u0301 5', posted: credit('José', 500) },
  { book: ['José'], line: '/credit jose 5', posted: credit('José', 500) },
  { book: ['İsmail'], line: '/credit ismail 5', posted: credit('İsmail', 500) },
  { book: ['Zoë'], line: '/credit ZOE 5', posted: credit('Zoë', 500) },
  { book: ['Émile'], line: '/credit émile 5', posted: credit('Émile', 500) },
  { book: ['Straße'], line: '/credit strasse 5', posted: credit('Straße', 500) },
  { book: ['Ｓｈｏｐ'], line: '/credit shop 5', posted: credit('Ｓｈｏｐ', 500) },
  { book: ['Mary  Jane'], line: '/credit mary jane 5', posted: credit('Mary  Jane', 500) },
  // A quoted name always works, in straight or curly quotes.
  { book: ['Ali Khan'], line: '/debit "Ali Khan" 200 cash', posted: debit('Ali Khan', 20000, { note: 'cash' }) },
  { book: ['Ali Khan'], line: '/debit “Ali Khan” 200', posted: debit('Ali Khan', 20000) },
  { book: ['Shop 2 Ali'], line: '/credit "Shop 2 Ali" 40 bread', posted: credit('Shop 2 Ali', 4000, { note: 'bread' }) },
  { line: '/credit "Shop 2" 500', asked: ['Add Shop 2 · 500.00', 'Cancel'] },
  { book: ['Alice'], line: '/credit "Alice 500', refused: /has no closing "/ },
  // A line without a command asks whether you gave or got (nothing is posted).
  { book: ['Alice'], line: 'Alice 500 tea', asked: ['You gave 500.00 to Alice', 'You got 500.00 from Alice', 'Cancel'] },
  { book: ['Alice'], line: 'Alice ₹1,25,000', asked: ['You gave 125,000.00 to Alice', 'You got 125,000.00 from Alice', 'Cancel'] },
  { book: ['Rajesh'], line: 'Raj 200', asked: ['Rajesh · 200.00', 'Add Raj · 200.00', 'Cancel'] },
  { book: ['Alice'], line: 'hello there', refused: en('send-a-command') },
  { book: ['Alice', 'Bob'], line: 'Alice 5\nBob 6', asked: ['You gave 6.00 to Bob', 'You got 6.00 from Bob', 'Cancel'] },
  // In a group the bot never posts, ignores free text and commands for other bots.
  { book: ['Alice'], chat: 'group', line: '/credit Alice 5', refused: en('how-to-link') },
  { book: ['Alice'], chat: 'group', line: 'Alice 500', silent: true },
  { book: ['Alice'], chat: 'group', line: '/poll@OtherBot what now', silent: true },
  { book: ['Alice'], chat: 'group', line: '/credit@other_bot Alice 5', silent: true },
  { book: ['Alice'], chat: 'group', line: '/dance', silent: true },
  { book: ['Alice'], line: '/credit@mini_ledger_test_bot Alice 5', posted: credit('Alice', 500) },
  { book: ['Alice'], line: '/credit@other_bot Alice 5', refused: en('unknown-command') },
  // Long notes and names are kept whole in the ledger, clipped only in replies.
  { book: ['Alice'], line: `/credit Alice 5 ${'n'.repeat(400)}`, posted: credit('Alice', 500, { note: 'n'.repeat(400) }) },
  { book: ['Alice'], line: `/credit Alice 5 ${'n'.repeat(501)}`, refused: /note: must be at most 500 characters/ },
  { line: `/credit ${'N'.repeat(101)} 5`, refused: /name: must be at most 100 characters/ },
  { line: '/credit A\u0000B 5', refused: 'name: may not contain control characters' },
];

let h: BotHarness;
let chats = 10_000;
beforeAll(async () => {
  h = await createBotHarness({ clock: manualClock(Date.parse(`${TODAY}T10:00:00Z`)) });
});
afterAll(() => h.close());

async function merchantWithBook(book: string[]): Promise<{ chatId: number; actor: Actor }> {
  const chatId = (chats += 1);
  const token = await h.merchant(`m${chatId}`);
  const actor = await apiActor(h.services, token);
  for (const name of book) await h.services.customers.create(actor, { name });
  await h.send(`/link ${token}`, { chatId });
  return { chatId, actor };
}

async function postedFor(actor: Actor): Promise<Posted[]> {
  const rows = await sqlRows(
    h.db,
    `select c.name, e.type, cast(e.amount as text) as amount, e.entry_date, e.note from ledger_entries e join customers c on c.id = e.customer_id
     where c.owner_id = ? order by e.id`,
    [actor.ownerId],
  );
  return rows.map((r) => ({ customer: String(r.name), type: r.type === 'debit' ? 'debit' : 'credit', amount: Number(r.amount), date: String(r.entry_date), note: String(r.note) }));
}

describe('what a line means', () => {
  it('has at least 100 lines', () => expect(ROWS.length).toBeGreaterThanOrEqual(100));

  it.each(ROWS.map((row) => [JSON.stringify(row.line).slice(0, 70), row] as const))('%s', async (_, row) => {
    const { chatId, actor } = await merchantWithBook(row.book ?? []);
    const calls = await h.send(row.line, { chatId, ...(row.chat === 'group' ? { type: 'group' as const, chatId: -chatId } : {}) });
    const replies = texts(calls);
    const posted = await postedFor(actor);
    if (row.posted) {
      expect(posted).toEqual(row.posted.map((p) => ({ date: TODAY, note: '', ...p })));
      expect(replies.filter((t) => t.startsWith('Recorded'))).toHaveLength(row.posted.length);
    } else {
      expect(posted).toEqual([]);
    }
    if (row.asked) expect(buttons(calls).map((b) => b.text)).toEqual(row.asked);
    if (row.refused !== undefined) expect(replies.at(-1)).toMatch(typeof row.refused === 'string' ? new RegExp(`^${row.refused.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : row.refused);
    if (row.silent) expect(replies).toEqual([]);
    for (const t of replies) expect(t.length).toBeLessThanOrEqual(4096);
  });
});
