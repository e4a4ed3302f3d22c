import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.js';
import { sqlRows } from '../support/harness.js';
import { manualClock } from '../support/fixtures.js';
import { createRuntime } from '../../src/runtime.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase } from '../support/database.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { testConfig } from '../support/harness.js';
import { waitFor } from './e2e-support.js';
import { COMMANDS } from '../../bot/features/help.js';
import { buttons, createBotHarness, en, say, texts, type BotHarness } from './support.js';

const LANGUAGES = ['en', 'bn', 'hi'] as const;
type Language = (typeof LANGUAGES)[number];
const SCRIPT: Record<Language, RegExp> = { en: /[A-Za-z]/, bn: /[\u0980-\u09FF]/, hi: /[\u0900-\u097F]/ };

const source = (language: Language) => readFileSync(`${ROOT}/bot/locales/${language}.ftl`, 'utf8');

/** Every message of a locale file, with the variables its value and attributes use. */
function messages(language: Language): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const resource = new FluentResource(source(language));
  const vars = (node: unknown, into: Set<string>): Set<string> => {
    if (Array.isArray(node)) for (const n of node) vars(n, into);
    else if (node && typeof node === 'object') {
      if ('type' in node && node.type === 'var' && 'name' in node && typeof node.name === 'string') into.add(node.name);
      for (const value of Object.values(node)) vars(value, into);
    }
    return into;
  };
  for (const message of resource.body) out.set(message.id, [...vars(message, new Set())].sort());
  return out;
}

