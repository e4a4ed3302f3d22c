import request from 'supertest';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, manualClock } from '../support/fixtures.js';
import { createBotHarness, texts, type ApiCall, type BotHarness, drainUpdates, sentTo } from './support.js';
import { textUpdate } from './updates.js';

const BASE = 'https://ledger.example.test';
const MERCHANT = 601;
const RAHIM_CHAT = 9101;
const SURESH_CHAT = 9102;
const clock = manualClock(Date.parse('2026-12-01T09:00:00Z'));
let h: BotHarness;
let token: string;
let rahim: number;
let suresh: number;


/** A customer's private chat sends `/start <code>` from a Telegram set to `languageCode`. */
async function startFrom(chat: number, languageCode: string, customer: number): Promise<ApiCall[]> {
  const link = await request(h.app).post(`/api/customers/${customer}/share-links/`).set(auth(token)).send({});
  const deep = await request(h.app).get(`${new URL(link.body.url).pathname}/updates`);
  const code = String(new URL(String(deep.headers.location)).searchParams.get('start'));
  return h.deliver(textUpdate({ updateId: h.nextUpdateId(), messageId: h.nextMessageId(), text: `/start ${code}`, chat: { id: chat, type: 'private', first_name: 'Customer' }, languageCode }));
}

const markupSchema = z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))) });

/** The callback buttons of the last message sent or edited (the reminder also has URL and copy buttons). */
function buttons(calls: ApiCall[]): { text: string; data: string }[] {
  const last = calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').at(-1);
  const markup = markupSchema.safeParse(last?.payload.reply_markup);
  if (!markup.success) return [];
  return markup.data.inline_keyboard.flat().flatMap((b) => (b.callback_data === undefined ? [] : [{ text: b.text, data: b.callback_data }]));
}

const drain = () => drainUpdates(h);

beforeAll(async () => {
  h = await createBotHarness({ clock, publicBaseUrl: BASE, updatesSender: { perChatMs: 0, perSecond: 1000 } });
  token = await h.merchant('karim');
  await h.send(`/link ${token}`, { chatId: MERCHANT });
  await request(h.app).patch('/api/auth/me/').set(auth(token)).send({ display_name: 'করিম স্টোর', currency: 'BDT' });
  rahim = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'রহিম উদ্দিন', phone: '+880 1711 223344' })).body.id;
  suresh = (await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'सुरेश', phone: '' })).body.id;
  for (const c of [rahim, suresh]) await request(h.app).post(`/api/customers/${c}/entries/`).set(auth(token)).send({ type: 'credit', amount: '3000', entry_date: '2026-11-30' });
});
afterAll(async () => h.close());

describe('Telegram updates in the customer’s language', () => {
  it('when Rahim’s Telegram is in Bengali, then the greeting and every update are Bengali, taka in Bengali digits', async () => {
    expect(texts(await startFrom(RAHIM_CHAT, 'bn', rahim))).toEqual([
      'করিম স্টোর-এ আপনার হিসাবে প্রতিটি নতুন লেনদেনের খবর এখানে পাবেন। করিম স্টোর-এর কাছে আপনার বাকি ৳৩,০০০.০০। বন্ধ করতে /stop পাঠান।',
    ]);
    await request(h.app).post(`/api/customers/${rahim}/entries/`).set(auth(token)).send({ type: 'debit', amount: '500', entry_date: '2026-12-01' });
    const [update] = sentTo(await drain(), RAHIM_CHAT);
    expect(update).toMatch(new RegExp(`^করিম স্টোর: আপনার ৳৫০০\\.০০ জমা লেখা হয়েছে \\(১ ডিসে, ২০২৬\\)। করিম স্টোর-এর কাছে আপনার বাকি ৳২,৫০০\\.০০।\\nআপনার হিসাব: ${BASE}/s/`));
  });

  it('when Suresh’s Telegram is in Hindi (hi-IN), then his greeting and updates are Hindi, with Latin digits', async () => {
    expect(texts(await startFrom(SURESH_CHAT, 'hi-IN', suresh))[0]).toBe('করিম স্টোর पर आपके खाते की हर नई एंट्री का संदेश आपको यहाँ मिलेगा। आपको করিম স্টোর को ৳3,000.00 देने हैं। बंद करने के लिए /stop भेजें।');
    await request(h.app).post(`/api/customers/${suresh}/entries/`).set(auth(token)).send({ type: 'credit', amount: '120', entry_date: '2026-12-01' });
    expect(sentTo(await drain(), SURESH_CHAT)[0]).toMatch(/^করিম স্টোর: आपने ৳120\.00 उधार लिए \(1 दिस॰ 2026\)। आपको করিম স্টোর को ৳3,120\.00 देने हैं।\n/);
  });
});

describe('the reminder’s language buttons', () => {
  it('when the merchant sends /remind, then the reminder is in the chat’s language with English / বাংলা / हिन्दी buttons', async () => {
    const calls = await h.send('/remind রহিম', { chatId: MERCHANT });
    expect(texts(calls)[0]).toMatch(/^Hi রহিম উদ্দিন, your balance with করিম স্টোর is ৳2,500\.00 as of 1 Dec 2026\. Statement: /);
    expect(buttons(calls).map((b) => b.text)).toEqual(['✓ English', 'বাংলা', 'हिन्दी']);
  });

  it('when the merchant presses বাংলা, then the same message is rewritten in Bengali, its share buttons kept and Bengali marked', async () => {
    const sent = await h.send('/remind রহিম', { chatId: MERCHANT });
    const bengali = buttons(sent).find((b) => b.text === 'বাংলা');
    const pressed = await h.press(String(bengali?.data), { chatId: MERCHANT });
    const edit = pressed.find((c) => c.method === 'editMessageText');
    expect(String(edit?.payload.text)).toMatch(new RegExp(`^প্রিয় রহিম উদ্দিন, ১ ডিসে, ২০২৬ পর্যন্ত করিম স্টোর-এর কাছে আপনার বাকি ৳২,৫০০\\.০০। বিবরণী: ${BASE}/s/`));
    expect(buttons(pressed).map((b) => b.text)).toEqual(['English', '✓ বাংলা', 'हिन्दी']);
    expect(JSON.stringify(edit?.payload.reply_markup)).toContain('https://wa.me/8801711223344?text=');
    expect(pressed.some((c) => c.method === 'sendMessage')).toBe(false);
  });

  it('when a language button carries a language we do not have, then it is refused as stale', async () => {
    const calls = await h.press(`rl:${rahim}:fr`, { chatId: MERCHANT });
    expect(calls.some((c) => c.method === 'editMessageText')).toBe(false);
  });
});
