import { isoDate } from '../../src/domain/rules.js';
import { asciiDigits } from './digits.js';

/** Words for today and yesterday in every language the bot reads, whatever the chat's language. */
const TODAY = new Set(['today', 'আজ', 'आज']);
const YESTERDAY = new Set(['yesterday', 'গতকাল', 'कल']);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as merchants in South Asia write it: 01/02/2025 is the 1st of February.
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export type DateToken = { kind: 'date'; iso: string } | { kind: 'invalid'; token: string } | { kind: 'none' };

const pad = (n: string) => n.padStart(2, '0');

function checked(year: string, month: string, day: string, token: string): DateToken {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isoDate.safeParse(iso).success ? { kind: 'date', iso } : { kind: 'invalid', token };
}

/** Reads one token as an entry date; `today` is today's date (UTC) as YYYY-MM-DD. */
export function readDateToken(token: string, today: string): DateToken {
  const word = token.toLowerCase();
  if (TODAY.has(word)) return { kind: 'date', iso: today };
  if (YESTERDAY.has(word)) {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return { kind: 'date', iso: d.toISOString().slice(0, 10) };
  }
  const ascii = asciiDigits(token);
  const iso = ISO.exec(ascii);
  if (iso) return checked(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '', token);
  const dayFirst = DAY_FIRST.exec(ascii);
  if (dayFirst) return checked(dayFirst[3] ?? '', dayFirst[2] ?? '', dayFirst[1] ?? '', token);
  return { kind: 'none' };
}

