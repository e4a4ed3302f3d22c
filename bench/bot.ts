// The bot benchmark: `/credit` updates fed to bot.handleUpdate in this process, on a SQLite file,
// with a transformer answering the Bot API calls (nothing leaves the process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineApi, offlineBotInfo } from '../bot/offline-api.js';
import { createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createRuntime } from '../src/runtime.js';
import { messageUpdates } from './updates.js';

const BOT_INFO = offlineBotInfo({ id: 4242, firstName: 'Mini Ledger', username: 'mini_ledger_bench_bot', canJoinGroups: true });

export type BotResult = {
  chats: number;
  customers: number;
  seconds: number;
  updates: number;
  updatesPerSecond: number;
  /** This process's CPU time (user + system) over the updates: steadier than the rate on a shared machine. */
  cpuMicrosPerUpdate: number;
  /** Replies that said "Recorded": every update must have posted its entry. */
  recorded: number;
  totalsExact: boolean;
};

/** Runs `chats` chats in parallel (as the runner does), each sending `/credit Alice 5` back to back. */
export async function runBotBench(options: { chats: number; seconds: number; warmupSeconds: number }): Promise<BotResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-bot-bench-'));
  // Nothing kept: the benchmark only counts the replies.
  const api = createOfflineApi({ botInfo: BOT_INFO, record: false });
  const config = createConfig({ DATABASE_URL: `file:${join(dir, 'bot.db')}`, BCRYPT_COST: '4' });
  const runtime = await createRuntime(config, { offlineBot: api, logger: createLogger('warn') });
  const { services, db } = runtime;
  try {
    const bot = runtime.bot;
    if (!bot) throw new Error('the runtime was built without its bot');
    let recorded = 0;
    api.onCall((call) => {
      if (typeof call.payload.text === 'string' && call.payload.text.startsWith('Recorded')) recorded += 1;
    });

    const { token, userId } = await services.auth.register({ username: 'bot-bench', password: 'bench-password' });
    const principal = await services.auth.authenticate(token);
    const actor = { ownerId: userId, channel: 'api' as const, tokenId: principal.tokenId, chatId: null };
    const customers = 100;
    const alice = await services.customers.create(actor, { name: 'Alice' });
    for (let i = 2; i <= customers; i++) await services.customers.create(actor, { name: `Customer ${i}` });

    const message = messageUpdates();
    const chatIds = Array.from({ length: options.chats }, (_, i) => 9000 + i);
    for (const chatId of chatIds) await bot.handleUpdate(message(chatId, `/link ${token}`));

    const drive = async (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      let done = 0;
      await Promise.all(
        chatIds.map(async (chatId) => {
          while (Date.now() < until) {
            await bot.handleUpdate(message(chatId, '/credit Alice 5'));
            done += 1;
          }
        }),
      );
      return done;
    };
    await drive(options.warmupSeconds);
    recorded = 0;
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const updates = await drive(options.seconds);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const posted = await services.customers.get(actor, alice.id);
    const credits = await db.em
      .fork()
      .getConnection()
      .execute('select count(*) as n from ledger_entries where customer_id = ?', [alice.id]);
    const entryCount = Number(credits[0]?.n);
    return {
      chats: options.chats,
      customers,
      seconds,
      updates,
      updatesPerSecond: updates / seconds,
      cpuMicrosPerUpdate: (cpu.user + cpu.system) / updates,
      recorded,
      totalsExact: posted.totalCredit === entryCount * 500 && posted.totalDebit === 0,
    };
  } finally {
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
