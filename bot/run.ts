import { createHash, randomBytes } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { TelegramConfig } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { BotContext } from './context.js';
import { ALLOWED_UPDATES } from './create-bot.js';
import { menu } from './features/help.js';
import { createI18n } from './i18n.js';

/** Derived from the token, so only someone who knows the token can name it (the secret header is checked too). */
export function webhookPath(token: string): string {
  return `/telegram/webhook/${createHash('sha256').update(`webhook:${token}`).digest('hex').slice(0, 32)}`;
}

export type OnlineTelegram = Exclude<TelegramConfig, { mode: 'off' }>;

/**
 * Checks the bot's token (getMe) and readies it for the mode configured. `http` goes to createApp;
 * `start` runs once the HTTP server listens (Telegram may call the webhook at once); `stop` ends
 * polling on shutdown.
 */
export async function prepareBot(bot: Bot<BotContext>, telegram: OnlineTelegram, logger: Logger) {
  await bot.init();
  const secret = telegram.mode === 'webhook' ? (telegram.webhookSecret ?? randomBytes(32).toString('base64url')) : '';
  const path = webhookPath(telegram.botToken);
  const http = {
    botUsername: bot.botInfo.username,
    webhook: telegram.mode === 'webhook' ? { path, handler: webhookCallback(bot, 'express', { secretToken: secret }) } : undefined,
  };
  let runner: RunnerHandle | null = null;

  return {
    bot,
    http,
    async start(): Promise<void> {
      // The command menu is a nicety: a server without setMyCommands must not stop the bot.
      try {
        const i18n = createI18n();
        await bot.api.setMyCommands(menu((key) => i18n.t('en', key)));
      } catch (error) {
        logger.warn({ err: error }, 'could not set the bot command menu; continuing');
      }
      if (telegram.mode === 'webhook') {
        await bot.api.setWebhook(`${telegram.webhookUrl}${path}`, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
        logger.info({ bot: bot.botInfo.username }, 'Telegram bot on: webhook mode');
      } else {
        // Polling and a webhook exclude each other at Telegram.
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
        logger.info({ bot: bot.botInfo.username }, 'Telegram bot on: long polling');
      }
    },
    /** Stops fetching, then waits for the updates already fetched to finish (main's 10 s limit bounds it). */
    async stop(): Promise<void> {
      if (!runner) return;
      if (runner.isRunning()) await runner.stop();
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

export type PreparedBot = Awaited<ReturnType<typeof prepareBot>>;
