import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiDigits } from '../../bot/parse/digits.js';
import { nameKey } from '../../src/domain/customers/name-key.js';
import { apiActor } from '../support/fixtures.js';
import { sqlRows } from '../support/harness.js';
import { buttons, createBotHarness, texts, type BotHarness } from './support.js';

const RUNS = 200;

let h: BotHarness;
let chats = 70_000;
beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.close());

// Names that invite mistakes: prefixes of each other, digits, accents, spaces, other scripts.
const NAME_PARTS = ['Ali', 'Alia', 'Khan', 'Shop', '2', '12', 'Raj', 'Rajesh', 'Mary', 'Jane', 'José', 'JOSE', 'রহিম', 'Rs', 'today', '1,000'];
const name = fc.array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const book = fc.uniqueArray(name, { maxLength: 6, selector: nameKey });
const amount = fc.oneof(
  fc.integer({ min: 1, max: 99_999 }).map(String),
  fc.integer({ min: 1, max: 999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 1, max: 9_999_999 }).map((n) => n.toLocaleString('en-IN')),
  fc.constantFrom('₹500', 'Rs 500', '500rs', '৫০০', '५००', '1 000', '2 500', '0.50', '12.5', '৳1,25,000'),
);
const word = fc.oneof(fc.constantFrom('rice', 'tea', '2', '500', 'kg', 'yesterday', '01/02/2025', 'Khan', 'cash'), fc.string({ maxLength: 6 }));
const lineOf = fc.record({
  command: fc.constantFrom('/credit ', '/debit ', ''),
  // Mostly a name from the book (as written, or in other case), else anything.
  fromBook: fc.nat({ max: 9 }),
  upper: fc.boolean(),
  who: fc.oneof(name, fc.constantFrom('"Shop 2"', '“Ali Khan”')),
  amount,
  rest: fc.array(word, { maxLength: 3 }),
  press: fc.boolean(),
});

type Row = { name: string; key: string; amount: number; type: string };

async function postedFor(ownerId: number): Promise<Row[]> {
  const rows = await sqlRows(h.db, 'select c.name, cast(e.amount as text) as amount, e.type from ledger_entries e join customers c on c.id = e.customer_id where c.owner_id = ? order by e.id', [ownerId]);
  return rows.map((r) => ({ name: String(r.name), key: nameKey(String(r.name)), amount: Number(r.amount), type: String(r.type) }));
}

/** The line's words as keys, so "JOSE" and "José" compare alike. */
const keyOf = (text: string) => nameKey(text.replace(/["“”]/g, ''));

describe('nothing is posted on a guess', () => {
  it(`when ${RUNS} generated lines meet generated books, then every post went to a customer whose whole name the line starts with (or a pressed button chose), with digits from the line, and the reply shows it`, async () => {
    let direct = 0;
    let pressed = 0;
    await fc.assert(
      fc.asyncProperty(book, lineOf, async (names, l) => {
        const chatId = (chats += 1);
        const token = await h.merchant(`p${chatId}`);
        const actor = await apiActor(h.services, token);
        for (const n of names) await h.services.customers.create(actor, { name: n });
        await h.send(`/link ${token}`, { chatId });
        const picked = names.length > 0 && l.fromBook < 7 ? (names[l.fromBook % names.length] ?? l.who) : l.who;
        const who = l.upper ? picked.toUpperCase() : picked;
        const text = `${l.command}${who} ${l.amount}${l.rest.length ? ` ${l.rest.join(' ')}` : ''}`;
        const calls = await h.send(text, { chatId });
        const afterLine = await postedFor(actor.ownerId);
        const where = `${JSON.stringify(names)} ${JSON.stringify(text)} -> ${JSON.stringify(texts(calls))}`;
        const lineKey = keyOf(text.replace(/^\/(credit|debit) /, ''));
        const digits = asciiDigits(text).replace(/[,\s]/g, '');
        for (const p of afterLine) {
          direct += 1;
          // (1) the customer's whole name, in the matching form, starts the line.
          expect(lineKey === p.key || lineKey.startsWith(`${p.key} `), `posted to ${p.name} on a guess: ${where}`).toBe(true);
          // (2) the amount's digits are written in the line.
          expect(digits, `amount ${p.amount} not in the line: ${where}`).toContain(String(Math.trunc(p.amount / 100)));
          // (3) the reply says what was posted.
          expect(texts(calls).join('\n'), where).toContain(`— ${p.name}`);
        }
        if (l.press && afterLine.length === 0) {
          const [first] = buttons(calls).filter((b) => b.text !== 'Cancel');
          if (first) {
            const more = await h.press(first.data, { chatId });
            const [gave] = buttons(more).filter((b) => b.text.startsWith('You gave'));
            const final = gave ? await h.press(gave.data, { chatId }) : more;
            const afterPress = await postedFor(actor.ownerId);
            for (const p of afterPress) {
              pressed += 1;
              expect(digits, `amount ${p.amount} not in the line: ${where}`).toContain(String(Math.trunc(p.amount / 100)));
              expect(texts(final).join('\n'), where).toContain(`— ${p.name}`);
            }
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.info(`meaning property: ${RUNS} lines, ${direct} posted directly, ${pressed} posted by a button`);
    expect(direct).toBeGreaterThan(0);
  }, 180_000);
});
