import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/features/help.js';

import { createLogger } from '../../src/logger.js';
import { sqlRows } from '../support/harness.js';
import { BOT_INFO, createBotHarness, en, texts, type ApiCall, type BotHarness } from './support.js';

const RUNS = 250;
const LINKED = 501;
const UNLINKED = 502;
const GROUP = -601;

let h: BotHarness;
let token = '';
const errorLog: string[] = [];

// The ledger proper. Bookkeeping the bot keeps for itself (seen update ids, pending choices, failed
// link attempts) may change on any update; these tables may change only with a confirming reply.
const LEDGER = ['users', 'customers', 'ledger_entries', 'idempotency_keys', 'telegram_links', 'telegram_link_codes'];
const CONFIRMED = /^(Recorded|Added|Already added|Linked|Unlinked|Undone|Your new API token|Logged out|Password set|Your shop account|Your customers now see)\b/;

async function ledgerChecksum(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of LEDGER) hash.update(`${table}:${JSON.stringify(await sqlRows(h.db, `select * from ${table} order by id`))}\n`);
  hash.update(JSON.stringify(await sqlRows(h.db, 'select id, user_id, token_hash, revoked_at from api_tokens order by id')));
  return hash.digest('hex');
}

beforeAll(async () => {
  h = await createBotHarness({ logger: createLogger('error', { write: (line: string) => errorLog.push(line) }) });
  token = await h.merchant('shop');
  expect(texts(await h.send(`/link ${token}`, { chatId: LINKED })).join('\n')).toMatch(/^Linked/);
  // Groups cannot be linked (every member could read the ledger): the group chat stays a stranger.
  for (const name of ['Alice', 'Ali Khan', 'Alina', 'Bob', '123', 'Zoë 🌟']) {
    expect(texts(await h.send(`/add ${JSON.stringify(name)}`, { chatId: LINKED })).join('\n')).toMatch(/^Added/);
  }
  expect(texts(await h.send('/credit Alice 500 rice', { chatId: LINKED })).join('\n')).toMatch(/^Recorded/);
});
afterAll(async () => h.close());

const NAMES = ['Alice', 'alice', 'ALI', 'Ali Khan', '"Ali Khan"', 'Alina', 'Bob', '"123"', '123', 'Zoë', 'Zoë 🌟', 'Nobody', '"unclosed', '""', "'", '%', '\u202eecilA', 'A\u0000B'];
const AMOUNTS = ['500', '0', '-5', '1,250.50', '1.005', '1e3', 'NaN', 'Infinity', '999999999999.99', '1000000000000', '0.01', '.5', '٥', '５٠٠', '1 000', '500abc', '0x10', '12,34', '1,,000', '9'.repeat(30)];
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\n', '\t', '\u0000', '\u0007', '\ud800', '👩‍👩‍👧', '<b>x</b>', '*bold*', '_x_', '`code`', '[link](http://x)', "'; drop table customers; --"),
  fc.integer({ min: 100, max: 3800 }).map((n) => 'n'.repeat(n)),
);
const arg = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...AMOUNTS) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  { weight: 1, arbitrary: fc.constantFrom('@mini_ledger_test_bot', '@other_bot', '-1', '0', '10', '1000', '2147483648') },
  { weight: 3, arbitrary: text },
);
const commandName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...COMMANDS, 'start', 'credit', 'debit', 'credit') },
  { weight: 1, arbitrary: fc.constantFrom('foo', 'CREDIT', 'credit_', 'Credit', 'debit123', 'h') },
);
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        command: commandName,
        at: fc.constantFrom('', '', '', `@${BOT_INFO.username}`),
        args: fc.array(arg, { maxLength: 5 }),
        sep: fc.constantFrom(' ', '  ', '\n', '\t'),
      })
      .map(({ command, at, args, sep }) => [`/${command}${at}`, ...args].join(sep)),
  },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('/', '//credit', '/ credit Alice 5', 'credit Alice 500', '/credit@', '/@') },
);
// Telegram caps a message at 4096 characters and never delivers an empty one.
const message = fc.record({ text: line.map((t) => t.slice(0, 4096)).filter((t) => t.length > 0), chat: fc.constantFrom(LINKED, LINKED, LINKED, LINKED, LINKED, UNLINKED, GROUP) });

