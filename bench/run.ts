// `npm run bench`: the real server (as `npm start` runs it) beside the bare ceiling (node:http +
// better-sqlite3, bench/baseline.ts) and the framework floor (Express 5 + MikroORM, bench/floor.ts), same
// data, same SQL, same load; servers pinned to core 0 and the load generator to core 1 when there are
// two. Each row reports req/s and server CPU µs per request (process CPU over requests); the hot paths
// are measured in interleaved rounds and the medians kept. Prints the tables, writes
// bench/results.json and marks each target.
// Knobs: BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_ROUNDS (3), BENCH_CASES (comma list of case keys),
// BENCH_PROFILE=1 (our server runs with --cpu-prof into bench/profiles/), BENCH_BOT=0 (skip the bot
// benchmark), BENCH_NODE_FLAGS (extra node flags for our server, for experiments), BENCH_HTTP=0 (bot
// benchmark only), BENCH_DOCUMENTS=0 (skip the statement downloads), BENCH_LARGE_BOOK=0 (skip the
// 200,000-customer case), BENCH_LARGE_BOOK=only.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { runBotBench, type BotResult } from './bot.js';
import { runLargeBookBench, type LargeBookResult } from './large-book.js';
import { freePort, ROOT, startArgs, startNode, type Service } from './process.js';
import { bulkLoad, RANGE, seedThroughApi, type Fixture } from './seed.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const LARGE = 1_000_000;
// Two cores or more: the servers on core 0, this process (and autocannon in it) on core 1.
const PIN = cpus().length >= 2;
const SERVER_CPUS = PIN ? '0' : undefined;

// `oursOnly`: a path the bare baseline does not implement (measured on our server alone); `floor`: a hot
// path the framework floor implements too, measured in interleaved rounds on all three.
type Case = { key: string; label: string; method: 'GET' | 'POST'; path: string; body?: string; oursOnly?: true; floor?: true };
type Run = { rps: number; p50: number; p99: number; rssMb: number; requests: number; non2xx: number; errors: number; cpuUs: number };

function casesFor(f: Fixture): Case[] {
  const range = `?start_date=${RANGE.start}&end_date=${RANGE.end}`;
  return [
    { key: 'post', label: 'POST entry', method: 'POST', path: `/api/customers/${f.posting}/entries/`, body: JSON.stringify({ type: 'credit', amount: '12.50', note: 'bench' }), floor: true },
    { key: 'summary-10', label: 'GET summary, 10 entries', method: 'GET', path: `/api/customers/${f.small}/summary/`, floor: true },
    { key: 'summary-1m', label: 'GET summary, 1M entries', method: 'GET', path: `/api/customers/${f.large}/summary/`, floor: true },
    { key: 'entries-10', label: 'GET entries page (date range), 10 entries', method: 'GET', path: `/api/customers/${f.small}/entries/${range}` },
    { key: 'entries-1m', label: 'GET entries page (date range), 1M entries', method: 'GET', path: `/api/customers/${f.large}/entries/${range}` },
    { key: 'customers', label: `GET customers list (${f.customers})`, method: 'GET', path: '/api/customers/' },
    { key: 'statement-10', label: 'GET statement page (JSON), 10 entries', method: 'GET', path: `/api/customers/${f.small}/statement/${range}`, oursOnly: true },
    { key: 'statement-1m', label: 'GET statement page (JSON), 1M entries', method: 'GET', path: `/api/customers/${f.large}/statement/${range}`, oursOnly: true },
  ];
}

const headersFor = (f: Fixture, c: Case) => ({
  Authorization: `Token ${f.token}`,
  ...(c.body ? { 'Content-Type': 'application/json' } : {}),
});

