// The bare baseline: node:http + better-sqlite3 (the server's own driver), the same SQL as the API
// (bench/same-sql.ts) with no framework and no ORM: the ceiling the server is measured against.
// Usage: PORT=<port> node --import tsx bench/baseline.ts <sqlite file>
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { money, postStatements, SUMMARY_SQL, TOKEN_SQL } from './same-sql.js';

type Row = Record<string, unknown>;
const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000', 'foreign_keys = ON'];

const db = new Database(process.argv[2] ?? ':memory:');
for (const p of PRAGMAS) db.pragma(p);
// Statements prepared once, as the server's connection keeps them.
const statements = new Map<string, Database.Statement<unknown[], Row>>();
const statement = (sql: string) => {
  let st = statements.get(sql);
  if (!st) statements.set(sql, (st = db.prepare<unknown[], Row>(sql)));
  return st;
};
const rows = (sql: string, p: unknown[]): Row[] => {
  const st = statement(sql);
  return st.reader ? st.all(...p) : (st.run(...p), []);
};
const q = async (sql: string, p: unknown[]) => rows(sql, p);

const send = (res: ServerResponse, status: number, body: unknown) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
};

type Principal = { userId: number; tokenId: number };

// Tokens are looked up once per 5 s, as the server caches them.
const principals = new Map<string, { p: Principal; at: number }>();
async function principal(req: IncomingMessage): Promise<Principal | null> {
  const token = /^Token ([0-9a-f]{64})$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  const hash = createHash('sha256').update(token).digest('hex');
  const cached = principals.get(hash);
  if (cached && Date.now() - cached.at < 5_000) return cached.p;
  const [row] = rows(TOKEN_SQL, [hash]);
  if (!row) return null;
  if (Date.now() - Number(row.last_used_at ?? 0) >= 60_000) rows('update api_tokens set last_used_at = ? where id = ?', [Date.now(), row.id]);
  const p = { userId: Number(row.user_id), tokenId: Number(row.id) };
  principals.set(hash, { p, at: Date.now() });
  return p;
}

/** The entry POST: the server's five statements in one synchronous transaction. */
function post(res: ServerResponse, { userId, tokenId }: Principal, customerId: number, body: Row) {
  const m = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/.exec(String(body.amount));
  if (!m || body.type !== 'credit') return send(res, 400, { error: 'invalid input' });
  const amount = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const note = typeof body.note === 'string' ? body.note : '';
  const now = Date.now();
  const date = new Date(now).toISOString().slice(0, 10);
  let id = 0;
  statement('begin immediate').run();
  try {
    for (const st of postStatements({ customerId, ownerId: userId, tokenId, amount, note, date, now })) {
      const out = rows(st.sql, st.params);
      if (st.expectRow && out.length === 0) {
        statement('rollback').run();
        return send(res, 404, { error: 'Not found.' });
      }
      if (st.sql.includes('into ledger_entries')) id = Number(out[0]?.id);
    }
    statement('commit').run();
  } catch (error) {
    statement('rollback').run();
    throw error;
  }
  send(res, 201, { id, customer: customerId, type: 'credit', amount: money(amount), note, entry_date: date, created_at: new Date(now).toISOString(), reverses: null, channel: 'api' });
}

async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  const url = new URL(req.url ?? '/', 'http://x');
  const who = await principal(req);
  if (!who) return send(res, 401, { error: 'Invalid token.' });
  const { userId } = who;
  if (url.pathname === '/api/customers/') {
    const list = await q('select id, name, phone, address, total_credit, total_debit from customers where owner_id = ? and archived = 0 order by id limit 101', [userId]);
    return send(res, 200, list.slice(0, 100).map((c) => ({ id: c.id, name: c.name, phone: c.phone, address: c.address, total_credit: money(Number(c.total_credit)), total_debit: money(Number(c.total_debit)), balance: money(Number(c.total_credit) - Number(c.total_debit)) })));
  }
  const [, id, rest] = /^\/api\/customers\/(\d+)\/(summary|entries)\/$/.exec(url.pathname) ?? [];
  if (!id) return send(res, 404, { error: 'Not found.' });
  if (rest === 'entries' && req.method === 'POST') return post(res, who, Number(id), JSON.parse(raw));
  if (rest === 'summary') {
    const [c] = rows(SUMMARY_SQL, [Number(id), userId, 0]);
    if (!c) return send(res, 404, { error: 'Not found.' });
    return send(res, 200, { total_credit: money(Number(c.total_credit)), total_debit: money(Number(c.total_debit)), balance: money(Number(c.total_credit) - Number(c.total_debit)) });
  }
  const [c] = rows(SUMMARY_SQL, [Number(id), userId, 0]);
  if (!c) return send(res, 404, { error: 'Not found.' });
  const [credit, debit] = [Number(c.total_credit), Number(c.total_debit)];
  const from = url.searchParams.get('start_date') ?? '1900-01-01';
  const to = url.searchParams.get('end_date') ?? '9999-12-31';
  const page = await q('select * from ledger_entries where customer_id = ? and entry_date >= ? and entry_date <= ? order by entry_date, id limit 101', [Number(id), from, to]);
  send(res, 200, page.slice(0, 100).map((e) => ({ id: e.id, customer: e.customer_id, type: e.type, amount: money(Number(e.amount)), note: e.note, entry_date: e.entry_date, created_at: new Date(Number(e.created_at)).toISOString(), reverses: e.reverses_id ?? null, channel: e.channel })));
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
process.on('SIGTERM', () => server.close(() => {
  db.close();
  process.exit(0);
}));