const replies = (calls: ApiCall[]) => calls.filter((c) => ['sendMessage', 'editMessageText', 'answerCallbackQuery', 'sendDocument', 'sendPhoto'].includes(c.method));

describe('hostile command lines through handleUpdate', () => {
  it('when a command names an unknown customer with a name longer than a message may be, then the reply still fits Telegram\'s 4096 characters', async () => {
    const long = 'n'.repeat(4090);
    for (const line of [`/history ${long}`, `/summary ${long}`]) {
      const sent = texts(await h.send(line, { chatId: LINKED }));
      expect(sent.length).toBeGreaterThan(0);
      for (const t of sent) expect(t.length).toBeLessThanOrEqual(4096);
      expect(sent[0]).toContain('No customer named');
    }
  });

  it('when /add names a customer with half a surrogate pair (seed 1643624040 on PostgreSQL), then the reply says so and nothing is stored', async () => {
    const before = await ledgerChecksum();
    const line = '/add\t𝝉᭦𐫉\tZoë\tfd82cb7c566f0610f423e264aabe568764ef4c81a6fb5e97e7cfdf4ea8559cc1\t\ud800';
    expect(texts(await h.send(line, { chatId: LINKED }))).toEqual(['name: must be valid Unicode text (no unpaired surrogates)']);
    expect(await ledgerChecksum()).toBe(before);
  });

  it('when an entry command names an unknown customer with a NUL byte in the name or note, then the reply says so and nothing crashes', async () => {
    for (const [line, reply] of [
      ['/debit A\u0000B 5', 'name: may not contain control characters'],
      ['/credit Nobody 5 note\u0000x', 'note: may not contain control characters'],
    ] as const) {
      const before = await ledgerChecksum();
      expect(texts(await h.send(line, { chatId: LINKED }))).toEqual([reply]);
      expect(await ledgerChecksum()).toBe(before);
    }
  });

  it(`when ${RUNS} generated command lines arrive in linked, unlinked and group chats, then every one in a private chat gets a reply, none crashes, and the ledger changes only with a confirming reply`, async () => {
    let writes = 0;
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(message, async ({ text: sent, chat }) => {
        const before = await ledgerChecksum();
        const logged = errorLog.length;
        const calls = await h.send(sent, { chatId: chat, ...(chat === GROUP ? { type: 'group' as const } : {}) });
        const where = `chat ${chat}: ${JSON.stringify(sent.slice(0, 200))} -> ${JSON.stringify(texts(calls)).slice(0, 300)}`;

        // In a group the bot keeps quiet about free text and commands that are not its own.
        if (chat !== GROUP) expect(replies(calls).length, `no reply: ${where}`).toBeGreaterThan(0);
        expect(texts(calls), where).not.toContain(en('apology'));
        expect(errorLog.slice(logged), where).toEqual([]);
        for (const t of texts(calls)) expect(t.length, where).toBeLessThanOrEqual(4096);
        const kind = (texts(calls)[0] ?? '(callback answer)').split(/[\s:.,]/).slice(0, 2).join(' ');
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);

        if ((await ledgerChecksum()) !== before) {
          writes += 1;
          expect(texts(calls).some((t) => CONFIRMED.test(t)), `a write without a confirming reply: ${where}`).toBe(true);
          expect(chat, `a write from an unlinked chat: ${where}`).not.toBe(UNLINKED);
          const report = await h.services.ledger.checkIntegrity();
          expect(report.mismatches, where).toEqual([]);
          expect(report.merchantMismatches, where).toEqual([]);
          expect(report.dayMismatches, where).toEqual([]);
          expect(report.badReversals, where).toEqual([]);
        }
        // A generated /unlink is a valid command; link again so the rest still reaches the ledger.
        if (chat === LINKED && texts(calls).some((t) => t.startsWith('Unlinked'))) await h.send(`/link ${token}`, { chatId: LINKED });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    const common = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.info(`hostile bot command lines: ${RUNS} sent, ${writes} confirmed writes; replies ${JSON.stringify(common)}`);
  }, 120_000);
});
