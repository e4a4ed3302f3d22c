import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/features/help.js';
import type { Actor } from '../../src/domain/actor.js';
import { dumpDatabase, sqlCount, sqlRows } from '../support/harness.js';
import { buttons, createBotHarness, en, texts, type BotHarness } from './support.js';

let h: BotHarness;
let actor: Actor;
beforeEach(async () => {
  h = await createBotHarness();
  const token = await h.merchant('shop');
  await h.send(`/link ${token}`);
  const principal = await h.services.auth.authenticate(token);
  actor = { ownerId: principal.userId, channel: 'api', tokenId: principal.tokenId, chatId: null };
});
afterEach(() => h.close());

const TABLES = ['customers', 'ledger_entries', 'idempotency_keys'];

async function customer(name: string, credit = 0) {
  const c = await h.services.customers.create(actor, { name });
  if (credit > 0) await h.services.ledger.post(actor, c.id, { type: 'credit', amountMinor: credit * 100 });
  return c;
}

describe('bot commands', () => {
  it('when /help is sent, then every command is listed with an example', async () => {
    const [help] = texts(await h.send('/help'));
    for (const c of COMMANDS) expect(help).toContain(`/${c}: ${en(`command-${c}`)}. Example: ${en(`example-${c}`)}`);
  });

  it('when /start is sent in the linked chat, then the reply names the merchant it keeps the ledger of', async () => {
    expect(texts(await h.send('/start'))).toEqual(['This chat keeps the ledger of merchant shop. /help lists what I can do.']);
  });

  it('when /start is sent in a chat that is not linked, then the reply explains how to begin and offers to create a shop account', async () => {
    const calls = await h.send('/start', { chatId: 8080 });
    expect(texts(calls)).toEqual([expect.stringMatching(/\/link <your API token>[\s\S]*\/help/)]);
    expect(buttons(calls).map((b) => b.text)).toEqual(['Create my shop account']);
  });

  it('when /customers is sent, then customers are listed with balances, largest first; a search narrows the list', async () => {
    await customer('Small', 5);
    await customer('Big', 900);
    await customer('Middle', 50);
    expect(texts(await h.send('/customers'))).toEqual([
      'Customers by balance (largest first):\n1. Big: 900.00\n2. Middle: 50.00\n3. Small: 5.00',
    ]);
    expect(texts(await h.send('/customers MID'))).toEqual(['Customers by balance (largest first):\n1. Middle: 50.00']);
    expect(texts(await h.send('/customers zzz'))).toEqual(['No customer name contains "zzz".']);
  });

  it('when /add has a name with spaces and a phone, then the customer is created with both', async () => {
    expect(texts(await h.send('/add Mary Jane +254700000001'))).toEqual([
      expect.stringContaining('Added Mary Jane (+254700000001)'),
    ]);
    expect(await sqlRows(h.db, 'select name, phone from customers')).toEqual([{ name: 'Mary Jane', phone: '+254700000001' }]);
  });

  it('when /add has no name or a name too long, then it says so and creates nothing', async () => {
    expect(texts(await h.send('/add'))).toEqual([expect.stringContaining('Usage: /add <name> [phone]')]);
    expect(texts(await h.send(`/add ${'x'.repeat(101)}`))).toEqual([expect.stringContaining('at most 100 characters')]);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });

  it('when /credit names a customer, then the entry is posted from Telegram with the chat id and the reply shows the new balance and an Undo button', async () => {
    const alice = await customer('Alice');
    const calls = await h.send('/credit Alice 500 rice');
    expect(texts(calls)).toEqual(['Recorded: credit 500.00 (you gave) — Alice (rice)\nAlice owes you 500.00.']);
    // Cast: PostgreSQL's driver returns bigint columns as strings.
    const rows = await sqlRows(
      h.db,
      'select id, type, cast(amount as integer) as amount, note, channel, telegram_chat_id, api_token_id from ledger_entries',
    );
    expect(rows).toEqual([
      { id: 1, type: 'credit', amount: 50000, note: 'rice', channel: 'telegram', telegram_chat_id: '501', api_token_id: actor.tokenId },
    ]);
    expect(buttons(calls)).toEqual([{ text: 'Undo', data: `rv:${alice.id}:1` }]);
  });

  it('when /debit records a payment, then the balance goes down and the reply says who owes whom', async () => {
    await customer('Alice', 100);
    expect(texts(await h.send('/debit Alice 1,250.50 cash'))).toEqual([
      'Recorded: debit 1,250.50 (you got) — Alice (cash)\nYou owe Alice 1,150.50.',
    ]);
    expect(await sqlRows(h.db, 'select cast(total_credit as integer) as total_credit, cast(total_debit as integer) as total_debit from customers')).toEqual([
      { total_credit: 10000, total_debit: 125050 },
    ]);
  });

  it.each(['/credit Alice 12abc', '/credit Alice -5', '/credit Alice 0', '/credit Alice 1.005', '/debit Alice 12,50'])(
    'when %j is sent, then the reply says what an amount looks like and nothing changes',
    async (text) => {
      await customer('Alice');
      const before = await dumpDatabase(h.db, TABLES);
      expect(texts(await h.send(text))).toEqual([expect.stringContaining('is not an amount. An amount looks like 500, 1,250.50')]);
      expect(await dumpDatabase(h.db, TABLES)).toBe(before);
    },
  );

  it.each(['/credit', '/credit Alice', '/debit 500', '/history'])('when %j lacks arguments, then the usage is the reply', async (text) => {
    expect(texts(await h.send(text))).toEqual([expect.stringContaining('Usage: /')]);
  });

  it('when /summary names a customer, then total credit, total debit and balance are shown', async () => {
    const alice = await customer('Alice', 5000);
    await h.services.ledger.post(actor, alice.id, { type: 'debit', amountMinor: 200000 });
    expect(texts(await h.send('/summary alice'))).toEqual([
      'Alice\nYou gave (credit): 5,000.00\nYou got (debit): 2,000.00\nBalance: 3,000.00: Alice owes you 3,000.00.',
    ]);
  });

  it('when /summary is sent alone, then what you will get and what you will give are shown apart, then the net, with the customers on each side', async () => {
    await customer('Alice', 300);
    await customer('Bob', 700);
    const carol = await customer('Carol', 50);
    await h.services.ledger.post(actor, carol.id, { type: 'debit', amountMinor: 25000 });
    await customer('Dan');
    expect(texts(await h.send('/summary'))).toEqual([
      "Customers: 4\nYou'll get: 1,000.00 from 2 customers\nYou'll give: 200.00 to 1 customer\nNet: 800.00 to get\n\n" +
        'Owe you most:\n1. Bob: 700.00\n2. Alice: 300.00\n\nYou owe most:\n1. Carol: 200.00',
    ]);
  });

  it('when /history asks for n entries, then the newest n are shown with dates and notes', async () => {
    const alice = await customer('Alice');
    for (const n of [1, 2, 3]) await h.services.ledger.post(actor, alice.id, { type: 'credit', amountMinor: n * 100, note: `note ${n}` });
    const [reply] = texts(await h.send('/history Alice 2'));
    const today = new Date().toISOString().slice(0, 10);
    expect(reply).toBe(
      `Last 2 for Alice, newest first:\n${today} #3 credit 3.00 (you gave): note 3\n${today} #2 credit 2.00 (you gave): note 2`,
    );
    expect(texts(await h.send('/history Alice'))[0]).toContain('Last 3 for Alice');
  });

  it('when an unknown command or free text is sent, then the reply points to /help', async () => {
    expect(texts(await h.send('/dance'))).toEqual(['I do not know that command. /help lists what I can do.']);
    expect(texts(await h.send('hello there'))).toEqual(['Send me a command, for example /credit Alice 500. /help lists them all.']);
  });

  it('when a button the bot does not know is pressed, then the press is answered', async () => {
    const calls = await h.press('something-old');
    expect(calls).toEqual([
      { method: 'answerCallbackQuery', payload: expect.objectContaining({ text: 'This button is no longer valid.' }) },
    ]);
  });
});

