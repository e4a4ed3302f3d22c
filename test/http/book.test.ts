import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, harnessWithMerchants, manualClock, registerMerchant } from '../support/fixtures.js';
import { dumpDatabase, sqlCount, type Harness } from '../support/harness.js';
import { runVerify } from '../support/verify.js';

let h: Harness;
let shop: string;
let mallory: string;
const clock = manualClock(Date.parse('2026-11-30T10:00:00Z'));

beforeAll(async () => ({ h, tokens: { shop, mallory } } = await harnessWithMerchants(['shop', 'mallory'], { clock })));
afterAll(async () => h.close());

const importCsv = (token: string, csv: string, key?: string) => {
  const req = request(h.app).post('/api/import/').set(auth(token)).set('Content-Type', 'text/csv');
  return (key ? req.set('Idempotency-Key', key) : req).send(csv);
};

const HEADER = 'customer,phone,entry_date,type,amount,note';

describe('POST /api/import/ and GET /api/export/', () => {
  it('when a merchant exports, then imports the file into a new account, then the new book has the same customers, balances and entries', async () => {
    const alice = (await request(h.app).post('/api/customers/').set(auth(shop)).send({ name: 'Alice', phone: '+91 98000 11111' })).body.id;
    await request(h.app).post('/api/customers/').set(auth(shop)).send({ name: '=Nobody owes', phone: '' });
    for (const [type, amount, date, note] of [
      ['credit', '500', '2026-11-01', 'rice, "basmati"'],
      ['debit', '120.50', '2026-11-03', 'line one\nline two'],
      ['credit', '80', '2026-11-05', '@sum'],
    ]) {
      await request(h.app).post(`/api/customers/${alice}/entries/`).set(auth(shop)).send({ type, amount, entry_date: date, note });
    }
    const exported = await request(h.app).get('/api/export/').set(auth(shop));
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows: Record<string, string>[] = parse(exported.text, { columns: true });
    expect(rows.map((r) => [r.customer, r.type, r.amount, r.note])).toEqual([
      ['Alice', 'credit', '500.00', 'rice, "basmati"'],
      ['Alice', 'debit', '120.50', 'line one\nline two'],
      ['Alice', 'credit', '80.00', "'@sum"],
      ["'=Nobody owes", '', '', ''],
    ]);

    const copy = await registerMerchant(h.app, 'copy-shop');
    const imported = await importCsv(copy, exported.text);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ customers_created: 2, entries_imported: 3 });
    const customers = (await request(h.app).get('/api/customers/').set(auth(copy))).body;
    expect(customers.map((c: { name: string; phone: string; balance: string }) => [c.name, c.phone, c.balance])).toEqual([
      ['Alice', '+91 98000 11111', '459.50'],
      ['=Nobody owes', '', '0.00'],
    ]);
    const notes = (await request(h.app).get(`/api/customers/${customers[0].id}/entries/`).set(auth(copy))).body.map((e: { note: string }) => e.note);
    expect(notes).toEqual(['rice, "basmati"', 'line one\nline two', '@sum']);
  });

  it('when a file of 10,000 rows for 50 customers is imported, then every row is in the book, the totals agree, and npm run verify passes', async () => {
    const token = await registerMerchant(h.app, 'big-import');
    const lines = [HEADER];
    let expectedCents = 0;
    for (let i = 0; i < 10_000; i++) {
      const credit = i % 3 !== 0;
      const cents = 100 + (i % 997);
      expectedCents += credit ? cents : -cents;
      lines.push(`Customer ${i % 50},,2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')},${credit ? 'credit' : 'debit'},${(cents / 100).toFixed(2)},row ${i}`);
    }
    const res = await importCsv(token, lines.join('\r\n'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ customers_created: 50, entries_imported: 10_000 });
    const summary = (await request(h.app).get('/api/summary/').set(auth(token))).body;
    expect(summary.customer_count).toBe(50);
    expect(Math.round(Number(summary.balance) * 100)).toBe(expectedCents);
    const verified = await runVerify(h.databaseUrl);
    expect(verified.output).toContain('every total matches its entries');
    expect(verified.code).toBe(0);
  });

  it('when some rows are bad, then nothing is imported and every bad row is named with its field', async () => {
    const token = await registerMerchant(h.app, 'bad-import');
    const before = await dumpDatabase(h.db, ['customers', 'ledger_entries']);
    const csv = [HEADER, 'Alice,,2026-11-01,credit,500,ok', ',,2026-11-01,credit,5,no name', 'Bob,,2026-13-01,credit,5,bad date', 'Carol,,2026-11-01,lent,5,bad type', 'Dan,,2026-11-01,credit,12abc,bad amount', 'Erin,call me,2026-11-01,debit,5,bad phone'].join('\n');
    const res = await importCsv(token, csv);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'import_invalid', error: '5 rows cannot be imported; nothing was imported.' });
    expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'customer'],
      [4, 'entry_date'],
      [5, 'type'],
      [6, 'amount'],
      [7, 'phone'],
    ]);
    expect(await dumpDatabase(h.db, ['customers', 'ledger_entries'])).toBe(before);
  });

  it('when the header lacks a column, or the body is not CSV or too big, then 400, 415 and 413', async () => {
    const token = await registerMerchant(h.app, 'odd-import');
    const noAmount = await importCsv(token, 'customer,type,entry_date\nAlice,credit,2026-11-01');
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors).toEqual([{ row: 1, field: 'amount', error: expect.stringContaining('no "amount" column') }]);
    const json = await request(h.app).post('/api/import/').set(auth(token)).send({ customer: 'Alice' });
    expect(json.status).toBe(415);
    const big = await importCsv(token, `${HEADER}\n${'Alice,,2026-11-01,credit,1,'.padEnd(100, 'x')}\n`.repeat(110_000));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('when the same file is sent twice with one Idempotency-Key, then it is imported once and the second answer is the first one replayed', async () => {
    const token = await registerMerchant(h.app, 'twice-import');
    const csv = [HEADER, 'Alice,,2026-11-01,credit,500,', 'Alice,,2026-11-02,debit,100,'].join('\n');
    const first = await importCsv(token, csv, 'book-2026-11');
    const second = await importCsv(token, csv, 'book-2026-11');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    const [alice] = (await request(h.app).get('/api/customers/').set(auth(token))).body;
    expect(alice.balance).toBe('400.00');
    expect((await importCsv(token, `${csv}\nBob,,2026-11-03,credit,1,`, 'book-2026-11')).status).toBe(422);
  });

  it('when a row names a customer two of the merchant’s customers share, then the import stops and says so instead of guessing', async () => {
    const token = await registerMerchant(h.app, 'twins-import');
    for (let i = 0; i < 2; i++) await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Ram' });
    const res = await importCsv(token, [HEADER, 'ram,,2026-11-01,credit,5,'].join('\n'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ row: 2, field: 'customer', error: expect.stringContaining('2 customers are named') }]);
  });

  it("when a merchant exports, then another merchant's customers are never in the file", async () => {
    await request(h.app).post('/api/customers/').set(auth(mallory)).send({ name: 'Mallory secret' });
    const exported = await request(h.app).get('/api/export/').set(auth(shop));
    expect(exported.text).not.toContain('Mallory secret');
    expect(await sqlCount(h.db, "select count(*) as n from customers where name = 'Mallory secret'")).toBe(1);
  });
});
