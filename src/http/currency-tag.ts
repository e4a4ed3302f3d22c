import type { Response } from 'express';

// The amount fields of our answers: an object holding one of them gets the currency beside it.
const AMOUNT_KEYS = ['amount', 'balance', 'total_credit', 'opening_balance', 'to_get'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const holdsAmounts = (value: unknown): value is Record<string, unknown> => isRecord(value) && AMOUNT_KEYS.some((k) => k in value);

/** The answer with `currency` beside its amounts: the object itself, or each object of a list. */
export function withCurrency(body: unknown, currency: string): unknown {
  if (holdsAmounts(body)) return { ...body, currency };
  if (Array.isArray(body)) return body.map((item) => (holdsAmounts(item) ? { ...item, currency } : item));
  return body;
}

/** Names the merchant's currency in every JSON answer with amounts (never converting them). */
export function tagAmounts(res: Response, currency: string): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(withCurrency(body, currency));
}
