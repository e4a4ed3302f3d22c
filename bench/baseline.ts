// The bare baseline: node:http + a SQLite driver, the same work as the API with no framework and no
// ORM. BASELINE_DRIVER=sqlite3 (default: the async driver @mikro-orm/sqlite uses) or better-sqlite3
// (the one the server uses). Usage: PORT=<port> node --import tsx bench/baseline.ts <sqlite file>
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import sqlite3 from 'sqlite3';

type Row = Record<string, unknown>;
type Driver = {
  all(sql: string, p: unknown[]): Promise<Row[]>;
  run(sql: string, p?: unknown[]): Promise<{ lastID: number; changes: number }>;
  close(done: () => void): void;
};
const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000', 'foreign_keys = ON'];

function openSqlite3(file: string): Driver {
  const db = new sqlite3.Database(file);
  db.exec(PRAGMAS.map((p) => `PRAGMA ${p}`).join('; '));
  return {
    all: (sql, p) => new Promise((ok, fail) => db.all<Row>(sql, p, (e, rows) => (e ? fail(e) : ok(rows)))),
    run: (sql, p = []) =>
      new Promise((ok, fail) =>
        db.run(sql, p, function (e) { e ? fail(e) : ok({ lastID: this.lastID, changes: this.changes }); })),
    close: (done) => db.close(() => done()),
  };
}

function openBetterSqlite3(file: string): Driver {
  const db = new Database(file);
  for (const p of PRAGMAS) db.pragma(p);
  // Statements prepared once, as the server's connection keeps them.
  const statements = new Map<string, Database.Statement<unknown[], Row>>();
  const statement = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare<unknown[], Row>(sql)));
    return st;
  };
  return {
    all: async (sql, p) => {
      const st = statement(sql);
      // sqlite3's all() also runs writes; better-sqlite3's refuses statements that return no rows.
      if (st.reader) return st.all(...p);
      st.run(...p);
      return [];
    },
    run: async (sql, p = []) => {
      const r = statement(sql).run(...p);
      return { lastID: Number(r.lastInsertRowid), changes: r.changes };
    },
    close: (done) => { db.close(); done(); },
  };
}

const file = process.argv[2] ?? ':memory:';
const driver = process.env.BASELINE_DRIVER === 'better-sqlite3' ? openBetterSqlite3(file) : openSqlite3(file);
const { all, run } = driver;

// One connection, as MikroORM's SQLite pool: a transaction holds it, a read takes it per statement.
let busy = false;
const waiting: Array<() => void> = [];
const acquire = () => (busy ? new Promise<void>((r) => waiting.push(r)) : ((busy = true), Promise.resolve()));
const release = () => (waiting.length ? waiting.shift()?.() : (busy = false));
async function q(sql: string, p: unknown[]) { await acquire(); try { return await all(sql, p); } finally { release(); } }

const money = (n: number) => `${n < 0 ? '-' : ''}${Math.trunc(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
const send = (res: ServerResponse, status: number, body: unknown) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
};

type Principal = { userId: number; tokenId: number };

async function principal(req: IncomingMessage): Promise<Principal | null> {
  const token = /^Token ([0-9a-f]{64})$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  const hash = createHash('sha256').update(token).digest('hex');
  const [row] = await q('select id, user_id, last_used_at from api_tokens where token_hash = ? and revoked_at is null', [hash]);
  if (!row) return null;
  if (Date.now() - Number(row.last_used_at ?? 0) >= 60_000) await q('update api_tokens set last_used_at = ? where id = ?', [Date.now(), row.id]);
  return { userId: Number(row.user_id), tokenId: Number(row.id) };
}

async function post(res: ServerResponse, { userId, tokenId }: Principal, customerId: number, body: Row) {
  const m = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/.exec(String(body.amount));
  const type = body.type;
  if (!m || (type !== 'credit' && type !== 'debit')) return send(res, 400, { error: 'invalid input' });
  const amount = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const note = typeof body.note === 'string' ? body.note : '';
  const column = type === 'credit' ? 'total_credit' : 'total_debit';
  const now = Date.now();
  const date = new Date(now).toISOString().slice(0, 10);
  await acquire();
  try {
    await run('begin immediate');
    try {
      const up = await run(`update customers set ${column} = ${column} + ?, updated_at = ? where id = ? and owner_id = ? and archived = 0`, [amount, now, customerId, userId]);
      if (up.changes === 0) { await run('rollback'); return send(res, 404, { error: 'Not found.' }); }
      const { lastID } = await run(`insert into ledger_entries (customer_id, type, amount, note, entry_date, created_at, channel, api_token_id) values (?, ?, ?, ?, ?, ?, 'api', ?)`, [customerId, type, amount, note, date, now, tokenId]);
      await all('select total_credit, total_debit from customers where id = ?', [customerId]);
      await run('commit');
      send(res, 201, { id: lastID, customer: customerId, type, amount: money(amount), note, entry_date: date, created_at: new Date(now).toISOString(), reverses: null, channel: 'api' });
    } catch (error) { await run('rollback'); throw error; }
  } finally { release(); }
}

async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  const url = new URL(req.url ?? '/', 'http://x');
  const who = await principal(req);
  if (!who) return send(res, 401, { error: 'Invalid token.' });
  const { userId } = who;
  if (url.pathname === '/api/customers/') {
    const rows = await q('select id, name, phone, address, total_credit, total_debit from customers where owner_id = ? and archived = 0 order by id limit 101', [userId]);
    return send(res, 200, rows.slice(0, 100).map((c) => ({ id: c.id, name: c.name, phone: c.phone, address: c.address, total_credit: money(Number(c.total_credit)), total_debit: money(Number(c.total_debit)), balance: money(Number(c.total_credit) - Number(c.total_debit)) })));
  }
  const [, id, rest] = /^\/api\/customers\/(\d+)\/(summary|entries)\/$/.exec(url.pathname) ?? [];
  if (!id) return send(res, 404, { error: 'Not found.' });
  if (rest === 'entries' && req.method === 'POST') return post(res, who, Number(id), JSON.parse(raw));
  const [c] = await q('select total_credit, total_debit from customers where id = ? and owner_id = ? and archived = 0', [Number(id), userId]);
  if (!c) return send(res, 404, { error: 'Not found.' });
  const [credit, debit] = [Number(c.total_credit), Number(c.total_debit)];
  if (rest === 'summary') return send(res, 200, { total_credit: money(credit), total_debit: money(debit), balance: money(credit - debit) });
  const from = url.searchParams.get('start_date') ?? '1900-01-01';
  const to = url.searchParams.get('end_date') ?? '9999-12-31';
  const rows = await q('select * from ledger_entries where customer_id = ? and entry_date >= ? and entry_date <= ? order by entry_date, id limit 101', [Number(id), from, to]);
  send(res, 200, rows.slice(0, 100).map((e) => ({ id: e.id, customer: e.customer_id, type: e.type, amount: money(Number(e.amount)), note: e.note, entry_date: e.entry_date, created_at: new Date(Number(e.created_at)).toISOString(), reverses: e.reverses_id ?? null, channel: e.channel })));
}

const server = createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (raw += chunk));
  req.on('end', () => handle(req, res, raw).catch((error: unknown) => { console.error(error); send(res, 500, { error: 'internal' }); }));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => driver.close(() => process.exit(0))));
