// The large-book case (issue 13): one merchant with 200,000 customers (bulk-loaded) beside a merchant
// with 10, on one server. It shows whether a big book slows the big merchant's own reads, holds up the
// small merchant, or grows the server's memory; then the bot's /summary and name matching on the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import { z } from 'zod';
import { createOfflineApi, offlineBotInfo } from '../bot/offline-api.js';
import { createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createRuntime } from '../src/runtime.js';
import { freePort, startNode, type Service } from './process.js';
import { postJson, REBUILD_MERCHANT_TOTALS } from './seed.js';
import { messageUpdates } from './updates.js';

export const LARGE_BOOK = 200_000;

export type LargeBookRow = { key: string; label: string; rps: number; p50: number; p99: number; rssMb: number; non2xx: number; errors: number };
export type BotRow = { key: string; label: string; perSecond: number; p50: number; p99: number; replied: string };
export type LargeBookResult = {
  customers: number;
  loadSeconds: number;
  idleRssMb: number;
  http: LargeBookRow[];
  /** The small merchant's summary, one connection, while the big merchant's summary runs at full load. */
  smallDuringBig: { p50: number; p99: number; rps: number };
  bot: BotRow[];
  botRssMb: { before: number; after: number };
};

const tokenBody = z.object({ token: z.string() });

/**
 * Customers straight into SQLite, in one transaction over a generated series: names `Customer 000002` …,
 * their name keys (ASCII, so lower() is the key), balances spread over both sides, and the merchant's
 * customer count set to match.
 */
