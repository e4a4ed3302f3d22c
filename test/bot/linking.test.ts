import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from './support.js';
import { appFor, dumpDatabase, sqlCount, sqlRows } from '../support/harness.js';
import { auth, manualClock } from '../support/fixtures.js';
import { BOT_INFO, createBotHarness, texts, type BotHarness } from './support.js';

let h: BotHarness;
beforeEach(async () => (h = await createBotHarness()));
afterEach(() => h.close());

const TABLES = ['customers', 'ledger_entries', 'telegram_links', 'idempotency_keys'];
const linkCode = z.object({ code: z.string(), url: z.string(), expires_at: z.string() });

// The bot harness's app knows the bot's username, as the running service does.
const appWithBot = () => h.app;

describe('linking a chat', () => {
  it('when /link carries a valid token, then the chat is linked, the token message is deleted and the reply names the merchant without the token', async () => {
    const token = await h.merchant('corner-shop');
    const calls = await h.send(`/link ${token}`, { messageId: 9001 });
    expect(calls[0]).toEqual({ method: 'deleteMessage', payload: { chat_id: 501, message_id: 9001 } });
    expect(texts(calls)).toEqual([expect.stringContaining('merchant corner-shop')]);
    expect(JSON.stringify(calls.slice(1))).not.toContain(token);
    expect(await sqlCount(h.db, "select count(*) as n from telegram_links where chat_id = '501'")).toBe(1);
    expect(texts(await h.send('/customers'))).toEqual(['No customers yet. Add one: /add Alice']);
  });

  it('when /link carries a wrong token, then it is refused, the message is still deleted and nothing is linked', async () => {
    const calls = await h.send(`/link ${'0'.repeat(64)}`);
    expect(calls[0]?.method).toBe('deleteMessage');
    expect(texts(calls)).toEqual([expect.stringContaining('That token was not accepted')]);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_links')).toBe(0);
  });

  it('when a chat fails more than 5 times in a minute, then even a right token is refused until the minute passes', async () => {
    const token = await h.merchant('shop');
    for (let i = 0; i < 5; i++) expect(texts(await h.send('/link wrong'))[0]).toContain('not accepted');
    expect(texts(await h.send(`/link ${token}`))).toEqual([expect.stringContaining('Too many failed link attempts')]);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_links')).toBe(0);
    // Another chat is not affected.
    expect(texts(await h.send(`/link ${token}`, { chatId: 502 }))[0]).toContain('Linked');
  });

  it('when /link is sent in a group, then the bot refuses and says why', async () => {
    const token = await h.merchant('shop');
    const calls = await h.send(`/link ${token}`, { type: 'group', chatId: -100 });
    expect(texts(calls)).toEqual([expect.stringContaining('only to a private chat: in a group every member could read and change it')]);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_links')).toBe(0);
  });

  it('when /link has no token, then the usage is the reply', async () => {
    expect(texts(await h.send('/link'))).toEqual([expect.stringContaining('Usage: /link <your API token>')]);
  });

  it('when a one-time code from POST /api/telegram/link-code/ is opened with /start, then the chat is linked once and the code is stored hashed', async () => {
    const token = await h.merchant('deep-shop');
    const res = await request(appWithBot()).post('/api/telegram/link-code/').set(auth(token));
    expect(res.status).toBe(201);
    const body = linkCode.parse(res.body);
    expect(body.url).toBe(`https://t.me/${BOT_INFO.username}?start=${body.code}`);
    const ttl = Date.parse(body.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    expect(JSON.stringify(await sqlRows(h.db, 'select * from telegram_link_codes'))).not.toContain(body.code);

    expect(texts(await h.send(`/start ${body.code}`))).toEqual([expect.stringContaining('merchant deep-shop')]);
    expect(texts(await h.send(`/start ${body.code}`, { chatId: 777 }))).toEqual([
      expect.stringContaining('unknown, used or expired'),
    ]);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_links')).toBe(1);
  });

  it('when a link code is older than 10 minutes, then /start refuses it', async () => {
    const clock = manualClock();
    const late = await createBotHarness({ clock });
    try {
      const token = await late.merchant('late-shop');
      const app = late.app;
      const { code } = linkCode.parse((await request(app).post('/api/telegram/link-code/').set(auth(token))).body);
      clock.advance(10 * 60_000 + 1);
      expect(texts(await late.send(`/start ${code}`))).toEqual([expect.stringContaining('unknown, used or expired')]);
      expect(await sqlCount(late.db, 'select count(*) as n from telegram_links')).toBe(0);
    } finally {
      await late.close();
    }
  });

  it('when a failed minute has passed, then the chat may try to link again', async () => {
    const clock = manualClock();
    const slow = await createBotHarness({ clock });
    try {
      const token = await slow.merchant('shop');
      for (let i = 0; i < 6; i++) await slow.send('/link wrong');
      expect(texts(await slow.send(`/link ${token}`))[0]).toContain('Too many');
      clock.advance(60_001);
      expect(texts(await slow.send(`/link ${token}`))[0]).toContain('Linked');
    } finally {
      await slow.close();
    }
  });

  it('when the bot is off, then POST /api/telegram/link-code/ answers 503 with the error shape', async () => {
    const token = await h.merchant('no-bot');
    // The app as it is built with the bot off: no Telegram side attached.
    const res = await request(appFor(h)).post('/api/telegram/link-code/').set(auth(token));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'telegram_bot_off' });
  });

  it('when /unlink is sent, then the chat is unlinked and ledger commands answer how to link', async () => {
    const token = await h.merchant('shop');
    await h.send(`/link ${token}`);
    expect(texts(await h.send('/unlink'))).toEqual(['Unlinked: this chat no longer reaches your ledger.']);
    expect(texts(await h.send('/summary'))).toEqual([en('how-to-link')]);
    expect(texts(await h.send('/unlink'))).toEqual(['This chat was not linked.']);
  });

  it('when the merchant logs out with the token the chat was linked with, then the chat is unlinked and, once, told why', async () => {
    const token = await h.merchant('shop');
    await h.send(`/link ${token}`);
    const res = await request(h.app).post('/api/auth/logout/').set(auth(token));
    expect(res.status).toBe(204);
    expect(await sqlCount(h.db, 'select count(*) as n from telegram_links')).toBe(0);
    expect(texts(await h.send('/customers'))).toEqual([`${en('link-ended-logged-out')}\n${en('how-to-link')}`]);
    expect(texts(await h.send('/customers'))).toEqual([en('how-to-link')]);
  });

  it('when the merchant removes the chat over REST, then the chat is told so when next used', async () => {
    const token = await h.merchant('shop');
    await h.send(`/link ${token}`);
    const [link] = (await request(h.app).get('/api/telegram/links/').set(auth(token))).body;
    expect((await request(h.app).delete(`/api/telegram/links/${link.id}/`).set(auth(token))).status).toBe(204);
    expect(texts(await h.send('/summary'))).toEqual([`${en('link-ended-removed')}\n${en('how-to-link')}`]);
  });

  it('when the merchant lists and deletes linked chats over REST, then only their own links are seen and removed', async () => {
    const mine = await h.merchant('mine');
    const theirs = await h.merchant('theirs');
    await h.send(`/link ${mine}`, { chatId: 11 });
    await h.send(`/link ${theirs}`, { chatId: 22 });
    const app = appWithBot();
    const list = await request(app).get('/api/telegram/links/').set(auth(mine));
    expect(list.status).toBe(200);
    const links = z.array(z.object({ id: z.number(), chat_id: z.string(), chat_title: z.string(), created_at: z.string() })).parse(list.body);
    expect(links.map((l) => l.chat_id)).toEqual(['11']);
    const theirLink = z.array(z.object({ id: z.number() })).parse((await request(app).get('/api/telegram/links/').set(auth(theirs))).body)[0];

    expect((await request(app).delete(`/api/telegram/links/${theirLink?.id}/`).set(auth(mine))).status).toBe(404);
    expect((await request(app).delete('/api/telegram/links/abc/').set(auth(mine))).status).toBe(404);
    expect((await request(app).delete(`/api/telegram/links/${links[0]?.id}/`).set(auth(mine))).status).toBe(204);
    expect(await sqlCount(h.db, "select count(*) as n from telegram_links where chat_id = '22'")).toBe(1);
    expect(await sqlCount(h.db, "select count(*) as n from telegram_links where chat_id = '11'")).toBe(0);
    expect((await request(app).get('/api/telegram/links/')).status).toBe(401);
  });

  it.each([
    '/customers',
    '/add Alice',
    '/credit Alice 500',
    '/debit Alice 5',
    '/summary',
    '/summary Alice',
    '/history Alice',
    '/undo',
  ])('when %j is sent in an unlinked chat, then the reply says how to link and nothing changes', async (text) => {
    const token = await h.merchant('shop');
    await h.send(`/link ${token}`, { chatId: 900 });
    await h.send('/credit Alice 1', { chatId: 900 });
    const before = await dumpDatabase(h.db, TABLES);
    expect(texts(await h.send(text))).toEqual([en('how-to-link')]);
    expect(await dumpDatabase(h.db, TABLES)).toBe(before);
  });
});