/** The English sentences of the bot: the text between placeables, long enough to be a sentence. */
function englishSentences(): string[] {
  const out = new Set<string>();
  for (const line of source('en').split('\n')) {
    const text = line.includes('=') && !line.startsWith('#') ? line.slice(line.indexOf('=') + 1) : line.startsWith('    ') ? line : '';
    for (const piece of text.split(/\{[^}]*\}/)) {
      const words = piece.trim().split(/\s+/).filter((w) => /^[A-Za-z’'-]+[.,:;!?]?$/.test(w));
      if (words.length >= 4) out.add(words.slice(0, 4).join(' '));
    }
  }
  return [...out];
}

describe('every message in every language', () => {
  it('when the locale files are compared, then bn and hi have exactly the keys of en, each with the same variables', () => {
    const english = messages('en');
    for (const language of ['bn', 'hi'] as const) {
      const other = messages(language);
      expect([...other.keys()].sort(), `${language}: keys`).toEqual([...english.keys()].sort());
      for (const [key, variables] of english) expect(other.get(key), `${language}: ${key}`).toEqual(variables);
    }
  });
});

describe('a merchant’s day in each language', () => {
  const clock = manualClock(Date.parse('2026-12-01T09:00:00Z'));
  let h: BotHarness;
  beforeAll(async () => {
    h = await createBotHarness({ clock });
  });
  afterAll(async () => h.close());

  const chatOf: Record<Language, number> = { en: 601, bn: 602, hi: 603 };
  const english = englishSentences();

  it.each(['bn', 'hi'] as const)('when a %s chat runs its day, then every reply is in that language, with no English sentence left in it', async (language) => {
    const chatId = chatOf[language];
    await h.send(`/link ${await h.merchant(`shop-${language}`)}`, { chatId });
    const name = language === 'bn' ? 'রহিম উদ্দিন' : 'रमेश कुमार';
    expect(english.length).toBeGreaterThan(50);
    const day = [
      `/language ${language}`,
      '/help',
      `/add ${name}`,
      `/credit ${name} 500`,
      `/debit ${name} 200 yesterday`,
      `/summary ${name}`,
      '/summary',
      '/customers',
      `/history ${name}`,
      '/dues',
      '/currency',
      '/currency BDT',
      '/currency XYZ',
      '/undo',
      '/credit Nobody 5',
      '/frobnicate',
    ];
    for (const line of day) {
      const replies = texts(await h.send(line, { chatId }));
      expect(replies.length, line).toBeGreaterThan(0);
      for (const reply of replies) {
        expect(reply, line).toMatch(SCRIPT[language]);
        // Dates in the reader's own form, never YYYY-MM-DD.
        expect(reply, line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        for (const sentence of english) expect(reply.includes(sentence), `${line}: "${sentence}" in ${reply}`).toBe(false);
      }
    }
  });

  it.each(LANGUAGES)('when a %s merchant sends back each /help example as it is, then each one is understood: no usage, date or unknown-name answer', async (language) => {
    const chatId = 640 + LANGUAGES.indexOf(language);
    await h.send(`/link ${await h.merchant(`shop-examples-${language}`)}`, { chatId });
    await h.send(`/language ${language}`, { chatId });
    // The customers the examples name (the /add example adds its own).
    const names = { en: ['Alice', 'Ali Khan'], bn: ['রহিম', 'আলী খান'], hi: ['राम', 'अली ख़ान'] }[language];
    for (const name of names) await h.send(`/add ${name}`, { chatId });
    const or = { en: ' or ', bn: ' বা ', hi: ' या ' }[language];
    // Placeholders are not meant to be sent; /link, /token, /password and /unlink change the chat's access.
    const skipped = new Set(['link', 'token', 'password', 'unlink']);
    const refusals = [
      ...COMMANDS.filter((c) => say('en', `${c}-usage`) !== `${c}-usage`).map((c) => say(language, `${c}-usage`)),
      say(language, 'unknown-command'),
    ];
    let tried = 0;
    for (const command of COMMANDS.filter((c) => !skipped.has(c))) {
      const example = say(language, `example-${command}`);
      expect(example, command).not.toMatch(language === 'en' ? /[\u0900-\u09FF]/ : /\b(or|rice|oil|yesterday|cash|last|month|Alice|Mary)\b/);
      for (const line of example.split(or)) {
        tried += 1;
        const replies = texts(await h.send(line, { chatId }));
        const sent = replies.join('\n');
        for (const refusal of refusals) expect(sent, line).not.toContain(refusal);
        expect(sent, line).not.toContain(say(language, 'not-a-date', { token: '' }).slice(3, 20));
        expect(sent, line).not.toContain(say(language, 'no-customer-named', { name: '' }).slice(3, 15));
      }
    }
    expect(tried).toBeGreaterThan(COMMANDS.length - skipped.size);
  });

  it('when a Bengali merchant types /credit রহিম ৫০০ গতকাল, then 500.00 is posted yesterday to রহিম, and the reply says ৳৫০০.০০ in Bengali digits', async () => {
    const chatId = 610;
    await h.send(`/link ${await h.merchant('shop-bn-input')}`, { chatId });
    await h.send('/language bn', { chatId });
    await h.send('/currency BDT', { chatId });
    await h.send('/add রহিম', { chatId });
    const [reply] = texts(await h.send('/credit রহিম ৫০০ গতকাল', { chatId }));
    expect(reply).toContain('৳৫০০.০০');
    expect(reply).toContain('রহিম');
    const rows = await sqlRows(h.db, "select e.amount, e.entry_date, e.type from ledger_entries e join customers c on c.id = e.customer_id where c.name = 'রহিম'");
    expect(rows.map((r) => [Number(r.amount), String(r.entry_date).slice(0, 10), r.type])).toEqual([[50000, '2026-11-30', 'credit']]);
  });

  it('when a Bengali chat adds a customer, then the hint to post is in Bengali digits, and sending it back posts 500.00', async () => {
    const chatId = 615;
    await h.send(`/link ${await h.merchant('shop-bn-hint')}`, { chatId });
    await h.send('/language bn', { chatId });
    const [added] = texts(await h.send('/add করিম ২', { chatId }));
    const hint = added?.match(/\/credit .*$/)?.[0];
    expect(hint).toBe('/credit "করিম ২" ৫০০');
    const [posted] = texts(await h.send(hint ?? '', { chatId }));
    expect(posted).toContain('৫০০.০০');
    expect(posted).toContain('করিম ২');
  });

  it('when a Bengali merchant sends /statement, then the PDF and its caption are in Bengali, the customer’s name intact in the text', async () => {
    const chatId = 611;
    await h.send(`/link ${await h.merchant('shop-bn-statement')}`, { chatId });
    await h.send('/language bn', { chatId });
    await h.send('/add রহিম উদ্দিন', { chatId });
    await h.send('/credit রহিম উদ্দিন ৫০০ চাল', { chatId });
    const calls = await h.send('/statement রহিম উদ্দিন', { chatId });
    const call = calls.find((c) => c.method === 'sendDocument');
    expect(String(call?.payload.caption)).toMatch(SCRIPT.bn);
    const file = call?.files?.[0];
    if (!file) throw new Error('no PDF sent');
    expect(file.filename).toMatch(/^statement-customer-\d+-2026-12-01-2026-12-01\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), 'bn-statement-'));
    try {
      writeFileSync(join(dir, 's.pdf'), file.data);
      const text = execFileSync('pdftotext', [join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('রহিম উদ্দিন');
      expect(text).toContain('প্রারম্ভিক ব্যালেন্স');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a Bengali chat asks for /chart, then the picture is drawn in Bengali: it differs from the English chat’s and equals it once that chat switches to Bengali', async () => {
    const token = await h.merchant('shop-bn-chart');
    const [bengali, english] = [613, 614];
    for (const chatId of [bengali, english]) await h.send(`/link ${token}`, { chatId });
    await h.send('/language bn', { chatId: bengali });
    await h.send('/add রহিম', { chatId: bengali });
    await h.send('/credit রহিম ৫০০', { chatId: bengali });
    const chart = async (chatId: number) => {
      const call = (await h.send('/chart রহিম', { chatId })).find((c) => c.method === 'sendPhoto');
      const file = call?.files?.[0];
      if (!file) throw new Error('no chart sent');
      return { caption: String(call?.payload.caption), png: file.data };
    };
    const inBengali = await chart(bengali);
    expect(inBengali.caption).toMatch(SCRIPT.bn);
    expect(inBengali.png.equals((await chart(english)).png)).toBe(false);
    await h.send('/language bn', { chatId: english });
    expect(inBengali.png.equals((await chart(english)).png)).toBe(true);
  });

  it('when a Bengali chat sends /remind, then the reminder to forward is in Bengali', async () => {
    const chatId = 612;
    await h.send(`/link ${await h.merchant('shop-bn-remind')}`, { chatId });
    await h.send('/language bn', { chatId });
    await h.send('/add রহিম', { chatId });
    await h.send('/credit রহিম 500', { chatId });
    const [reminder] = texts(await h.send('/remind রহিম', { chatId }));
    expect(reminder).not.toMatch(/^Hi /);
    expect(reminder).toContain('৫০০.০০');
    expect(texts(await h.send('/dues', { chatId })).join('\n')).toContain('০-৩০ দিন');
  });

  it('when the amounts are large, then each locale groups them its way, with the merchant’s currency and the chat’s digits', async () => {
    const cases: Array<{ language: Language; currency: string; digits?: 'latin' | 'native'; expected: string }> = [
      { language: 'bn', currency: 'BDT', expected: '৳১,২৫,০০০.০০' },
      { language: 'bn', currency: 'BDT', digits: 'latin', expected: '৳1,25,000.00' },
      { language: 'hi', currency: 'INR', expected: '₹1,25,000.00' },
      { language: 'hi', currency: 'INR', digits: 'native', expected: '₹१,२५,०००.००' },
      { language: 'en', currency: 'INR', expected: '₹1,25,000.00' },
      { language: 'en', currency: 'USD', expected: '$125,000.00' },
    ];
    let chatId = 700;
    for (const c of cases) {
      chatId += 1;
      await h.send(`/link ${await h.merchant(`grouping-${chatId}`)}`, { chatId });
      await h.send(`/language ${c.language}`, { chatId });
      await h.send(`/currency ${c.currency}`, { chatId });
      if (c.digits) {
        const choice = buttons(await h.send('/language', { chatId })).find((b) => b.data.startsWith('dg') && b.data.includes(c.digits ?? ''));
        expect(choice, JSON.stringify(c)).toBeDefined();
        await h.press(String(choice?.data), { chatId });
      }
      await h.send('/add Asha', { chatId });
      const [reply] = texts(await h.send('/credit Asha 125000', { chatId }));
      expect(reply, JSON.stringify(c)).toContain(c.expected);
    }
  });

  it('when the merchant has no currency, then English amounts are the plain numbers they always were', async () => {
    const chatId = 620;
    await h.send(`/link ${await h.merchant('plain-en')}`, { chatId });
    await h.send('/add Bob', { chatId });
    expect(texts(await h.send('/credit Bob 1250000.50', { chatId }))[0]).toContain('1,250,000.50');
  });

  it('when a chat never chose, then it answers in its user’s Telegram language; /language buttons switch it and the choice is kept', async () => {
    const chatId = 630;
    const start = (languageCode: string) =>
      h.deliver({
        update_id: h.nextUpdateId(),
        message: {
          message_id: h.nextMessageId(),
          date: 0,
          chat: { id: chatId, type: 'private', first_name: 'Asha' },
          from: { id: chatId, is_bot: false, first_name: 'Asha', language_code: languageCode },
          text: '/start',
          entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        },
      });
    expect(texts(await start('hi-IN'))[0]).toMatch(SCRIPT.hi);
    expect(texts(await start('fr'))[0]).toBe(en('welcome'));
    const bengali = buttons(await h.send('/language', { chatId })).find((b) => b.text.endsWith('বাংলা'));
    expect(bengali).toBeDefined();
    expect(texts(await h.press(String(bengali?.data), { chatId }))[0]).toMatch(SCRIPT.bn);
    // The chat's choice wins over the user's Telegram language from now on.
    expect(texts(await start('hi'))[0]).toMatch(SCRIPT.bn);
    expect(await sqlRows(h.db, 'select language from chat_settings where chat_id = ?', [String(chatId)])).toEqual([{ language: 'bn' }]);
  });
});

describe('the command menu', () => {
  it('when the bot connects, then Telegram gets the menu in English for everyone and in Bengali and Hindi for users of those languages', async () => {
    const api = await startFakeBotApi('healthy');
    const fresh = await freshDatabase();
    const runtime = await createRuntime({ ...testConfig(fresh.url), telegram: { mode: 'polling', botToken: '123456:ABC', apiRoot: api.url }, port: 0 }, { logger: createLogger('silent') });
    try {
      await runtime.start();
      const menus = await waitFor(() => api.calls.filter((c) => c.method === 'setMyCommands'), (m) => m.length >= 3, 20_000);
      const byLanguage = new Map(menus.map((m) => [String(m.params.language_code ?? 'default'), m.params.commands]));
      expect([...byLanguage.keys()].sort()).toEqual(['bn', 'default', 'hi']);
      const descriptionOf = (language: string, command: string) => {
        const list = byLanguage.get(language);
        return Array.isArray(list) ? list.find((c: { command: string }) => c.command === command)?.description : undefined;
      };
      expect(descriptionOf('default', 'credit')).toBe(en('command-credit'));
      expect(descriptionOf('bn', 'credit')).toMatch(SCRIPT.bn);
      expect(descriptionOf('hi', 'language')).toMatch(SCRIPT.hi);
    } finally {
      await runtime.stop();
      await api.close();
      await fresh.drop();
    }
  });
});
