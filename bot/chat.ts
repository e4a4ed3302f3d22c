// `npm run chat`: plays a private chat with the real bot on the configured database, without
// Telegram. Like main.ts it is an entry point, so it reads the environment.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { ConfigError, createConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createRuntime } from '../src/runtime.js';
import { createOfflineApi, offlineBotInfo, type OfflineCall } from './offline-api.js';

const CHAT_ID = 1;

const keyboard = z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))) });

async function main(): Promise<void> {
  const config = createConfig(process.env);
  const api = createOfflineApi({
    botInfo: offlineBotInfo({ id: 1, firstName: 'Mini Ledger (console)', username: 'mini_ledger_console_bot', canJoinGroups: false }),
  });
  const runtime = await createRuntime(
    { ...config, redisUrl: null, telegram: { mode: 'off' } },
    { offlineBot: api, logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) },
  );
  const bot = runtime.bot;
  if (!bot) throw new Error('the console chat needs the bot');

  // Update and message ids from the clock: a later session never repeats an id that the update
  // de-duplication or a message's idempotency key has seen.
  let updateId = Date.now();
  let messageId = Date.now();
  let choices: string[] = [];
  // Files the bot sends (statements, charts, the book) go to a folder of their own, said at the start.
  const filesDir = process.env.CHAT_FILES_DIR ?? mkdtempSync(join(tmpdir(), 'mini-ledger-chat-'));
  mkdirSync(filesDir, { recursive: true });
  let saved = 0;

  // Prints what the bot sends and numbers its buttons.
  api.onCall((call: OfflineCall) => {
    const text = typeof call.payload.text === 'string' ? call.payload.text : '';
    if (call.method === 'sendMessage' || call.method === 'editMessageText') {
      process.stdout.write(`\nbot${call.method === 'editMessageText' ? ' (edited)' : ''}> ${text}\n`);
      const rows = keyboard.safeParse(call.payload.reply_markup).data?.inline_keyboard.flat() ?? [];
      choices = rows.map((b) => b.callback_data ?? '');
      if (rows.length > 0) process.stdout.write(`${rows.map((b, i) => `  [${i + 1}] ${b.text}`).join('\n')}\n`);
    } else if (call.method === 'deleteMessage') {
      process.stdout.write('(the bot deleted your message)\n');
    } else if ((call.method === 'sendDocument' || call.method === 'sendPhoto') && call.files?.[0]) {
      // A document or photo is saved where the merchant can open it.
      const file = call.files[0];
      const path = join(filesDir, `${++saved}-${basename(file.filename || 'file')}`);
      writeFileSync(path, file.data);
      const caption = typeof call.payload.caption === 'string' ? `\n${call.payload.caption}` : '';
      process.stdout.write(`\nbot> (sent ${call.method === 'sendPhoto' ? 'a picture' : 'a file'}: ${path})${caption}\n`);
      const rows = keyboard.safeParse(call.payload.reply_markup).data?.inline_keyboard.flat() ?? [];
      if (rows.length > 0) choices = rows.map((b) => b.callback_data ?? '');
    }
  });

  const me = { id: CHAT_ID, is_bot: false, first_name: 'You' };
  const chat = { id: CHAT_ID, type: 'private' as const, first_name: 'You' };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write('Mini Ledger chat console. Type commands as in Telegram (/help); a number presses a button; Ctrl-D quits.\n');
  process.stdout.write(`Files the bot sends are saved in ${filesDir}\n`);
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
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `chat failed: ${String(error)}\n`);
  process.exit(1);
});
