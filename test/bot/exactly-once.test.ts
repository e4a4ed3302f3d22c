import { textUpdate } from './updates.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlCount, sqlRows } from '../support/harness.js';
import { buttons, createBotHarness, texts, type BotHarness } from './support.js';

let h: BotHarness;
beforeEach(async () => {
  h = await createBotHarness();
  await h.send(`/link ${await h.merchant('shop')}`);
  await h.send('/add Alice');
});
afterEach(() => h.close());

const entries = () => sqlCount(h.db, 'select count(*) as n from ledger_entries');

const creditUpdate = (updateId: number, messageId: number) =>
  textUpdate({ updateId, messageId, text: '/credit Alice 500', chat: { id: 501, type: 'private', first_name: 'Merchant' }, fromId: 77 });

describe('exactly once', () => {
  it('when Telegram delivers the same update twice, then the entry is posted once', async () => {
    const update = creditUpdate(h.nextUpdateId(), h.nextMessageId());
    expect(texts(await h.deliver(update))[0]).toContain('Recorded');
    expect(await h.deliver(structuredClone(update))).toEqual([]);
    expect(await entries()).toBe(1);
  });

  it('when updates are claimed together, then each is claimed once, and an id claimed twice at once wins only the first time', async () => {
    const { seenUpdates } = h.runtime.botState;
    expect(await Promise.all([seenUpdates.claim(70001), seenUpdates.claim(70002), seenUpdates.claim(70001)])).toEqual([true, true, false]);
    expect(await Promise.all([seenUpdates.claim(70002), seenUpdates.claim(70003)])).toEqual([false, true]);
    expect(await sqlRows(h.db, 'select cast(update_id as integer) as id from telegram_updates where update_id >= 70001 order by update_id')).toEqual([
      { id: 70001 },
      { id: 70002 },
      { id: 70003 },
    ]);
  });

  it('when the same message arrives under a new update id, then the idempotency key replays it and posts nothing new', async () => {
    const messageId = h.nextMessageId();
    await h.deliver(creditUpdate(h.nextUpdateId(), messageId));
    expect(texts(await h.deliver(creditUpdate(h.nextUpdateId(), messageId)))).toEqual([
      'Already recorded: credit 500.00 (you gave) — Alice\nAlice owes you 500.00.',
    ]);
    expect(await entries()).toBe(1);
    expect(await sqlRows(h.db, "select key from idempotency_keys where key like 'tg:%' order by id")).toEqual([
      expect.objectContaining({ key: expect.stringMatching(/^tg:501:\d+$/) }),
      { key: `tg:501:${messageId}` },
    ]);
  });

  it('when Undo is pressed twice, then the entry is reversed once and the second press is told so', async () => {
    const [undo] = buttons(await h.send('/credit Alice 500'));
    expect(texts(await h.press(undo?.data ?? ''))).toEqual([
      'Undone: entry #1 reversed with debit 500.00 (you got) for Alice.\nAlice is settled up (0.00).',
    ]);
    expect(texts(await h.press(undo?.data ?? ''))).toEqual(['That entry was already undone; nothing changed.']);
    expect(await sqlRows(h.db, 'select id, type, reverses_id, channel from ledger_entries order by id')).toEqual([
      { id: 1, type: 'credit', reverses_id: null, channel: 'telegram' },
      { id: 2, type: 'debit', reverses_id: 1, channel: 'telegram' },
    ]);
  });

  it('when /undo is confirmed, then the last entry this chat posted is reversed; asked again, it offers the entry before it', async () => {
    await h.send('/credit Alice 100');
    await h.send('/debit Alice 30');
    const ask = await h.send('/undo');
    expect(texts(ask)).toEqual(['Undo debit 30.00 (you got) for Alice (entry #2)?']);
    const [yes, cancel] = buttons(ask);
    expect(cancel?.text).toBe('Cancel');
    await h.press(yes?.data ?? '');
    expect(await sqlRows(h.db, 'select cast(total_credit as integer) as total_credit, cast(total_debit as integer) as total_debit from customers')).toEqual([
      { total_credit: 13000, total_debit: 3000 },
    ]);
    expect(texts(await h.send('/undo'))).toEqual(['Undo credit 100.00 (you gave) for Alice (entry #1)?']);
  });

  it('when /undo finds no entry from this chat, then it says so; entries another chat posted are not this chat’s', async () => {
    expect(texts(await h.send('/undo'))).toEqual(['This chat has posted no entry that is not undone already.']);
    const other = 777;
    await h.send(`/link ${await h.merchant('other')}`, { chatId: other });
    await h.send('/credit Alice 5', { chatId: 501 });
    expect(texts(await h.send('/undo', { chatId: other }))).toEqual(['This chat has posted no entry that is not undone already.']);
  });

  it('when a customer choice is pressed twice, then the entry is posted once', async () => {
    await h.send('/add Alicia');
    const [first] = buttons(await h.send('/credit Ali 9'));
    await h.press(first?.data ?? '');
    expect(texts(await h.press(first?.data ?? ''))[0]).toContain('Already recorded');
    expect(await entries()).toBe(1);
  });

  it('when "create and post" is pressed twice, then one customer and one entry are created', async () => {
    const [create] = buttons(await h.send('/credit Newcomer 9'));
    await h.press(create?.data ?? '');
    await h.press(create?.data ?? '');
    expect(await sqlCount(h.db, "select count(*) as n from customers where name = 'Newcomer'")).toBe(1);
    expect(await entries()).toBe(1);
  });

  it('when /add is delivered again under a new update id, then no twin customer is created', async () => {
    const messageId = h.nextMessageId();
    await h.send('/add Twin', { messageId });
    expect(texts(await h.send('/add Twin', { messageId }))[0]).toContain('Already added Twin');
    expect(await sqlCount(h.db, "select count(*) as n from customers where name = 'Twin'")).toBe(1);
  });
});
