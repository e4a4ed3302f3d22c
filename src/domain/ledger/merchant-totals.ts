/** What one active customer adds to its merchant's totals; a change to the book is a difference of two. */
export type Contribution = {
  customers: number;
  credit: number;
  debit: number;
  reversed: number;
  owing: number;
  owed: number;
  toGet: number;
  toGive: number;
};

export type CustomerSums = { totalCredit: number; totalDebit: number; totalReversed: number };

export const NO_CUSTOMER: CustomerSums = { totalCredit: 0, totalDebit: 0, totalReversed: 0 };

export function contributionOf(c: CustomerSums): Contribution {
  const balance = c.totalCredit - c.totalDebit;
  return {
    customers: 1,
    credit: c.totalCredit,
    debit: c.totalDebit,
    reversed: c.totalReversed,
    owing: balance > 0 ? 1 : 0,
    owed: balance < 0 ? 1 : 0,
    toGet: Math.max(balance, 0),
    toGive: Math.max(-balance, 0),
  };
}

/** `after - before`, field by field (a customer added: before is null; archived: after is null). */
export function changeOf(before: CustomerSums | null, after: CustomerSums | null): Contribution {
  const a = after ? contributionOf(after) : null;
  const b = before ? contributionOf(before) : null;
  const diff = (k: keyof Contribution) => (a?.[k] ?? 0) - (b?.[k] ?? 0);
  return {
    customers: diff('customers'),
    credit: diff('credit'),
    debit: diff('debit'),
    reversed: diff('reversed'),
    owing: diff('owing'),
    owed: diff('owed'),
    toGet: diff('toGet'),
    toGive: diff('toGive'),
  };
}
