import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, sqlCount, type Harness } from '../support/harness.js';
import { auth, harnessWithMerchants } from '../support/fixtures.js';

let h: Harness;
let token: string;

beforeAll(async () => ({ h, tokens: { 'busy-shop': token } } = await harnessWithMerchants(['busy-shop'])));
afterAll(async () => h.close());

describe('concurrent entry posts', () => {
  it('when 200 entries are posted at once over 5 customers, then every running total equals the sum of its entries', async () => {
    const customers: number[] = [];
    for (let i = 0; i < 5; i++) {
      customers.push((await request(h.app).post('/api/customers/').set(auth(token)).send({ name: `C${i}` })).body.id);
    }
    const server = await listen(h.app);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const customer = customers[i % 5];
          const res = await fetch(`${server.url}/api/customers/${customer}/entries/`, {
            method: 'POST',
            headers: { ...auth(token), 'Content-Type': 'application/json' },
            body: JSON.stringify({ type: i % 3 === 0 ? 'debit' : 'credit', amount: `${(i % 17) + 1}.${String(i % 100).padStart(2, '0')}` }),
          });
          return res.status;
        }),
      );
      expect(statuses.every((s) => s === 201)).toBe(true);
    } finally {
      await server.close();
    }
    const mismatches = await h.db.em.getConnection().execute(`
      select c.id from customers c
      where c.total_credit != coalesce((select sum(amount) from ledger_entries e where e.customer_id = c.id and e.type = 'credit'), 0)
         or c.total_debit != coalesce((select sum(amount) from ledger_entries e where e.customer_id = c.id and e.type = 'debit'), 0)`);
    expect(mismatches).toEqual([]);
    // The merchant's one-row book moved with every one of them.
    expect((await h.services.ledger.checkIntegrity()).merchantMismatches).toEqual([]);
    expect((await h.services.ledger.checkIntegrity()).dayMismatches).toEqual([]);
    expect(await sqlCount(h.db, 'select count(*) as n from ledger_entries')).toBe(200);
    // Exact decimal strings -> integer cents, never floats.
    const cents = (text: string) => BigInt(text.replace('.', ''));
    let sum = 0n;
    for (const id of customers) {
      sum += cents((await request(h.app).get(`/api/customers/${id}/summary/`).set(auth(token))).body.balance);
    }
    const all = (await request(h.app).get('/api/summary/').set(auth(token))).body;
    expect(cents(all.balance)).toBe(sum);
  });
});
