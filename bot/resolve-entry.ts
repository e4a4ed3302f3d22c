import type { Actor } from '../src/domain/actor.js';
import { nameKey } from '../src/domain/customers/name-key.js';
import type { Services } from '../src/domain/services.js';
import type { TranslationVariables } from '@grammyjs/i18n';
import { z } from 'zod';
import { customerNameRule, noteRule } from '../src/domain/rules.js';
import { parseInput } from '../src/domain/validate.js';
import { UsageError } from './errors.js';
import { readEntryLine, type Reading } from './parse/line.js';
import { clip } from './format.js';

/** Whom an entry goes to: a customer on the books, or one to add (re-checked when the button is pressed). */
export type EntryTarget = { customerId: number; name: string } | { create: string };

/** One reading of a chat line, ready to post. */
export type EntryOption = { target: EntryTarget; amount: number; date: string | null; note: string };

export type Resolution =
  | { kind: 'post'; option: EntryOption }
  /** More than one reading is possible, or the name is not on the books: ask, post nothing. */
  | { kind: 'ask'; options: EntryOption[]; question: Question };

/** What the bot asks, as a message key of bot/locales and its variables. */
export type Question = { key: string; vars: TranslationVariables };

export const MAX_OPTIONS = 8;
const PREFIX_CANDIDATES = 5;

const noteField = z.object({ note: noteRule });
const nameField = z.object({ name: customerNameRule });

/** A name the customer rules accept: only those are offered as "Add …". */
const addable = (name: string) => customerNameRule.safeParse(name).success;

const option = (target: EntryTarget, r: Reading): EntryOption => ({ target, amount: r.amount, date: r.date, note: r.note });

/** Same target, amount, date and note: one button, not two. */
const sameOption = (a: EntryOption, b: EntryOption) =>
  JSON.stringify([a.target, a.amount, a.date, a.note]) === JSON.stringify([b.target, b.amount, b.date, b.note]);

function distinct(options: EntryOption[]): EntryOption[] {
  const out: EntryOption[] = [];
  for (const o of options) if (!out.some((x) => sameOption(x, o))) out.push(o);
  return out.slice(0, MAX_OPTIONS);
}

/**
 * Money is never posted on a guess. A line posts directly only when it has exactly one reading: the
 * longest customer name that the line starts with, written out exactly (in the matching form), one
 * customer of that name, one way to read the amount, and no number left at the start of the note
 * that could belong to the name or the amount. Anything else is asked, with a button per reading.
 */
export async function resolveEntry(services: Services, actor: Actor, text: string, today: string, usageKey: string): Promise<Resolution> {
  const line = readEntryLine(text, today);
  if (line.readings.length === 0) {
    if (line.invalidDate) throw new UsageError('not-a-date', { token: clip(line.invalidDate, 40) });
    if (line.invalidAmount) throw new UsageError('not-an-amount', { token: clip(line.invalidAmount, 40) });
    throw new UsageError(usageKey);
  }
  // Chat text is untrusted: a note a question would store, or a name it would offer, is checked first.
  for (const r of line.readings) parseInput(noteField, { note: r.note });
  const found = await services.customers.withNames(actor, line.readings.map((r) => r.name));
  const customersOf = (r: Reading) => found.get(nameKey(r.name)) ?? [];
  const exact = line.readings.filter((r) => customersOf(r).length > 0);

  if (exact.length > 0) {
    const longest = Math.max(...exact.map((r) => r.nameWords));
    const top = exact.filter((r) => r.nameWords === longest);
    const [only] = top;
    const customers = only ? customersOf(only) : [];
    const [customer] = customers;
    if (only && customer && top.length === 1 && customers.length === 1 && !only.numberInNote) {
      return { kind: 'post', option: option({ customerId: customer.id, name: customer.name }, only) };
    }
    const onBooks = top.flatMap((r) => customersOf(r).map((c) => option({ customerId: c.id, name: c.name }, r)));
    const longer = line.readings.filter((r) => r.nameWords > longest && addable(r.name)).map((r) => option({ create: r.name }, r));
    const question: Question =
      customers.length > 1 ? { key: 'ask-same-name', vars: { name: clip(customer?.name ?? '', 60) } } : { key: 'ask-line-reads-two-ways', vars: {} };
    return { kind: 'ask', options: distinct([...onBooks, ...longer]), question };
  }

  // No name on the books is written out exactly: offer the customers whose names start with what was
  // typed, and adding a new one — for every way the line reads.
  const options: EntryOption[] = [];
  for (const r of [...line.readings].sort((a, b) => a.nameWords - b.nameWords)) {
    for (const c of await services.customers.startingWith(actor, r.name, PREFIX_CANDIDATES)) options.push(option({ customerId: c.id, name: c.name }, r));
  }
  for (const r of line.readings) if (addable(r.name)) options.push(option({ create: r.name }, r));
  const names = [...new Set(line.readings.map((r) => `"${clip(r.name, 60)}"`))].join(' / ');
  if (options.length === 0) {
    // Nothing to offer: say what is wrong with the name (a control character, too long …).
    for (const r of line.readings) parseInput(nameField, { name: r.name });
    throw new UsageError(usageKey);
  }
  return { kind: 'ask', options: distinct(options), question: { key: 'ask-no-such-customer', vars: { names } } };
}
