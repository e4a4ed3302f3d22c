import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, binaryBody, harnessWithMerchants, manualClock } from '../support/fixtures.js';
import { nextPath, type Harness } from '../support/harness.js';

let h: Harness;
let shop: string;
let mallory: string;
let alice: number;
const clock = manualClock(Date.parse('2026-11-30T10:00:00Z'));

beforeAll(async () => {
  ({ h, tokens: { shop, mallory } } = await harnessWithMerchants(['shop', 'mallory'], { clock }));
  const created = await request(h.app).post('/api/customers/').set(auth(shop)).send({ name: 'Alice Khan', phone: '+91 98000 11111' });
  alice = created.body.id;
  const post = (body: object) => request(h.app).post(`/api/customers/${alice}/entries/`).set(auth(shop)).send(body);
  await post({ type: 'credit', amount: '1000', entry_date: '2026-10-05', note: 'October rice' });
  await post({ type: 'credit', amount: '2500.50', entry_date: '2026-11-02', note: '=HYPERLINK("http://evil")' });
  const wrong = await post({ type: 'credit', amount: '999', entry_date: '2026-11-10', note: 'entered twice' });
  await request(h.app).post(`/api/customers/${alice}/entries/${wrong.body.id}/reverse/`).set(auth(shop)).send({});
  await post({ type: 'debit', amount: '1200', entry_date: '2026-11-20', note: '+cash, thanks' });
});
afterAll(async () => h.close());

describe('GET /api/customers/{id}/statement/', () => {
  it('when a merchant asks for November, then the opening balance is October, each entry has its running balance, and closing = opening + credit - debit', async () => {
    const res = await request(h.app).get(`/api/customers/${alice}/statement/?start_date=2026-11-01&end_date=2026-11-30`).set(auth(shop));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customer: { id: alice, name: 'Alice Khan', phone: '+91 98000 11111' },
      start_date: '2026-11-01',
      end_date: '2026-11-30',
      opening_balance: '1000.00',
      total_credit: '3499.50',
      total_debit: '2199.00',
      closing_balance: '2300.50',
    });
    expect(res.body.entries.map((e: { type: string; amount: string; balance: string; reverses: number | null; reversed_by: number | null }) => [e.type, e.amount, e.balance, e.reverses !== null, e.reversed_by !== null])).toEqual([
      ['credit', '2500.50', '3500.50', false, false],
      ['credit', '999.00', '4499.50', false, true],
      ['debit', '1200.00', '3299.50', false, false],
      ['debit', '999.00', '2300.50', true, false],
    ]);
    const summary = await request(h.app).get(`/api/customers/${alice}/summary/`).set(auth(shop));
    expect(res.body.closing_balance).toBe(summary.body.balance);
  });

  it('when no dates are given, then the statement runs from the first entry to today', async () => {
    const res = await request(h.app).get(`/api/customers/${alice}/statement/`).set(auth(shop));
    expect(res.body).toMatchObject({ start_date: '2026-10-05', end_date: '2026-11-30', opening_balance: '0.00', closing_balance: '2300.50' });
    expect(res.body.entries).toHaveLength(5);
  });

  it('when the period is paged, then every page keeps the whole period’s opening and closing, and the balances run on across pages', async () => {
    let path: string | null = `/api/customers/${alice}/statement/?limit=2`;
    const balances: string[] = [];
    while (path) {
      const res = await request(h.app).get(path).set(auth(shop));
      expect(res.body).toMatchObject({ opening_balance: '0.00', closing_balance: '2300.50' });
      balances.push(...res.body.entries.map((e: { balance: string }) => e.balance));
      path = nextPath(res.headers.link);
    }
    expect(balances).toEqual(['1000.00', '3500.50', '4499.50', '3299.50', '2300.50']);
  });

  it('when another merchant asks, or the dates are backwards, then 404 and 400', async () => {
    expect((await request(h.app).get(`/api/customers/${alice}/statement/`).set(auth(mallory))).status).toBe(404);
    expect((await request(h.app).get(`/api/customers/${alice}/statement/?format=csv`).set(auth(mallory))).status).toBe(404);
    const backwards = await request(h.app).get(`/api/customers/${alice}/statement/?start_date=2026-11-02&end_date=2026-11-01`).set(auth(shop));
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toHaveProperty('end_date');
  });

  it('when CSV is asked for (by ?format= or by Accept), then it parses back to the same entries with opening and closing rows, and a note cannot run as a formula', async () => {
    const json = (await request(h.app).get(`/api/customers/${alice}/statement/`).set(auth(shop))).body;
    for (const res of [
      await request(h.app).get(`/api/customers/${alice}/statement/?format=csv`).set(auth(shop)),
      await request(h.app).get(`/api/customers/${alice}/statement/`).set(auth(shop)).set('Accept', 'text/csv'),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="statement-Alice-Khan-2026-10-05-2026-11-30.csv"');
      const rows: Record<string, string>[] = parse(res.text, { columns: true });
      expect(rows[0]).toMatchObject({ type: 'opening', balance: '0.00' });
      expect(rows.at(-1)).toMatchObject({ type: 'closing', gave: '4499.50', got: '2199.00', balance: '2300.50' });
      const entries = rows.slice(1, -1);
      expect(entries.map((r) => [Number(r.entry_id), r.balance])).toEqual(json.entries.map((e: { id: number; balance: string }) => [e.id, e.balance]));
      expect(entries.map((r) => r.note)).toContain(`'=HYPERLINK("http://evil")`);
      expect(entries.map((r) => r.note)).toContain(`'+cash, thanks`);
    }
  });

  it('when a PDF is asked for, then it is a PDF that names the customer, every amount, the opening and closing balance, and "Page 1 of 1"', async () => {
    const res = await request(h.app).get(`/api/customers/${alice}/statement/?format=pdf&start_date=2026-11-01`).set(auth(shop)).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="statement-Alice-Khan-2026-11-01-2026-11-30.pdf"');
    const dir = mkdtempSync(join(tmpdir(), 'statement-pdf-'));
    try {
      const file = join(dir, 'statement.pdf');
      writeFileSync(file, res.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      for (const expected of ['shop', 'Alice Khan', '+91 98000 11111', '1,000.00', '2,500.50', '999.00', '1,200.00', '2,300.50', 'Page 1 of 1']) {
        expect(text).toContain(expected);
      }
      expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/customers/{id}/chart.png', () => {
  it('when the chart is asked for, then it is a PNG of the stated size that is not blank', async () => {
    const res = await request(h.app).get(`/api/customers/${alice}/chart.png`).set(auth(shop)).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(res.body);
    expect([png.width, png.height]).toEqual([1200, 600]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(5);
  });

  it('when the chart is asked for in Bengali, then it is drawn in Bengali (bn-BD too); an unknown language gets the English one', async () => {
    const chart = async (query: string) => {
      const res = await request(h.app).get(`/api/customers/${alice}/chart.png${query}`).set(auth(shop)).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      return Buffer.from(res.body);
    };
    const [english, bengali, bengaliBd, unknown] = await Promise.all([chart(''), chart('?lang=bn'), chart('?lang=bn-BD'), chart('?lang=fr')]);
    expect(bengali.equals(english)).toBe(false);
    expect(bengaliBd.equals(bengali)).toBe(true);
    expect(unknown.equals(english)).toBe(true);
  });

  it('when another merchant asks for the chart, then 404', async () => {
    expect((await request(h.app).get(`/api/customers/${alice}/chart.png`).set(auth(mallory))).status).toBe(404);
  });
});
