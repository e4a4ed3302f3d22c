// The framework floor: the least an Express 5 + MikroORM server of this design does for the same two
// hot paths — helmet, a no-store header, a JSON-only check, a request-context fork, token auth with a
// 5 s cache, a per-token counter, the JSON body parser, zod on the input, and the same SQL
// (bench/same-sql.ts) through the ORM's connection, the POST in one ORM transaction. What the server
// spends beyond this is ours to win back. Usage: PORT=<port> node --import tsx bench/floor.ts <sqlite file>
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import { z } from 'zod';
import { openDatabase } from '../src/db/orm.js';
import { currentEm, type EntityManager } from '../src/db/sql.js';
import { inUnitOfWork } from '../src/db/unit-of-work.js';
import { money, postStatements, SUMMARY_SQL, TOKEN_SQL } from './same-sql.js';

const db = await openDatabase({ databaseUrl: `file:${process.argv[2] ?? ':memory:'}`, sqliteBusyTimeoutMs: 5000, poolSize: 1, statementTimeoutMs: 0 });
const requestIds = new AsyncLocalStorage<number>();
let nextId = 0;

const rowsOf = (result: unknown): Record<string, unknown>[] => (Array.isArray(result) ? result : []);
const run = async (em: EntityManager, sql: string, params: unknown[]) => {
  const runner = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  return rowsOf(await runner.raw(sql, params as Knex.RawBinding[]));
};
const em = () => currentEm(db.em);

type Principal = { userId: number; tokenId: number };
const principals = new Map<string, { p: Principal; at: number }>();
const counts = new Map<string, number>();

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use((req, res, next) => requestIds.run(++nextId, next));
app.use('/api', (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
});
app.use((req, res, next) => (req.method === 'POST' && !req.is('application/json') ? res.status(415).json({ error: 'json only' }) : next()));
// A request-context fork made up front, as MikroORM's RequestContext.create makes it; through the
// server's unit of work, since the ORM options point the context there (the server makes it lazily).
app.use((_req, _res, next) =>
  inUnitOfWork(db.em, () => {
    currentEm(db.em);
    next();
  }),
);
app.use('/api', async (req: Request, res: Response, next: NextFunction) => {
  const token = /^Token\s+([0-9a-f]{64})\s*$/i.exec(req.get('Authorization') ?? '')?.[1];
  if (!token) return void res.status(401).json({ error: 'Invalid token.' });
  const hash = createHash('sha256').update(token).digest('hex');
  let cached = principals.get(hash);
  if (!cached || Date.now() - cached.at >= 5_000) {
    const [row] = await run(em(), TOKEN_SQL, [hash]);
    if (!row) return void res.status(401).json({ error: 'Invalid token.' });
    cached = { p: { userId: Number(row.user_id), tokenId: Number(row.id) }, at: Date.now() };
    principals.set(hash, cached);
  }
  res.locals.principal = cached.p;
  counts.set(hash, (counts.get(hash) ?? 0) + 1);
  next();
});
app.use(express.json({ limit: 65536 }));

const idParam = z.coerce.number().int().positive();
const entryBody = z.object({ type: z.literal('credit'), amount: z.string().regex(/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/), note: z.string().max(500).default('') });
const principalOf = (res: Response) => z.object({ userId: z.number(), tokenId: z.number() }).parse(res.locals.principal);

app.get('/api/customers/:id/summary/', async (req, res) => {
  const id = idParam.parse(req.params.id);
  const [c] = await run(em(), SUMMARY_SQL, [id, principalOf(res).userId, 0]);
  if (!c) return void res.status(404).json({ error: 'Not found.' });
  const [credit, debit] = [Number(c.total_credit), Number(c.total_debit)];
  res.json({ total_credit: money(credit), total_debit: money(debit), balance: money(credit - debit) });
});

app.post('/api/customers/:id/entries/', async (req, res) => {
  const id = idParam.parse(req.params.id);
  const body = entryBody.parse(req.body);
  const [whole = '0', cents = ''] = body.amount.split('.');
  const amount = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  const { userId, tokenId } = principalOf(res);
  const now = Date.now();
  const date = new Date(now).toISOString().slice(0, 10);
  const entryId = await em().transactional(async (tem) => {
    let inserted = 0;
    for (const st of postStatements({ customerId: id, ownerId: userId, tokenId, amount, note: body.note, date, now })) {
      const out = await run(tem, st.sql, st.params);
      if (st.expectRow && out.length === 0) return null;
      if (st.sql.includes('into ledger_entries')) inserted = Number(out[0]?.id);
    }
    return inserted;
  });
  if (entryId === null) return void res.status(404).json({ error: 'Not found.' });
  res.status(201).json({ id: entryId, customer: id, type: 'credit', amount: money(amount), note: body.note, entry_date: date, created_at: new Date(now).toISOString(), reverses: null, channel: 'api' });
});

app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
