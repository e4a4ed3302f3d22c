// `npm run chat`: plays a private chat with the real bot object on the configured database, without
// Telegram. Like main.ts it is an entry point, so it reads the environment.
import { createInterface } from 'node:readline';
import type { Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { ConfigError, createConfig } from '../src/config.js';
import { openDatabase } from '../src/db/orm.js';
import { systemClock } from '../src/domain/clock.js';
import { createServices } from '../src/domain/services.js';
import { createLogger } from '../src/logger.js';
import { createBot } from './create-bot.js';
import { offlineBotInfo } from './offline-bot-info.js';

const CHAT_ID = 1;
const BOT_INFO = offlineBotInfo({ id: 1, firstName: 'Mini Ledger (console)', username: 'mini_ledger_console_bot', canJoinGroups: false });

const outgoing = z.object({
  text: z.string().optional(),
  message_id: z.number().optional(),
  reply_markup: z
    .object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string() }))) })
    .optional(),
});

async function main(): Promise<void> {
  const config = createConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs });
  await db.migrate();
  const services = createServices({ em: db.em, clock: systemClock, bcryptCost: config.bcryptCost });
  const bot = createBot({
    services,
    em: db.em,
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    config: { token: '1:console', botInfo: BOT_INFO },
  });

  // Update ids from the clock: a later session never repeats an id the de-duplication has seen.
  let updateId = Date.now();
  let messageId = 1;
  let choices: string[] = [];

  // Stands in for Telegram: prints what the bot sends and numbers its buttons.
  const console_: Transformer = async (_prev, method, payload) => {
    const body = outgoing.parse(payload ?? {});
    if (method === 'sendMessage' || method === 'editMessageText') {
      process.stdout.write(`\nbot${method === 'editMessageText' ? ' (edited)' : ''}> ${body.text ?? ''}\n`);
      const rows = body.reply_markup?.inline_keyboard.flat() ?? [];
      choices = rows.map((b) => b.callback_data);
      if (rows.length > 0) process.stdout.write(`${rows.map((b, i) => `  [${i + 1}] ${b.text}`).join('\n')}\n`);
    } else if (method === 'deleteMessage') {
      process.stdout.write('(the bot deleted your message)\n');
    }
    const result = method === 'sendMessage' ? { message_id: ++messageId, date: 0, chat: { id: CHAT_ID, type: 'private' }, text: body.text } : true;
    // The transformer must return each method's own result type; this stand-in answers all methods alike.
    return { ok: true, result } as never;
  };
  bot.api.config.use(console_);

  const me = { id: CHAT_ID, is_bot: false, first_name: 'You' };
  const chat = { id: CHAT_ID, type: 'private' as const, first_name: 'You' };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write('Mini Ledger chat console. Type commands as in Telegram (/help); a number presses a button; Ctrl-D quits.\n');
  const prompt = () => process.stdout.write('\nyou> ');
  prompt();
  try {
    // The async iterator buffers lines, so piped input (a script of commands) works as typing does.
    for await (const raw of rl) {
      const line = raw.trim();
      if (!line) {
        prompt();
        continue;
      }
      const pressed = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
      const update: Update = pressed
        ? { update_id: ++updateId, callback_query: { id: String(updateId), from: me, chat_instance: 'console', data: pressed, message: { message_id: messageId, date: 0, chat, text: '' } } }
        : {
            update_id: ++updateId,
            message: {
              message_id: ++messageId,
              date: Math.floor(Date.now() / 1000),
              chat,
              from: me,
              text: line,
              ...(line.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: line.split(/\s/)[0]?.length ?? 1 }] } : {}),
            },
          };
      await bot.handleUpdate(update);
      prompt();
    }
  } finally {
    rl.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `chat failed: ${String(error)}\n`);
  process.exit(1);
});