function bulkLoadCustomers(file: string, ownerId: number, count: number): void {
  const db = new Sqlite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.transaction(() => {
      db.prepare(
        `insert into customers (owner_id, name, name_key, phone, address, archived, total_credit, total_debit, total_reversed, created_at, updated_at)
         with recursive seq(n) as (select 2 union all select n + 1 from seq where n + 1 <= ?)
         select ?, 'Customer ' || printf('%06d', n), 'customer ' || printf('%06d', n), '', '', 0,
                (n * 7919) % 100000 * 100, (n * 104729) % 100000 * 100, 0, 1609459200000 + n, 1609459200000 + n
         from seq`,
      ).run(count, ownerId);
      db.prepare('update users set customer_count = (select count(*) from customers where owner_id = ?) where id = ?').run(ownerId, ownerId);
      db.prepare(REBUILD_MERCHANT_TOTALS).run(firstCustomer(db, ownerId));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

const firstCustomer = (db: Sqlite.Database, ownerId: number) => {
  const row = z.object({ id: z.number() }).parse(db.prepare('select min(id) as id from customers where owner_id = ?').get(ownerId));
  return row.id;
};

type Target = { key: string; label: string; token: string; path: string };

async function drive(service: Service, t: Target, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url: `${service.url}${t.path}`, connections, duration: seconds, headers: { Authorization: `Token ${t.token}` } });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runLargeBookBench(options: {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  serverArgs: string[];
  serverEnv: (port: number, databaseUrl: string) => Record<string, string>;
  log: (line: string) => void;
}): Promise<LargeBookResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-large-book-'));
  const file = join(dir, 'large.db');
  const databaseUrl = `file:${file}`;
  let server: Service | null = null;
  try {
    // Both merchants and their first customers through the API, as a merchant would make them.
    const setupPort = await freePort();
    const setup = await startNode('large-book setup', ['--import', 'tsx', 'src/main.ts'], setupPort, options.serverEnv(setupPort, databaseUrl));
    let big: string;
    let small: string;
    try {
      big = tokenBody.parse(await postJson(setup.url, '/api/auth/register/', { username: 'big-book', password: 'bench-password' })).token;
      small = tokenBody.parse(await postJson(setup.url, '/api/auth/register/', { username: 'small-book', password: 'bench-password' })).token;
      await postJson(setup.url, '/api/customers/', { name: 'Customer 000001' }, big);
      for (let i = 1; i <= 10; i++) await postJson(setup.url, '/api/customers/', { name: `Small ${i}` }, small);
    } finally {
      await setup.stop();
    }
    const t0 = Date.now();
    bulkLoadCustomers(file, 1, LARGE_BOOK);
    const loadSeconds = (Date.now() - t0) / 1000;
    options.log(`large book: bulk-loaded ${LARGE_BOOK.toLocaleString('en-US')} customers in ${loadSeconds.toFixed(1)} s`);

    const port = await freePort();
    server = await startNode('large-book server', options.serverArgs, port, options.serverEnv(port, databaseUrl));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRssMb = server.peakRssMb();

    const targets: Target[] = [
      { key: 'summary-small', label: 'GET /api/summary/, 10 customers (mean of 2 runs, in turns)', token: small, path: '/api/summary/' },
      { key: 'summary-big', label: `GET /api/summary/, ${LARGE_BOOK.toLocaleString('en-US')} customers (mean of 2 runs, in turns)`, token: big, path: '/api/summary/' },
      { key: 'customers-big', label: 'GET /api/customers/ (first page of 100)', token: big, path: '/api/customers/' },
      { key: 'customers-big-far', label: 'GET /api/customers/ (a page after id 150,000)', token: big, path: '/api/customers/?limit=100&cursor=' + Buffer.from(JSON.stringify([150_000])).toString('base64url') },
      { key: 'search-big', label: 'GET /api/customers/?search=Customer 123456', token: big, path: `/api/customers/?search=${encodeURIComponent('Customer 123456')}` },
      { key: 'customer-big', label: 'GET /api/customers/123456/summary/', token: big, path: '/api/customers/123456/summary/' },
    ];
    const http: LargeBookRow[] = [];
    let smallDuringBig = { p50: 0, p99: 0, rps: 0 };
    const measureAlone = async (t: Target) => {
      await drive(service, t, options.warmupSeconds, options.connections);
      service.resetPeak();
      const r = await drive(service, t, options.seconds, options.connections);
      return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, rssMb: service.peakRssMb(), non2xx: r.non2xx, errors: r.errors + r.timeouts };
    };
    const service = server;
    for (const t of targets) {
      const check = await fetch(`${service.url}${t.path}`, { headers: { Authorization: `Token ${t.token}` } });
      if (check.status !== 200) throw new Error(`${t.key}: ${check.status} ${await check.text()}`);
    }
    // The two summaries are compared with each other: measured in turns, twice, and averaged, so neither
    // gains from going first or last.
    const rounds = new Map<string, Array<Awaited<ReturnType<typeof measureAlone>>>>();
    const [smallSide, bigSide] = targets;
    for (let round = 0; round < 2; round++) {
      for (const t of round === 0 ? [smallSide, bigSide] : [bigSide, smallSide]) {
        if (!t) continue;
        rounds.set(t.key, [...(rounds.get(t.key) ?? []), await measureAlone(t)]);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const t of targets) {
      const runs = rounds.get(t.key) ?? [await measureAlone(t)];
      const row = {
        key: t.key,
        label: t.label,
        rps: mean(runs.map((r) => r.rps)),
        p50: Math.max(...runs.map((r) => r.p50)),
        p99: Math.max(...runs.map((r) => r.p99)),
        rssMb: Math.max(...runs.map((r) => r.rssMb)),
        non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
        errors: runs.reduce((n, r) => n + r.errors, 0),
      };
      http.push(row);
      options.log(`large book: ${t.label}: ${Math.round(row.rps)} req/s, p50 ${row.p50} / p99 ${row.p99} ms, peak RSS ${Math.round(row.rssMb)} MB`);
    }
    // Does the big book hold up everyone else? The small merchant's summary, one request at a time,
    // while the big merchant's runs at full load (a run of its own, not part of the comparison above).
    if (smallSide && bigSide) {
      const [, beside] = await Promise.all([drive(service, bigSide, options.seconds, options.connections), drive(service, smallSide, options.seconds, 1)]);
      smallDuringBig = { p50: beside.latency.p50, p99: beside.latency.p99, rps: beside.requests.average };
    }
    await server.stop();
    server = null;

    const bot = await botOnLargeBook(databaseUrl, big, options);
    return { customers: LARGE_BOOK, loadSeconds, idleRssMb, http, smallDuringBig, bot: bot.rows, botRssMb: bot.rss };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bot in this process on the same file: each command from 16 chats, back to back, timed one by one. */
async function botOnLargeBook(databaseUrl: string, token: string, options: { seconds: number; warmupSeconds: number; log: (line: string) => void }) {
  const api = createOfflineApi({ botInfo: offlineBotInfo({ id: 4243, firstName: 'Mini Ledger', username: 'mini_ledger_large_bot', canJoinGroups: true }), record: false });
  const runtime = await createRuntime(createConfig({ DATABASE_URL: databaseUrl, BCRYPT_COST: '4', LOG_LEVEL: 'warn' }), { offlineBot: api, logger: createLogger('warn') });
  let lastReply = '';
  api.onCall((call) => {
    if (typeof call.payload.text === 'string') lastReply = call.payload.text;
  });
  const message = messageUpdates();
  const bot = runtime.bot;
  if (!bot) throw new Error('the runtime was built without its bot');
  const chats = Array.from({ length: 16 }, (_, i) => 7000 + i);
  const commands = [
    { key: 'bot-summary', label: '/summary (the whole book: totals and the largest balances)', text: '/summary' },
    { key: 'bot-summary-name', label: '/summary Customer 123456 (a name matched exactly)', text: '/summary Customer 123456' },
    { key: 'bot-summary-prefix', label: '/summary customer 12345 (a prefix of 11 names: the bot asks)', text: '/summary customer 12345' },
    { key: 'bot-summary-none', label: '/summary Nobody Here (no such name)', text: '/summary Nobody Here' },
    { key: 'bot-customers', label: '/customers (largest balances first, a page of 20)', text: '/customers' },
    { key: 'bot-customers-search', label: '/customers 12345 (names containing it, largest first)', text: '/customers 12345' },
  ];
  try {
    for (const chatId of chats) await bot.handleUpdate(message(chatId, `/link ${token}`));
    const rss = { before: process.memoryUsage().rss / 1048576, after: 0 };
    const rows: BotRow[] = [];
    for (const c of commands) {
      const run = async (seconds: number) => {
        const until = Date.now() + seconds * 1000;
        const times: number[] = [];
        const started = performance.now();
        await Promise.all(
          chats.map(async (chatId) => {
            while (Date.now() < until) {
              const t = performance.now();
              await bot.handleUpdate(message(chatId, c.text));
              times.push(performance.now() - t);
            }
          }),
        );
        return { times: times.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
      };
      await run(options.warmupSeconds);
      const { times, seconds } = await run(options.seconds);
      const row = { key: c.key, label: c.label, perSecond: times.length / seconds, p50: Math.round(percentile(times, 50) * 10) / 10, p99: Math.round(percentile(times, 99) * 10) / 10, replied: lastReply.split('\n')[0] ?? '' };
      rows.push(row);
      options.log(`large book: bot ${c.label}: ${Math.round(row.perSecond)} updates/s, p50 ${row.p50} / p99 ${row.p99} ms; replied "${row.replied}"`);
    }
    rss.after = process.memoryUsage().rss / 1048576;
    return { rows, rss };
  } finally {
    await runtime.stop();
  }
}