describe('matching customer names', () => {
  it('when the name differs only in case, then it matches', async () => {
    await customer('Mary Jane');
    expect(texts(await h.send('/credit MARY JANE 5'))[0]).toContain('— Mary Jane');
  });

  it('when a name only starts a customer\'s name, then nothing is posted: the bot offers that customer or a new one; an exact name beats longer names', async () => {
    await customer('Alice');
    await customer('Alicia');
    await customer('Bob Marley');
    const calls = await h.send('/credit bob 5');
    expect(texts(calls)).toEqual(['No customer is named "bob". Which did you mean? Nothing is posted until you choose.']);
    expect(buttons(calls).map((b) => b.text)).toEqual(['Bob Marley · 5.00', 'Add bob · 5.00', 'Cancel']);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
    expect(texts(await h.send('/credit alice 5'))[0]).toContain('— Alice\n');
  });

  it('when several customers match, then a keyboard offers each and pressing one posts the entry to that customer', async () => {
    await customer('Ali Khan');
    const ali = await customer('Ali Baba');
    const calls = await h.send('/credit Ali 40 sugar');
    expect(texts(calls)).toEqual(['No customer is named "Ali". Which did you mean? Nothing is posted until you choose.']);
    const choices = buttons(calls);
    expect(choices.map((b) => b.text)).toEqual(['Ali Baba · 40.00 · sugar', 'Ali Khan · 40.00 · sugar', 'Add Ali · 40.00 · sugar', 'Cancel']);
    for (const b of choices) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);

    const picked = await h.press(choices[0]?.data ?? '');
    expect(texts(picked)).toEqual(['Recorded: credit 40.00 (you gave) — Ali Baba (sugar)\nAli Baba owes you 40.00.']);
    expect(await sqlRows(h.db, 'select customer_id, cast(amount as integer) as amount, note from ledger_entries')).toEqual([
      { customer_id: ali.id, amount: 4000, note: 'sugar' },
    ]);
  });

  it('when no customer matches, then a button creates the customer and posts the entry', async () => {
    const calls = await h.send('/debit Zed Shop 75 paid');
    expect(texts(calls)).toEqual(['No customer is named "Zed Shop". Which did you mean? Nothing is posted until you choose.']);
    const [create, cancel] = buttons(calls);
    expect(create?.text).toBe('Add Zed Shop · 75.00 · paid');
    expect(cancel?.text).toBe('Cancel');
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);

    expect(texts(await h.press(create?.data ?? ''))[0]).toContain('Recorded: debit 75.00 (you got) — Zed Shop (paid)');
    expect(await sqlRows(h.db, 'select c.name, cast(e.amount as integer) as amount from ledger_entries e join customers c on c.id = e.customer_id')).toEqual([
      { name: 'Zed Shop', amount: 7500 },
    ]);
  });

  it('when Cancel is pressed, then nothing is posted and the message says so', async () => {
    const [, cancel] = buttons(await h.send('/credit Nobody 5'));
    expect(texts(await h.press(cancel?.data ?? ''))).toEqual(['Cancelled; nothing changed.']);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });

  it('when a stored question is answered from another chat or its id is unknown, then it asks to send the command again', async () => {
    const [create] = buttons(await h.send('/credit Nobody 5'));
    const other = await h.merchant('other');
    await h.send(`/link ${other}`, { chatId: 9 });
    expect(texts(await h.press(create?.data ?? '', { chatId: 9 }))).toEqual([
      'That choice has expired. Please send the command again.',
    ]);
    expect(texts(await h.press('eo:unknownid:0:-'))).toEqual(['That choice has expired. Please send the command again.']);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });

  it('when /summary or /history matches several customers, then buttons pick one', async () => {
    await customer('Sam One', 1);
    await customer('Sam Two', 2);
    const summary = buttons(await h.send('/summary sam'));
    expect(texts(await h.press(summary[1]?.data ?? ''))[0]).toContain('Sam Two\nYou gave (credit): 2.00');
    const history = buttons(await h.send('/history sam 1'));
    expect(texts(await h.press(history[0]?.data ?? ''))[0]).toContain('Last 1 for Sam One');
    expect(texts(await h.send('/summary nobody'))).toEqual(['No customer named "nobody". /customers lists them.']);
  });

  it('when another merchant’s chat names Alice, then it cannot see or post to this merchant’s Alice', async () => {
    await customer('Alice', 10);
    const other = await h.merchant('other');
    await h.send(`/link ${other}`, { chatId: 9 });
    expect(texts(await h.send('/summary Alice', { chatId: 9 }))).toEqual(['No customer named "Alice". /customers lists them.']);
    const offered = await h.send('/credit Alice 5', { chatId: 9 });
    expect(texts(offered)).toEqual(['No customer is named "Alice". Which did you mean? Nothing is posted until you choose.']);
    expect(buttons(offered).map((b) => b.text)).toEqual(['Add Alice · 5.00', 'Cancel']);
    const [alice] = (await h.services.customers.withNames(actor, ['Alice'])).get('alice') ?? [];
    const aliceId = alice?.id ?? 0;
    expect((await h.services.customers.get(actor, aliceId)).totalCredit).toBe(1000);
    expect(texts(await h.press(`rv:${aliceId}:1`, { chatId: 9 }))).toEqual([
      'That customer no longer exists.',
    ]);
  });
});
