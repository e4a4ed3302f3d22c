/** What is owed, by how old the entries it comes from are (days before today). */
export type Ageing = { upTo30: number; from31To60: number; from61To90: number; over90: number };

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * First in, first out: payments settle the oldest entries first, so what is still owed is the newest
 * of them. `owed` (> 0) is covered by the days' amounts, newest first, each going to the bucket of its
 * age; should the days not cover it (they always do when the book is consistent), the rest is oldest.
 */
export function ageingOf(owed: number, newestFirst: Array<{ date: string; amount: number }>, today: string): Ageing {
  const out: Ageing = { upTo30: 0, from31To60: 0, from61To90: 0, over90: 0 };
  let left = owed;
  for (const d of newestFirst) {
    if (left <= 0) break;
    const part = Math.min(left, d.amount);
    const age = daysBetween(d.date, today);
    if (age <= 30) out.upTo30 += part;
    else if (age <= 60) out.from31To60 += part;
    else if (age <= 90) out.from61To90 += part;
    else out.over90 += part;
    left -= part;
  }
  if (left > 0) out.over90 += left;
  return out;
}
