import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auth, manualClock } from '../support/fixtures.js';
import { sqlCount } from '../support/harness.js';
import { buttons, createBotHarness, en, texts, type ApiCall, type BotHarness, drainUpdates, sentTo } from './support.js';

const BASE = 'https://ledger.example.test';
const MERCHANT = 501;
const CUSTOMER = 9001;
const clock = manualClock(Date.parse('2026-12-01T09:00:00Z'));
let h: BotHarness;
let token: string;
let alice: number;


const drain = () => drainUpdates(h);

/** Follows a share page's "Get updates on Telegram" and returns the /start code in the deep link. */
async function subscribeCode(pagePath: string): Promise<string> {
  const res = await request(h.app).get(`${pagePath}/updates`);
  expect(res.status).toBe(303);
  const link = new URL(String(res.headers.location));
  expect(`${link.origin}${link.pathname}`).toBe('https://t.me/mini_ledger_test_bot');
  const code = String(link.searchParams.get('start'));
  expect(code).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  return code;
}

const post = (customer: number, body: object) => request(h.app).post(`/api/customers/${customer}/entries/`).set(auth(token)).send(body);

async function sharePath(customer: number): Promise<string> {
  const made = await request(h.app).post(`/api/customers/${customer}/share-links/`).set(auth(token)).send({});
  return new URL(made.body.url).pathname;
}

beforeAll(async () => {
  h = await createBotHarness({ clock, publicBaseUrl: BASE, updatesSender: { perChatMs: 0, perSecond: 1000 } });
  token = await h.merchant('corner');
  await h.send(`/link ${token}`, { chatId: MERCHANT });
  await h.send('/shopname Corner Shop', { chatId: MERCHANT });
  alice = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Alice', phone: '+91 98000 11111' })).body.id;
  await post(alice, { type: 'credit', amount: '3000', entry_date: '2026-11-30' });
});
afterAll(async () => h.close());

describe('the merchant’s side: /shopname and /remind', () => {
  it('when the merchant sets a shop name, then the API shows it as display_name', async () => {
    expect(texts(await h.send('/shopname', { chatId: MERCHANT }))).toEqual([en('shopname-is', { name: 'Corner Shop' })]);
    expect((await request(h.app).get('/api/auth/me/').set(auth(token))).body.display_name).toBe('Corner Shop');
  });

  it('when the merchant sends /remind Alice, then a message to forward, with Share on Telegram, WhatsApp and Copy link', async () => {
    const calls = await h.send('/remind Alice', { chatId: MERCHANT });
    const [text] = texts(calls);
    expect(text).toMatch(new RegExp(`^Hi Alice, your balance with Corner Shop is 3,000\\.00 as of 1 Dec 2026\\. Statement: ${BASE}/s/[A-Za-z0-9_-]{43}$`));
    const markup = calls.find((c) => c.method === 'sendMessage')?.payload.reply_markup;
    const keys = JSON.stringify(markup);
    expect(keys).toContain('https://t.me/share/url?url=');
    expect(keys).toContain('https://wa.me/919800011111?text=');
    expect(keys).toContain('"copy_text"');
  });

  it('when the merchant presses Remind under /dues, then the same reminder', async () => {
    const dues = await h.send('/dues', { chatId: MERCHANT });
    const remind = buttons(dues).find((b) => b.text === en('button-remind'));
    expect(remind).toBeDefined();
    const [text] = texts(await h.press(String(remind?.data), { chatId: MERCHANT }));
    expect(text).toMatch(/^Hi Alice, your balance with Corner Shop is 3,000\.00/);
  });

  it('when /remind names nobody, then the usage line', async () => {
    expect(texts(await h.send('/remind', { chatId: MERCHANT }))).toEqual([en('remind-usage')]);
  });
});

