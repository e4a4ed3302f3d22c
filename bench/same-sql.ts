// The statements the server runs for the two hot paths, written once for both comparison servers (the
// bare baseline and the framework floor), so each runs exactly the same SQL as ours.

const MAX_TOTAL = Number.MAX_SAFE_INTEGER;

export const SUMMARY_SQL = 'select total_credit, total_debit from customers where id = ? and owner_id = ? and archived = ?';

export const TOKEN_SQL = 'select t.id, t.user_id, t.last_used_at, u.username, u.currency from api_tokens t join users u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null';

export type PostStatement = { sql: string; params: unknown[]; expectRow?: true };

/** A credit of `amount` minor units to one customer, as the server posts it: its five statements in order. */
export function postStatements(o: { customerId: number; ownerId: number; tokenId: number; amount: number; note: string; date: string; now: number }): PostStatement[] {
  const { customerId, ownerId, tokenId, amount, note, date, now } = o;
  return [
    {
      sql: 'update customers set total_credit = total_credit + ?, updated_at = ? where id = ? and owner_id = ? and archived = ? and total_credit <= ? returning total_credit, total_debit, total_reversed, name',
      params: [amount, now, customerId, ownerId, 0, MAX_TOTAL - amount],
      expectRow: true,
    },
    {
      sql: `insert into merchant_totals (owner_id, customers, total_credit, total_debit, total_reversed, customers_owing, customers_owed, to_get, to_give)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (owner_id) do update set
           customers = merchant_totals.customers + excluded.customers,
           total_credit = merchant_totals.total_credit + excluded.total_credit,
           total_debit = merchant_totals.total_debit + excluded.total_debit,
           total_reversed = merchant_totals.total_reversed + excluded.total_reversed,
           customers_owing = merchant_totals.customers_owing + excluded.customers_owing,
           customers_owed = merchant_totals.customers_owed + excluded.customers_owed,
           to_get = merchant_totals.to_get + excluded.to_get,
           to_give = merchant_totals.to_give + excluded.to_give
         where merchant_totals.total_credit + excluded.total_credit <= ? and merchant_totals.total_debit + excluded.total_debit <= ?
         returning owner_id`,
      params: [ownerId, 0, amount, 0, 0, 0, 0, amount, 0, MAX_TOTAL, MAX_TOTAL],
      expectRow: true,
    },
    {
      sql: `insert into customer_days (customer_id, entry_date, entries, credit, debit, gave, got) values (?, ?, 1, ?, ?, ?, ?)
         on conflict (customer_id, entry_date) do update set entries = customer_days.entries + 1,
           credit = customer_days.credit + excluded.credit, debit = customer_days.debit + excluded.debit,
           gave = customer_days.gave + excluded.gave, got = customer_days.got + excluded.got`,
      params: [customerId, date, amount, 0, amount, 0],
    },
    {
      sql: `insert into ledger_entries (customer_id, type, amount, note, entry_date, created_at, reverses_id, channel, api_token_id, telegram_chat_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      params: [customerId, 'credit', amount, note, date, now, null, 'api', tokenId, null],
      expectRow: true,
    },
    {
      sql: `insert into notification_outbox (subscription_id, chat_id, payload, created_at, due_at)
         select id, chat_id, ?, ?, ? from customer_subscriptions where customer_id = ? and ended_at is null returning id`,
      params: ['{}', now, now, customerId],
    },
  ];
}

export const money = (n: number) => `${n < 0 ? '-' : ''}${Math.trunc(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
