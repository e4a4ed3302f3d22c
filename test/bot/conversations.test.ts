import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_MESSAGE_TTL_MS } from '../../bot/features/account.js';
import type { Actor } from '../../src/domain/actor.js';
import { apiActor, auth, manualClock } from '../support/fixtures.js';
import { sqlCount, sqlRows } from '../support/harness.js';
import { buttons, createBotHarness, en, texts, type BotHarness } from './support.js';

let h: BotHarness;
let clock: ReturnType<typeof manualClock>;
let token: string;
let actor: Actor;
beforeEach(async () => {
  clock = manualClock(Date.parse('2026-12-01T10:00:00Z'));
  h = await createBotHarness({ clock });
  token = await h.merchant('shop');
  actor = await apiActor(h.services, token);
  await h.send(`/link ${token}`);
});
afterEach(() => h.close());

const entries = () => sqlRows(h.db, 'select c.name, cast(e.amount as integer) as amount from ledger_entries e join customers c on c.id = e.customer_id order by e.id');
const button = (calls: Awaited<ReturnType<BotHarness['send']>>, label: string) => {
  const found = buttons(calls).find((b) => b.text.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(buttons(calls).map((b) => b.text))}`);
  return found.data;
};

describe('answering the bot\'s questions', () => {
  it('when "Add Chotu" is pressed under two questions, then one Chotu is made and both entries go to it (fault 4)', async () => {
    const first = await h.send('/credit Chotu 250');
    const second = await h.send('/credit Chotu 100');
    expect(texts(await h.press(button(first, 'Add Chotu'))).at(-1)).toMatch(/^Recorded: credit 250\.00/);
    expect(texts(await h.press(button(second, 'Add Chotu'))).at(-1)).toMatch(/^Recorded: credit 100\.00/);
    expect(await sqlCount(h.db, "select count(*) as n from customers where name = 'Chotu'")).toBe(1);
    expect(await entries()).toEqual([{ name: 'Chotu', amount: 25000 }, { name: 'Chotu', amount: 10000 }]);
  });

  it('when a waiting button is pressed after the chat was linked to another merchant, then nothing is posted in either ledger (fault 5)', async () => {
    const asked = await h.send('/credit Chotu 250');
    await h.send(`/link ${await h.merchant('other-shop')}`);
    expect(texts(await h.press(button(asked, 'Add Chotu')))).toEqual([en('choice-other-link')]);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
  });

  it('when a waiting button is pressed after /unlink, then the chat is told to link and nothing is posted', async () => {
    const asked = await h.send('/credit Chotu 250');
    await h.send('/unlink');
    expect(texts(await h.press(button(asked, 'Add Chotu')))).toEqual([en('how-to-link')]);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
  });

  it('when Cancel was pressed, then the question is dead: its buttons post nothing later', async () => {
    const asked = await h.send('/credit Chotu 250');
    expect(texts(await h.press(button(asked, 'Cancel')))).toEqual([en('cancelled')]);
    expect(texts(await h.press(button(asked, 'Add Chotu')))).toEqual([en('choice-cancelled')]);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(0);
  });

  it('when one answer was used, then another answer to the same question is refused, and the same one replays', async () => {
    await h.services.customers.create(actor, { name: 'Rajesh' });
    const asked = await h.send('/credit Raj 200');
    expect(texts(await h.press(button(asked, 'Rajesh'))).at(-1)).toMatch(/^Recorded: credit 200\.00 \(you gave\) — Rajesh/);
    expect(texts(await h.press(button(asked, 'Add Raj')))).toEqual([en('error-key-reused')]);
    expect(texts(await h.press(button(asked, 'Rajesh'))).at(-1)).toMatch(/^Already recorded/);
    expect(await entries()).toEqual([{ name: 'Rajesh', amount: 20000 }]);
  });

  it('when a line without a command is answered "You got", then a debit is posted for the customer read', async () => {
    await h.services.customers.create(actor, { name: 'Alice' });
    const asked = await h.send('Alice 500 tea');
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
    expect(texts(await h.press(button(asked, 'You got'))).at(-1)).toBe('Recorded: debit 500.00 (you got) — Alice (tea)\nYou owe Alice 500.00.');
  });

  it('when a line without a command reads several ways, then the reading is chosen first, and then gave or got', async () => {
    await h.services.customers.create(actor, { name: 'Rajesh' });
    const asked = await h.send('Raj 200');
    const picked = await h.press(button(asked, 'Rajesh'));
    expect(buttons(picked).map((b) => b.text)).toEqual(['You gave 200.00 to Rajesh', 'You got 200.00 from Rajesh', 'Cancel']);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
    expect(texts(await h.press(button(picked, 'You gave'))).at(-1)).toMatch(/^Recorded: credit 200\.00/);
  });
});

describe('/add', () => {
  it('when the name is on the books already, written any way, then the bot asks: use that customer, or add another (fault 8)', async () => {
    await h.services.customers.create(actor, { name: 'Alice' });
    const asked = await h.send('/add alice');
    expect(texts(asked)).toEqual(['There is already a customer named "Alice". Use that one, or add another with the same name?']);
    expect(texts(await h.press(button(asked, 'Use Alice')))).toEqual(['Alice is on your books already (0.00). Post to them with /credit Alice 500']);
    expect(await sqlCount(h.db, 'select count(*) as n from customers')).toBe(1);

    await h.send('/add Ali Khan');
    const again = await h.send('/add Ali Khan');
    expect(texts(await h.press(button(again, 'Add another')))[0]).toMatch(/^Added Ali Khan\./);
    expect(await sqlCount(h.db, "select count(*) as n from customers where name = 'Ali Khan'")).toBe(2);
  });

  it('when /add ends with a phone, then the phone is kept apart, and the hint quotes names that have numbers (faults 1, 2)', async () => {
    expect(texts(await h.send('/add Ramesh 98765 43210'))).toEqual(['Added Ramesh (98765 43210). Post to them with /credit Ramesh 500']);
    expect(texts(await h.send('/add Shop 2'))).toEqual(['Added Shop 2. Post to them with /credit "Shop 2" 500']);
    expect(texts(await h.send('/credit "Shop 2" 500'))[0]).toMatch(/^Recorded: credit 500\.00 \(you gave\) — Shop 2\n/);
    expect(await sqlRows(h.db, 'select name, phone from customers order by id')).toEqual([
      { name: 'Ramesh', phone: '98765 43210' },
      { name: 'Shop 2', phone: '' },
    ]);
  });
});

describe('undone entries in summaries and history (fault 9)', () => {
  it('when a credit is undone, then /summary leaves it and its reversal out of gave and got, and /history marks both', async () => {
    const alice = await h.services.customers.create(actor, { name: 'Alice' });
    await h.send('/credit Alice 500 rice');
    await h.send('/debit Alice 200');
    const asked = await h.send('/credit Alice 50');
    await h.press(button(asked, 'Undo'));
    expect(texts(await h.send('/summary Alice'))).toEqual([
      'Alice\nYou gave (credit): 500.00\nYou got (debit): 200.00\nBalance: 300.00: Alice owes you 300.00.\n' +
        'Undone entries and their reversals are left out of gave and got (50.00).',
    ]);
    const rest = await request(h.app).get(`/api/customers/${alice.id}/summary/`).set(auth(token));
    expect(rest.body).toEqual({ total_credit: '550.00', total_debit: '250.00', balance: '300.00' });
    expect(texts(await h.send('/history Alice'))).toEqual([
      'Last 4 for Alice, newest first:\n' +
        '2026-12-01 #4 debit 50.00 (you got) (undoes #3): Undone from Telegram (entry #3)\n' +
        '2026-12-01 #3 credit 50.00 (you gave) (undone by #4)\n' +
        '2026-12-01 #2 debit 200.00 (you got)\n' +
        '2026-12-01 #1 credit 500.00 (you gave): rice',
    ]);
  });
});

describe('long replies are paged (fault 12)', () => {
  it('when /history Bob 50 holds long notes, then every page fits a message and Next/Previous turn them', async () => {
    const bob = await h.services.customers.create(actor, { name: 'Bob' });
    for (let i = 1; i <= 50; i++) await h.services.ledger.post(actor, bob.id, { type: 'credit', amountMinor: 100 * i, note: `${'note '.repeat(19)}${i}` });
    const first = await h.send('/history Bob 50');
    const [page1] = texts(first);
    expect(page1?.length).toBeLessThanOrEqual(4096);
    expect(page1).toMatch(/^Last 50 for Bob, newest first \(page 1 of 3\):/);
    expect(buttons(first).map((b) => b.text)).toEqual(['Next ▶']);
    const second = await h.press(button(first, 'Next'));
    expect(texts(second)[0]).toMatch(/\(page 2 of 3\)/);
    expect(buttons(second).map((b) => b.text)).toEqual(['◀ Previous', 'Next ▶']);
    const seen = new Set<string>();
    for (const calls of [first, second, await h.press(button(second, 'Next'))]) {
      const [text = ''] = texts(calls);
      expect(text.length).toBeLessThanOrEqual(4096);
      for (const line of text.split('\n').slice(1)) seen.add(line.split(' ')[1] ?? '');
    }
    expect(seen.size).toBe(50);
  });

  it('when /customers has many customers or a 4,085-character search, then the reply is paged or the echo clipped', async () => {
    for (let i = 1; i <= 45; i++) await h.services.customers.create(actor, { name: `Customer ${String(i).padStart(2, '0')}` });
    const first = await h.send('/customers');
    expect(texts(first)[0]).toMatch(/^Customers by balance \(largest first\), page 1 of 3:\n1\. Customer 01: 0\.00/);
    expect(texts(await h.press(button(first, 'Next')))[0]).toMatch(/page 2 of 3:\n21\. Customer 21/);
    const [long] = texts(await h.send(`/customers ${'x'.repeat(4085)}`));
    expect(long?.length).toBeLessThan(200);
    expect(long).toMatch(/^No customer name contains "x+…"\.$/);
  });

  it('when /history names a customer whose name ends in a number, then the number is read as part of the name', async () => {
    const shop = await h.services.customers.create(actor, { name: 'Shop 2' });
    await h.services.ledger.post(actor, shop.id, { type: 'credit', amountMinor: 500 });
    expect(texts(await h.send('/history Shop 2'))[0]).toMatch(/^Last 1 for Shop 2/);
  });
});

describe('edited messages (fault 13)', () => {
  it('when a posted message is edited, then the ledger keeps the original, the bot says so, offers Undo and the corrected entry', async () => {
    await h.services.customers.create(actor, { name: 'Alice' });
    const messageId = h.nextMessageId();
    await h.send('/credit Alice 500', { messageId });
    const answered = await h.edit(messageId, '/credit Alice 600');
    expect(texts(answered)).toEqual([
      'Editing a message does not change the ledger. Your original message posted credit 500.00 (you gave) for Alice (entry #1).\nPost the corrected line as a new entry?',
    ]);
    expect(buttons(answered).map((b) => b.text)).toEqual(['Undo', 'Post credit 600.00 to Alice']);
    expect(await entries()).toEqual([{ name: 'Alice', amount: 50000 }]);
    await h.press(button(answered, 'Post credit'));
    await h.press(button(answered, 'Post credit'));
    expect(await entries()).toEqual([{ name: 'Alice', amount: 50000 }, { name: 'Alice', amount: 60000 }]);
  });

  it('when a message that posted nothing is edited, then the bot says the edit is not read', async () => {
    const messageId = h.nextMessageId();
    await h.send('/help', { messageId });
    expect(texts(await h.edit(messageId, '/credit Alice 5'))).toEqual([en('edit-not-read')]);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(0);
  });
});

describe('starting from the chat', () => {
  it('when "Create my shop account" is pressed, however often, then one merchant is made and linked, and /token gives a working API token', async () => {
    const chatId = 4242;
    const [create] = buttons(await h.send('/start', { chatId }));
    expect(create?.text).toBe('Create my shop account');
    const created = await h.press(create?.data ?? '', { chatId });
    expect(texts(created)[0]).toMatch(/^Your shop account Merchant is ready/);
    expect(texts(await h.press(create?.data ?? '', { chatId }))).toEqual(['This chat is already linked to merchant Merchant.']);
    const [again] = buttons(await h.send('/start', { chatId }));
    expect(again).toBeUndefined();
    expect(await sqlCount(h.db, "select count(*) as n from users where created_by_chat = '4242'")).toBe(1);

    const issued = await h.send('/token', { chatId });
    const apiToken = /\n([0-9a-f]{64})\n/.exec(texts(issued)[0] ?? '')?.[1] ?? '';
    const me = await request(h.app).get('/api/auth/me/').set(auth(apiToken));
    expect(me.body).toMatchObject({ username: 'Merchant' });

    // The token's message deletes itself: housekeeping deletes it once due, on any instance.
    const sent = issued.find((c) => c.method === 'sendMessage');
    await h.runtime.housekeeping.runOnce();
    expect(h.api.calls.filter((c) => c.method === 'deleteMessage' && c.payload.message_id === sent?.payload.message_id)).toEqual([]);
    clock.advance(TOKEN_MESSAGE_TTL_MS + 1);
    await h.runtime.housekeeping.runOnce();
    expect(String(h.api.calls.filter((c) => c.method === 'deleteMessage').at(-1)?.payload.chat_id)).toBe(String(chatId));

    expect(texts(await h.send('/token revoke', { chatId }))).toEqual(['Logged out 1 token made with /token.']);
    expect((await request(h.app).get('/api/auth/me/').set(auth(apiToken))).status).toBe(401);
    expect(texts(await h.send('/summary', { chatId }))[0]).toMatch(/^Customers: 0/);
  });

  it('when /password is sent, then the message is deleted and the merchant can log in over the API with it', async () => {
    const calls = await h.send('/password a-long-secret');
    expect(calls[0]?.method).toBe('deleteMessage');
    expect(texts(calls)).toEqual(['Password set. Log in with POST /api/auth/login/ as shop.']);
    expect((await request(h.app).post('/api/auth/login/').send({ username: 'shop', password: 'a-long-secret' })).status).toBe(200);
    expect(texts(await h.send('/password short'))).toEqual(['password: must be at least 8 characters']);
  });

  it('when /link is sent in a group where the bot may not delete it, then the reply says the token is exposed', async () => {
    h.api.failWhen((call) => (call.method === 'deleteMessage' ? { error_code: 400, description: "Bad Request: message can't be deleted" } : null));
    const calls = await h.send(`/link ${token}`, { type: 'group', chatId: -77 });
    expect(texts(calls)).toEqual([en('link-not-deleted'), en('link-only-private')]);
  });
});