describe('the customer’s side: updates on Telegram', () => {
  let page: string;
  beforeAll(async () => {
    page = await sharePath(alice);
    expect((await request(h.app).get(page)).text).toContain('Get updates on Telegram');
  });
  beforeEach(async () => {
    await drain(); // nothing left over from an earlier test
  });

  it('when the customer opens the deep link, then the bot greets them with the shop and their balance, and the merchant sees the subscriber', async () => {
    const code = await subscribeCode(page);
    const [greeting] = texts(await h.send(`/start ${code}`, { chatId: CUSTOMER }));
    expect(greeting).toBe('You will get a message here for every new entry in your account at Corner Shop. You owe Corner Shop 3,000.00. Send /stop to end this.');
    const subscribers = await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(token));
    expect(subscribers.body).toEqual([{ id: expect.any(Number), chat_title: 'Merchant', language: 'en', created_at: '2026-12-01T09:00:00.000Z' }]);
    expect(texts(await h.send('/summary Alice', { chatId: MERCHANT })).join('\n')).toContain(en('summary-subscribers', { count: 1 }));
  });

  it('when the same code is used again, then it is refused; a fresh one says they are already subscribed', async () => {
    const code = await subscribeCode(page);
    await h.send(`/start ${code}`, { chatId: CUSTOMER });
    expect(texts(await h.send(`/start ${code}`, { chatId: CUSTOMER }))[0]).toContain('unknown, used or expired');
    expect(texts(await h.send(`/start ${await subscribeCode(page)}`, { chatId: CUSTOMER }))[0]).toBe('You already get updates from Corner Shop here. You owe Corner Shop 3,000.00.');
  });

  it('when the merchant posts over the API, then the customer’s chat gets one message in their words with the page link', async () => {
    expect((await post(alice, { type: 'debit', amount: '500', entry_date: '2026-12-01' })).status).toBe(201);
    const sent = sentTo(await drain(), CUSTOMER);
    expect(sent).toEqual([`Corner Shop: your payment of 500.00 was recorded (1 Dec 2026). You owe Corner Shop 2,500.00.\nYour account: ${BASE}${page}`]);
    expect(sentTo(await drain(), CUSTOMER)).toEqual([]); // sent once
  });

  it('when the merchant posts and undoes in the bot, then the customer hears of both', async () => {
    const [undo] = buttons(await h.send('/credit Alice 120 sugar', { chatId: MERCHANT }));
    expect(undo?.text).toBe('Undo');
    await h.press(String(undo?.data), { chatId: MERCHANT });
    const sent = sentTo(await drain(), CUSTOMER);
    expect(sent[0]).toMatch(/^Corner Shop: you took 120\.00 on credit \(1 Dec 2026\)\. You owe Corner Shop 2,620\.00\./);
    expect(sent[1]).toMatch(/^Corner Shop: a credit of 120\.00 was taken back \(1 Dec 2026\)\. You owe Corner Shop 2,500\.00\./);
    expect(sent).toHaveLength(2);
  });

  it('when 10,000 entries are imported, then the customer gets one summary message', async () => {
    const rows = ['entry_date,customer,type,amount,note'];
    for (let i = 0; i < 10_000; i++) rows.push(`2026-11-0${1 + (i % 9)},Alice,${i % 2 ? 'debit' : 'credit'},1,bulk`);
    const imported = await request(h.app).post('/api/import/').set(auth(token)).set('Content-Type', 'text/csv').send(rows.join('\n'));
    expect(imported.status, JSON.stringify(imported.body).slice(0, 300)).toBe(201);
    const sent = sentTo(await drain(), CUSTOMER);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^Corner Shop: 10,000 entries were added to your account\. You owe Corner Shop 2,500\.00\./);
  });

  it('when the customer’s chat tries merchant commands, then nothing is posted and no customer is shown', async () => {
    const before = await sqlCount(h.db, 'select count(*) as n from ledger_entries');
    for (const command of ['/credit Alice 500', '/debit Alice 100', '/customers', '/summary Alice', '/dues']) {
      const replies = texts(await h.send(command, { chatId: CUSTOMER }));
      expect(replies, command).toEqual([en('how-to-link')]);
    }
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(before);
  });

  it('when a group opens the deep link, then it is refused', async () => {
    const replies = texts(await h.send(`/start ${await subscribeCode(page)}`, { chatId: -3001, type: 'group' }));
    expect(replies).toEqual(['Updates are sent to a private chat only: open the link in your own chat with the bot.']);
  });

  it('when Telegram answers 429, then the sender waits retry_after and sends the message once', async () => {
    let refused = 0;
    h.api.failWhen((call) => (call.method === 'sendMessage' && call.payload.chat_id === CUSTOMER && refused++ === 0 ? { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } : null));
    try {
      await post(alice, { type: 'credit', amount: '10', entry_date: '2026-12-01' });
      expect(sentTo(await drain(), CUSTOMER)).toEqual([]); // refused, and not due again yet
      expect(refused).toBe(1);
      clock.advance(1_000);
      const sent = sentTo(await drain(), CUSTOMER);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^Corner Shop: you took 10\.00 on credit/);
    } finally {
      h.api.failWhen(null);
    }
  });

  it('when the first of two updates is refused with a 429, then the second waits for it, and the chat gets them in order', async () => {
    let refused = 0;
    h.api.failWhen((call) => (call.method === 'sendMessage' && call.payload.chat_id === CUSTOMER && refused++ === 0 ? { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } : null));
    try {
      await post(alice, { type: 'credit', amount: '11', entry_date: '2026-12-01' });
      await post(alice, { type: 'credit', amount: '12', entry_date: '2026-12-01' });
      // The second is not sent ahead of the first, though nothing refused it.
      expect(sentTo(await drain(), CUSTOMER)).toEqual([]);
      expect(refused).toBe(1);
      clock.advance(1_000);
      const sent = sentTo(await drain(), CUSTOMER).map((t) => /you took ([\d.]+) on credit/.exec(t)?.[1]);
      expect(sent).toEqual(['11.00', '12.00']);
      // Held back, the second was not tried then: the refused one counts two attempts, the second one.
      const attemptsOf = (fromLast: number) => sqlCount(h.db, 'select attempts as n from notification_outbox order by id desc limit 1 offset ?', [fromLast]);
      expect([await attemptsOf(1), await attemptsOf(0)]).toEqual([2, 1]);
    } finally {
      h.api.failWhen(null);
    }
  });

  it('when the customer sends /stop, then no more updates come', async () => {
    expect(texts(await h.send('/stop', { chatId: CUSTOMER }))).toEqual(['You will get no more updates here.']);
    await post(alice, { type: 'credit', amount: '1', entry_date: '2026-12-01' });
    expect(sentTo(await drain(), CUSTOMER)).toEqual([]);
    expect((await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(token))).body).toEqual([]);
    expect(texts(await h.send('/stop', { chatId: CUSTOMER }))).toEqual(['This chat gets no updates.']);
  });

  it('when the customer blocked the bot (403), then the subscription ends and nothing more is tried', async () => {
    const chat = 9002;
    await h.send(`/start ${await subscribeCode(page)}`, { chatId: chat });
    h.api.failWhen((call) => (call.payload.chat_id === chat ? { error_code: 403, description: 'Forbidden: bot was blocked by the user' } : null));
    try {
      await post(alice, { type: 'credit', amount: '2', entry_date: '2026-12-01' });
      await post(alice, { type: 'credit', amount: '3', entry_date: '2026-12-01' });
      const tried = (await drain()).filter((c) => c.payload.chat_id === chat);
      expect(tried).toHaveLength(1);
      expect((await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(token))).body).toEqual([]);
    } finally {
      h.api.failWhen(null);
    }
  });

  it('when the merchant removes a subscriber, or revokes the link it came through, then that chat hears nothing more', async () => {
    const [one, two] = [9003, 9004];
    await h.send(`/start ${await subscribeCode(page)}`, { chatId: one });
    const otherPage = await sharePath(alice);
    await h.send(`/start ${await subscribeCode(otherPage)}`, { chatId: two });
    const list = (await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(token))).body;
    expect(list).toHaveLength(2);
    const first = list.find((s: { id: number; created_at: string }) => s === list[0]);
    expect((await request(h.app).delete(`/api/customers/${alice}/subscribers/${first.id}/`).set(auth(token))).status).toBe(204);
    const linkId = (await request(h.app).get(`/api/customers/${alice}/share-links/`).set(auth(token))).body.find((l: { url: string }) => l.url.endsWith(otherPage)).id;
    expect((await request(h.app).delete(`/api/customers/${alice}/share-links/${linkId}/`).set(auth(token))).status).toBe(204);
    await post(alice, { type: 'credit', amount: '4', entry_date: '2026-12-01' });
    const calls = await drain();
    expect([...sentTo(calls, one), ...sentTo(calls, two)]).toEqual([]);
    expect((await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(token))).body).toEqual([]);
  });

  it('when another merchant asks for the shop’s subscribers, then 404', async () => {
    const other = await h.merchant('other');
    expect((await request(h.app).get(`/api/customers/${alice}/subscribers/`).set(auth(other))).status).toBe(404);
  });
});
