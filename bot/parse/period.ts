import { asciiDigits } from './digits.js';
import { readDateToken } from './date.js';

/** A period a merchant typed after a name; either end may be left to the statement's defaults. */
export type Period = { startDate?: string; endDate?: string };

export type PeriodRead = { nameTokens: string[]; period: Period } | { invalidDate: string };

// "this month" / "last month", in every language the bot reads.
const THIS = new Set(['this', 'এই', 'इस']);
const LAST = new Set(['last', 'গত', 'पिछले', 'पिछला']);
const MONTH = new Set(['month', 'মাস', 'महीने', 'महीना', 'माह']);

const iso = (d: Date) => d.toISOString().slice(0, 10);

function month(today: string, back: number): Period {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const first = new Date(Date.UTC(y, m - 1 - back, 1));
  const last = new Date(Date.UTC(y, m - back, 0));
  return { startDate: iso(first), endDate: back === 0 ? today : iso(last) };
}

/**
 * Reads a period off the end of a command's words: `this month`, `last month`, or one or two dates
 * (from, to) in the forms entries take. What is left before it is the name (at least `nameWords` words
 * of it: none when the name was quoted).
 */
export function readPeriod(tokens: string[], today: string, nameWords = 1): PeriodRead {
  const [a, b] = [tokens.at(-2)?.toLowerCase(), tokens.at(-1)?.toLowerCase()];
  if (a && b && tokens.length >= nameWords + 2 && MONTH.has(b) && (THIS.has(a) || LAST.has(a))) return { nameTokens: tokens.slice(0, -2), period: month(today, THIS.has(a) ? 0 : 1) };
  const dates: string[] = [];
  let rest = tokens;
  while (dates.length < 2 && rest.length > nameWords) {
    const last = rest.at(-1) ?? '';
    const read = readDateToken(last, today);
    if (read.kind === 'invalid') return { invalidDate: read.token };
    if (read.kind === 'none') {
      // Something dated-looking that is not a date: say so, rather than read it as part of the name.
      if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(asciiDigits(last))) return { invalidDate: last };
      break;
    }
    dates.unshift(read.iso);
    rest = rest.slice(0, -1);
  }
  const [from, to] = dates;
  return { nameTokens: rest, period: { ...(from ? { startDate: from } : {}), ...(to ? { endDate: to } : {}) } };
}
