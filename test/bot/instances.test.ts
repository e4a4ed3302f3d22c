import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlCount, sqlRows } from '../support/harness.js';
import { manualClock } from '../support/fixtures.js';
import { buttons, createBotHarness, createOtherInstance, texts, type BotHarness, type BotInstance } from './support.js';

// Two bot instances (each its own ORM, services and bot) over one database, as behind a load balancer in
// webhook mode: whatever one instance asked, the other must be able to answer.
const STALE = 'That choice has expired. Please send the command again.';

let clock: ReturnType<typeof manualClock>;
let h: BotHarness;
let other: BotInstance & { close(): Promise<void> };
let token: string;

beforeEach(async () => {
  clock = manualClock();
  h = await createBotHarness({ clock });
  other = await createOtherInstance(h, { clock });
  token = await h.merchant('shop');
  expect(texts(await h.send(`/link ${token}`))[0]).toContain('Linked');
});
afterEach(async () => {
  await other.close();
  await h.close();
});

const entriesWithCustomer = () =>
  sqlRows(h.db, 'select c.name, cast(e.amount as integer) as amount, e.note from ledger_entries e join customers c on c.id = e.customer_id');

describe('pending button choices across instances', () => {
  it('when several customers match on one instance and the pick is pressed on another, then the entry posts once to the picked customer', async () => {
    await h.send('/add Ali Khan');
    await h.send('/add Ali Baba');
    const choices = buttons(await h.send('/credit Ali 40 sugar'));
    expect(choices.map((b) => b.text)).toEqual(['Ali Baba · 40.00 · sugar', 'Ali Khan · 40.00 · sugar', 'Add Ali · 40.00 · sugar', 'Cancel']);
    for (const b of choices) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);

    expect(texts(await other.press(choices[0]?.data ?? ''))).toEqual([
      'Recorded: credit 40.00 (you gave) — Ali Baba (sugar)\nAli Baba owes you 40.00.',
    ]);
    // Pressed again, back on the first instance: answered, not posted twice.
    expect(texts(await h.press(choices[0]?.data ?? ''))[0]).toContain('Already recorded: credit 40.00');
    expect(await entriesWithCustomer()).toEqual([{ name: 'Ali Baba', amount: 4000, note: 'sugar' }]);
  });

  it('when no customer matches on one instance and "Add … and post" is pressed on another, then the customer is created and the entry posted once', async () => {
    const [create] = buttons(await h.send('/debit Zed Shop 75 paid'));
    expect(create?.text).toBe('Add Zed Shop · 75.00 · paid');

    expect(texts(await other.press(create?.data ?? ''))[0]).toContain('Recorded: debit 75.00 (you got) — Zed Shop (paid)');
    expect(texts(await other.press(create?.data ?? ''))[0]).toContain('Already recorded');
    expect(texts(await h.press(create?.data ?? ''))[0]).toContain('Already recorded');
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(1);
    expect(await entriesWithCustomer()).toEqual([{ name: 'Zed Shop', amount: 7500, note: 'paid' }]);
  });

  it('when a stored question is older than 10 minutes, then the other instance asks to send the command again and posts nothing', async () => {
    const [create] = buttons(await h.send('/credit Nobody 5'));
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_choices')).toBe(1);
    clock.advance(10 * 60_000 + 1);
    expect(texts(await other.press(create?.data ?? ''))).toEqual([STALE]);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });

  it('when the press comes from another chat, then neither instance uses the choice', async () => {
    const [create] = buttons(await h.send('/credit Nobody 5'));
    await other.send(`/link ${await other.merchant('other-shop')}`, { chatId: 9 });
    expect(texts(await other.press(create?.data ?? '', { chatId: 9 }))).toEqual([STALE]);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });
});

describe('failed /link attempts across instances', () => {
  const chatId = 600;

  it('when a chat fails 5 times in a minute spread over two instances, then a right token is refused on both until the minute passes', async () => {
    for (const instance of [h, other, h, other, h]) {
      expect(texts(await instance.send('/link wrong', { chatId }))[0]).toContain('not accepted');
    }
    expect(texts(await other.send(`/link ${token}`, { chatId }))[0]).toContain('Too many failed link attempts');
    expect(texts(await h.send(`/link ${token}`, { chatId }))[0]).toContain('Too many failed link attempts');
    expect(await sqlCount(h.db, `select count(*) as n from telegram_links where chat_id = '${chatId}'`)).toBe(0);
    // Another chat is not affected.
    expect(texts(await other.send(`/link ${token}`, { chatId: 601 }))[0]).toContain('Linked');

    clock.advance(60_001);
    expect(texts(await other.send(`/link ${token}`, { chatId }))[0]).toContain('Linked');
  });

  it('when wrong tokens arrive on both instances at once, then no more than 5 are ever checked in a minute', async () => {
    const before = { h: h.calls.length, other: other.calls.length };
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? h : other).send(`/link wrong${i}`, { chatId })));
    // Deliveries overlap, so the replies are read from both recorders as a whole.
    const replies = texts([...h.calls.slice(before.h), ...other.calls.slice(before.other)]);
    expect(replies).toHaveLength(12);
    expect(replies.every((r) => r.includes('not accepted') || r.includes('Too many failed link attempts'))).toBe(true);
    const checked = replies.filter((r) => r.includes('not accepted')).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
  });
});