async function load(service: Service, f: Fixture, c: Case, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${service.url}${c.path}`,
    method: c.method,
    connections,
    duration: seconds,
    headers: headersFor(f, c),
    ...(c.body ? { body: c.body } : {}),
  });
}

async function measure(service: Service, f: Fixture, c: Case, connections = CONNECTIONS): Promise<Run> {
  await load(service, f, c, WARMUP, connections);
  service.resetPeak();
  const cpuBefore = service.cpuMs();
  const r = await load(service, f, c, SECONDS, connections);
  const cpuMs = service.cpuMs() - cpuBefore;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rssMb: service.peakRssMb(),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuUs: r.requests.total > 0 ? (cpuMs * 1000) / r.requests.total : 0,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** The run whose CPU per request is the median of the rounds (its other figures with it). */
const medianRun = (runs: Run[]): Run => {
  const m = median(runs.map((r) => r.cpuUs));
  const run = runs.find((r) => r.cpuUs === m) ?? runs[0];
  if (!run) throw new Error('no rounds were run');
  return run;
};

/** The GET answers must be the same document from both servers, or the comparison means nothing. */
async function checkSameAnswers(ours: Service, base: Service, f: Fixture, cases: Case[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases.filter((x) => x.method === 'GET' && !x.oursOnly)) {
    const get = async (s: Service) => {
      const res = await fetch(`${s.url}${c.path}`, { headers: headersFor(f, c) });
      return { status: res.status, body: await res.json() };
    };
    const [a, b] = [await get(ours), await get(base)];
    if (a.status !== 200 || !isDeepStrictEqual(a, b)) problems.push(`${c.key}: ours ${a.status}, baseline ${b.status}, bodies ${isDeepStrictEqual(a.body, b.body) ? 'equal' : 'differ'}`);
  }
  return problems;
}

type DocumentRun = { label: string; entries: number; seconds: number; megabytes: number; peakRssMb: number };

/**
 * Whole statements downloaded one at a time from the 1M-entry customer (1,000 entries a day): CSV of
 * 10,000 entries, PDF of 10,000 and of 100,000; time to the last byte, size, and the server's peak RSS.
 */
async function measureDocuments(service: Service, f: Fixture): Promise<DocumentRun[]> {
  const runs: DocumentRun[] = [];
  for (const [label, format, days] of [
    ['statement CSV, 10,000 entries', 'csv', 10],
    ['statement PDF, 10,000 entries', 'pdf', 10],
    ['statement PDF, 100,000 entries', 'pdf', 100],
  ] as const) {
    const end = new Date(Date.parse('2021-01-01T00:00:00Z') + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    service.resetPeak();
    const started = performance.now();
    const res = await fetch(`${service.url}/api/customers/${f.large}/statement/?format=${format}&start_date=2021-01-01&end_date=${end}`, { headers: { Authorization: `Token ${f.token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    const seconds = (performance.now() - started) / 1000;
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.toString().slice(0, 200)}`);
    runs.push({ label, entries: days * 1000, seconds, megabytes: body.length / 1048576, peakRssMb: service.peakRssMb() });
    console.log(`${label}: ${seconds.toFixed(2)} s, ${(body.length / 1048576).toFixed(1)} MB, server peak RSS ${Math.round(service.peakRssMb())} MB`);
  }
  return runs;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  const load1 = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-bench-'));
  const oursDb = join(dir, 'ours.db');
  const baseDb = join(dir, 'baseline.db');
  const floorDb = join(dir, 'floor.db');
  const serverEnv = (port: number, databaseUrl = `file:${oursDb}`) => ({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    BCRYPT_COST: '4',
    // One token drives all 16 connections: the per-token limit (600 a minute) would answer 429s.
    RATE_LIMIT_API_PER_MIN: '1000000',
    RATE_LIMIT_AUTH_PER_MIN: '1000',
  });
  const profile = process.env.BENCH_PROFILE === '1';
  const profileDir = join(ROOT, 'bench', 'profiles');
  if (profile) mkdirSync(profileDir, { recursive: true });
  const extraFlags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  // As `npm start` runs it (node flags and the entry point), the experiment's flags after its own (the
  // later of two V8 flags wins, so an experiment can change npm start's heap caps).
  const start = startArgs();
  const entry = start.filter((a) => !a.startsWith('--'));
  const serverArgs = [...start.filter((a) => a.startsWith('--')), ...extraFlags, ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), ...entry];
  if (PIN) execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });

  let ours: Service | null = null;
  let base: Service | null = null;
  let floor: Service | null = null;
  try {
    const rows: Array<{ case: Case; ours: Run; base: Run | null; floor: Run | null }> = [];
    let documents: DocumentRun[] = [];
    let mismatches: string[] = [];
    let startup: { ms: number; rssMb: number } | null = null;
    const pageRows = new Map<string, number>();
    const largeOnly = process.env.BENCH_LARGE_BOOK === 'only';
    if (process.env.BENCH_HTTP !== '0' && !largeOnly) {
      console.log(`setup: migrating and seeding through the API in ${dir}`);
      const setupPort = await freePort();
      const setup = await startNode('setup server', ['--import', 'tsx', 'src/main.ts'], setupPort, serverEnv(setupPort));
      let fixture: Fixture;
      try {
        fixture = await seedThroughApi(setup.url);
      } finally {
        await setup.stop();
      }
      const t0 = Date.now();
      await bulkLoad(oursDb, fixture.large, LARGE);
      console.log(`setup: bulk-loaded ${fmt(LARGE)} entries in ${fmt((Date.now() - t0) / 1000, 1)} s`);
      copyFileSync(oursDb, baseDb);
      copyFileSync(oursDb, floorDb);

      const oursPort = await freePort();
      ours = await startNode('ours', serverArgs, oursPort, serverEnv(oursPort), SERVER_CPUS);
      ours.resetPeak();
      startup = { ms: ours.startupMs, rssMb: ours.peakRssMb() };
      console.log(`ours: first /healthz ${fmt(ours.startupMs)} ms after the spawn, RSS ${fmt(startup.rssMb)} MB`);
      const basePort = await freePort();
      base = await startNode('bare', ['--import', 'tsx', 'bench/baseline.ts', baseDb], basePort, { NODE_ENV: 'production', PORT: String(basePort) }, SERVER_CPUS);
      const floorPort = await freePort();
      floor = await startNode('floor', ['--import', 'tsx', 'bench/floor.ts', floorDb], floorPort, { NODE_ENV: 'production', PORT: String(floorPort) }, SERVER_CPUS);

      const wanted = process.env.BENCH_CASES?.split(',').map((s) => s.trim());
      const cases = casesFor(fixture).filter((c) => !wanted || wanted.includes(c.key));
      // How many rows each page answers (a page of the big book holds more than the 10 of the small one).
      for (const c of cases.filter((x) => x.key.startsWith('entries-') || x.key.startsWith('statement-'))) {
        const body: unknown = await (await fetch(`${ours.url}${c.path}`, { headers: headersFor(fixture, c) })).json();
        const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null && 'entries' in body && Array.isArray(body.entries) ? body.entries : [];
        pageRows.set(c.key, list.length);
      }
      mismatches = [...(await checkSameAnswers(ours, base, fixture, cases)), ...(await checkSameAnswers(ours, floor, fixture, cases.filter((c) => c.floor)))];
      for (const m of mismatches) console.log(`WARNING: answers differ: ${m}`);

      for (const c of cases) {
        let o: Run;
        let b: Run | null = null;
        let fl: Run | null = null;
        if (c.floor) {
          // Interleaved rounds, so a noisy moment on the machine falls on all three alike.
          const runs: Record<'ours' | 'base' | 'floor', Run[]> = { ours: [], base: [], floor: [] };
          for (let round = 0; round < ROUNDS; round++) {
            runs.base.push(await measure(base, fixture, c));
            runs.floor.push(await measure(floor, fixture, c));
            runs.ours.push(await measure(ours, fixture, c));
          }
          [o, b, fl] = [medianRun(runs.ours), medianRun(runs.base), medianRun(runs.floor)];
        } else {
          o = await measure(ours, fixture, c);
          b = c.oursOnly ? null : await measure(base, fixture, c);
        }
        rows.push({ case: c, ours: o, base: b, floor: fl });
        console.log(`${c.label}: ours ${fmt(o.rps)} req/s ${fmt(o.cpuUs)} µs (p99 ${o.p99} ms)${fl ? `, floor ${fmt(fl.rps)} req/s ${fmt(fl.cpuUs)} µs` : ''}${b ? `, bare ${fmt(b.rps)} req/s ${fmt(b.cpuUs)} µs` : ''}`);
        for (const [who, r] of [['ours', o], ['bare', b], ['floor', fl]] as const) {
          if (r && (r.non2xx || r.errors)) console.log(`WARNING: ${who} ${c.key}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        }
      }
      // Latency with no queue: one connection, so p99 is the request's own time, not 15 others' ahead of it.
      const page = cases.find((c) => c.key === 'entries-1m');
      if (page) {
        const one = { ...page, key: 'entries-1m-1conn', label: `${page.label}, 1 connection` };
        const o = await measure(ours, fixture, one, 1);
        const b = await measure(base, fixture, one, 1);
        rows.push({ case: one, ours: o, base: b, floor: null });
        console.log(`${one.label}: ours p99 ${o.p99} ms, bare p99 ${b.p99} ms`);
      }
      // One POST at a time: none arrives in the turn of another, so ours commits each entry alone, as
      // bare and floor always do (with 16 connections ours shares a commit among those of one turn).
      const post = cases.find((c) => c.key === 'post');
      if (post) {
        const one = { ...post, key: 'post-1conn', label: `${post.label}, 1 connection` };
        const b = await measure(base, fixture, one, 1);
        const fl = await measure(floor, fixture, one, 1);
        const o = await measure(ours, fixture, one, 1);
        rows.push({ case: one, ours: o, base: b, floor: fl });
        console.log(`${one.label}: ours ${fmt(o.rps)} req/s ${fmt(o.cpuUs)} µs, floor ${fmt(fl.rps)} req/s ${fmt(fl.cpuUs)} µs, bare ${fmt(b.rps)} req/s ${fmt(b.cpuUs)} µs`);
      }
      if (process.env.BENCH_DOCUMENTS !== '0') documents = await measureDocuments(ours, fixture);
      await ours.stop();
      ours = null;
      await base.stop();
      base = null;
      await floor.stop();
      floor = null;
    }

    let bot: BotResult | { skipped: string } = { skipped: largeOnly ? 'BENCH_LARGE_BOOK=only' : 'BENCH_BOT=0' };
    if (process.env.BENCH_BOT !== '0' && !largeOnly) {
      bot = await runBotBench({ chats: 16, seconds: SECONDS, warmupSeconds: WARMUP });
      console.log(`bot /credit: ${fmt(bot.updatesPerSecond)} updates/s, ${fmt(bot.cpuMicrosPerUpdate)} CPU µs each (${bot.updates} in ${fmt(bot.seconds, 1)} s, ${bot.chats} chats)`);
    }

    let largeBook: LargeBookResult | { skipped: string } = { skipped: 'BENCH_LARGE_BOOK=0' };
    if (process.env.BENCH_LARGE_BOOK !== '0') {
      largeBook = await runLargeBookBench({ seconds: SECONDS, warmupSeconds: WARMUP, connections: CONNECTIONS, serverArgs, serverEnv, log: (line) => console.log(line) });
    }

    const byKey = (key: string) => rows.find((r) => r.case.key === key);
    const targets: Array<{ target: string; value: string; met: boolean | null }> = [];
    const errorsIn = (...runs: Array<Run | null>) => runs.some((r) => r !== null && r.non2xx + r.errors > 0);
    // Server CPU per request, ours against the floor (at most 1.15x) and against bare (bare/ours at least a share).
    const floorTarget = (key: string, name: string) => {
      const r = byKey(key);
      if (!r?.floor) return;
      const ratio = r.ours.cpuUs / r.floor.cpuUs;
      targets.push({ target: `${name}: server CPU <= 1.15x the framework floor`, value: `${ratio.toFixed(2)}x (${fmt(r.ours.cpuUs)} vs ${fmt(r.floor.cpuUs)} µs)${errorsIn(r.ours, r.floor) ? ' (errors in the run)' : ''}`, met: errorsIn(r.ours, r.floor) ? null : ratio <= 1.15 });
    };
    const bareTarget = (key: string, name: string, goal: number) => {
      const r = byKey(key);
      if (!r?.base) return;
      const ratio = r.base.cpuUs / r.ours.cpuUs;
      targets.push({ target: `${name}: >= ${goal}x of bare (bare CPU / ours)`, value: `${ratio.toFixed(2)}x (${fmt(r.base.cpuUs)} vs ${fmt(r.ours.cpuUs)} µs)`, met: errorsIn(r.ours, r.base) ? null : ratio >= goal });
    };
    floorTarget('summary-10', 'GET summary');
    floorTarget('post', 'POST entry');
    bareTarget('summary-10', 'GET summary', 0.15);
    bareTarget('post', 'POST entry', 0.23);
    // Pages compare per row returned (the big book's page holds 100 rows, the small one's 10).
    const bigAgainstSmall = (bigKey: string, smallKey: string, name: string, perRow = false) => {
      const [big, small] = [byKey(bigKey), byKey(smallKey)];
      if (!big || !small) return;
      const rate = (key: string, r: Run) => r.rps * (perRow ? (pageRows.get(key) ?? 1) : 1);
      const ratio = rate(bigKey, big.ours) / rate(smallKey, small.ours);
      const unit = perRow ? ` rows/s (${pageRows.get(bigKey)} vs ${pageRows.get(smallKey)} rows a page)` : '';
      targets.push({ target: `${name} at 1M entries >= 0.9x at 10${perRow ? ', per row returned' : ''}`, value: `${ratio.toFixed(2)}x${unit}`, met: ratio >= 0.9 });
    };
    bigAgainstSmall('summary-1m', 'summary-10', 'summary');
    bigAgainstSmall('entries-1m', 'entries-10', 'entries page', true);
    bigAgainstSmall('statement-1m', 'statement-10', 'statement page', true);
    const e1mOne = byKey('entries-1m-1conn');
    if (e1mOne) targets.push({ target: 'entries page p99 < 10 ms at 1M (1 connection)', value: `${e1mOne.ours.p99} ms`, met: e1mOne.ours.p99 < 10 });
    const peak = Math.max(...rows.map((r) => r.ours.rssMb));
    if (rows.length) targets.push({ target: 'serving process peak RSS under load < 150 MB', value: `${fmt(peak)} MB`, met: peak < 150 });
    if (startup) targets.push({ target: 'first /healthz < 1.5 s after the start (up-to-date database)', value: `${fmt(startup.ms)} ms`, met: startup.ms < 1500 });
    targets.push(
      'skipped' in bot
        ? { target: 'bot /credit >= 2,000 updates/s', value: `not run (${bot.skipped})`, met: null }
        : { target: 'bot /credit >= 2,000 updates/s', value: `${fmt(bot.updatesPerSecond)}/s`, met: bot.updatesPerSecond >= 2000 && bot.totalsExact },
    );

    const load2 = loadavg();
    const cell = (r: Run | null) => (r ? `${fmt(r.rps)} / ${fmt(r.cpuUs)}` : '–');
    const table = [
      '| path | bare req/s / CPU µs | floor req/s / CPU µs | ours req/s / CPU µs | ours p50 / p99 ms | ours peak RSS MB | ours CPU / floor | bare CPU / ours |',
      '|---|--:|--:|--:|--:|--:|--:|--:|',
      ...rows.map(
        (r) =>
          `| ${r.case.label} | ${cell(r.base)} | ${cell(r.floor)} | ${cell(r.ours)} | ${r.ours.p50} / ${r.ours.p99} | ${fmt(r.ours.rssMb)} | ${r.floor ? `${(r.ours.cpuUs / r.floor.cpuUs).toFixed(2)}x` : '–'} | ${r.base ? `${(r.base.cpuUs / r.ours.cpuUs).toFixed(2)}x` : '–'} |`,
      ),
    ].join('\n');
    if (!('skipped' in largeBook)) {
      const big = largeBook.http.find((r) => r.key === 'summary-big');
      const small = largeBook.http.find((r) => r.key === 'summary-small');
      if (big && small) targets.push({ target: `overall summary at ${fmt(largeBook.customers)} customers >= 0.9x at 10`, value: `${(big.rps / small.rps).toFixed(2)}x`, met: big.rps >= 0.9 * small.rps });
      const peakBig = Math.max(...largeBook.http.map((r) => r.rssMb));
      targets.push({ target: 'peak RSS with the big book < 200 MB', value: `${fmt(peakBig)} MB (idle ${fmt(largeBook.idleRssMb)})`, met: peakBig < 200 });
    }
    const largeTable = 'skipped' in largeBook
      ? `large book: not run (${largeBook.skipped})`
      : [
          `One merchant with ${fmt(largeBook.customers)} customers (bulk-loaded in ${fmt(largeBook.loadSeconds, 1)} s) beside one with 10; server idle RSS ${fmt(largeBook.idleRssMb)} MB.`,
          '',
          '| path | req/s | p50 / p99 ms | peak RSS MB |',
          '|---|--:|--:|--:|',
          ...largeBook.http.map((r) => `| ${r.label} | ${fmt(r.rps)} | ${r.p50} / ${r.p99} | ${fmt(r.rssMb)} |`),
          `| the 10-customer merchant's summary, 1 connection, while the big one's runs at ${CONNECTIONS} | ${fmt(largeBook.smallDuringBig.rps)} | ${largeBook.smallDuringBig.p50} / ${largeBook.smallDuringBig.p99} | |`,
          '',
          '| bot command (16 chats, in-process) | updates/s | p50 / p99 ms | first line of the reply |',
          '|---|--:|--:|---|',
          ...largeBook.bot.map((r) => `| ${r.label} | ${fmt(r.perSecond)} | ${r.p50} / ${r.p99} | ${r.replied.replaceAll('|', '/')} |`),
          `bot process RSS ${fmt(largeBook.botRssMb.before)} MB before, ${fmt(largeBook.botRssMb.after)} MB after`,
        ].join('\n');
    const documentTable = documents.length
      ? ['| document (one download) | seconds | MB | server peak RSS MB |', '|---|--:|--:|--:|', ...documents.map((d) => `| ${d.label} | ${d.seconds.toFixed(2)} | ${d.megabytes.toFixed(1)} | ${fmt(d.peakRssMb)} |`)].join('\n')
      : '';
    const targetTable = [
      '| target | measured | met |',
      '|---|--:|---|',
      ...targets.map((t) => `| ${t.target} | ${t.value} | ${t.met === null ? 'n/a' : t.met ? 'yes' : 'NO'} |`),
    ].join('\n');
    const machine = `${PIN ? 'servers on core 0, load on core 1' : 'one core shared'}; ${ROUNDS} interleaved rounds for the hot paths; ${cpus().length} cores, Node ${process.version}, load average ${load1.map((l) => l.toFixed(2)).join(' ')} before, ${load2.map((l) => l.toFixed(2)).join(' ')} after`;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per path after a ${WARMUP} s warm-up; ${machine}\n\n${table}\n\n${documentTable}\n\n${largeTable}\n\n${targetTable}`);
    writeFileSync(
      join(ROOT, 'bench', 'results.json'),
      `${JSON.stringify({ date: new Date().toISOString(), startup, machine: { cores: cpus().length, node: process.version, loadBefore: load1, loadAfter: load2 }, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, mismatches, rows: rows.map((r) => ({ key: r.case.key, label: r.case.label, ours: r.ours, bare: r.base, floor: r.floor })), documents, largeBook, bot, targets }, null, 2)}\n`,
    );
    console.log('\nwrote bench/results.json');
  } finally {
    await ours?.stop();
    await base?.stop();
    await floor?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
