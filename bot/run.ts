import { createHash, randomBytes } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, webhookCallback, type Bot } from 'grammy';
import type { TelegramConfig } from '../src/config.js';
import type { TelegramHttp } from '../src/http/app.js';
import type { TelegramStatus } from '../src/http/health.routes.js';
import type { Logger } from '../src/logger.js';
import type { BotContext } from './context.js';
import { ALLOWED_UPDATES } from './create-bot.js';
import { menu } from './features/help.js';
import { createI18n } from './i18n.js';
import { LANGUAGES } from '../src/render/local-format.js';

/** Derived from the token, so only someone who knows the token can name it (the secret header is checked too). */
export function webhookPath(token: string): string {
  return `/telegram/webhook/${createHash('sha256').update(`webhook:${token}`).digest('hex').slice(0, 32)}`;
}

export type OnlineTelegram = Exclude<TelegramConfig, { mode: 'off' }>;

export type Backoff = { initialMs: number; maxMs: number };
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 60_000 };
// The runner retries a failing getUpdates this long itself, then hands the failure to the supervisor.
const RUNNER_RETRY_MS = 30_000;

export type SupervisedBot = {
  bot: Bot<BotContext>;
  http: TelegramHttp;
  status(): TelegramStatus;
  /** Starts connecting in the background: the HTTP server never waits for Telegram. */
  start(): void;
  /** Stops connecting or polling, then waits for the updates already fetched to finish. */
  stop(): Promise<void>;
};

/**
 * Keeps the bot connected to Telegram without ever holding up the ledger: it checks the token
 * (getMe), sets the menu and the webhook (or starts long polling) in the background, retrying with
 * capped exponential backoff, and starts again whenever polling fails for good. A Bot API that is
 * down or failing never stops the process; /healthz reports it.
 */
export function superviseBot(
  bot: Bot<BotContext>,
  telegram: OnlineTelegram,
  logger: Logger,
  backoff: Backoff = DEFAULT_BACKOFF,
  // The supervisor's own calls go without auto-retry (which backs off for seconds on every 5xx): a
  // failure comes back at once, and the supervisor's backoff decides when to try again.
  direct: Api = new Api(telegram.botToken, { apiRoot: telegram.apiRoot, timeoutSeconds: 60 }),
): SupervisedBot {
  const secret = telegram.mode === 'webhook' ? (telegram.webhookSecret ?? randomBytes(32).toString('base64url')) : '';
  const path = webhookPath(telegram.botToken);
  let status: TelegramStatus = 'connecting';
  let stopping = false;
  let runner: RunnerHandle | null = null;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  // A connection call in flight (to a Bot API that hangs) is given up when the service stops; the
  // process then exits without waiting for it.
  let giveUp: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_resolve, reject) => (giveUp = reject));
  stopped.catch(() => undefined);
  const unlessStopped = <T>(call: Promise<T>): Promise<T> => Promise.race([call, stopped]);

  // Long polling's health is the health of its getUpdates calls.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (method === 'getUpdates') status = result.ok ? 'ok' : 'failing';
      return result;
    } catch (error) {
      if (method === 'getUpdates' && !signal?.aborted) status = 'failing';
      throw error;
    }
  });

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function connectOnce(): Promise<void> {
    if (!bot.isInited()) bot.botInfo = await unlessStopped(direct.getMe());
    // The command menu is a nicety: a server without setMyCommands must not stop the bot.
    try {
      const i18n = createI18n();
      // English for everyone, and each of our other languages for users whose Telegram is set to it.
      await unlessStopped(direct.setMyCommands(menu((key) => i18n.t('en', key))));
      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        await unlessStopped(direct.setMyCommands(menu((key) => i18n.t(language, key)), { language_code: language }));
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not set the bot command menu; continuing');
    }
    if (telegram.mode === 'webhook') {
      await unlessStopped(direct.setWebhook(`${telegram.webhookUrl}${path}`, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }));
      status = 'ok';
      logger.info({ bot: bot.botInfo.username }, 'Telegram bot on: webhook mode');
      return;
    }
    // Polling and a webhook exclude each other at Telegram.
    await unlessStopped(direct.deleteWebhook());
    if (stopping) return;
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, maxRetryTime: RUNNER_RETRY_MS, silent: true } });
    status = 'ok';
    logger.info({ bot: bot.botInfo.username }, 'Telegram bot on: long polling');
    // Resolves when polling ends: on stop, or when getUpdates kept failing (then connect again).
    await runner.task();
  }

  async function supervise(): Promise<void> {
    let delay = backoff.initialMs;
    while (!stopping) {
      try {
        await connectOnce();
        if (telegram.mode === 'webhook' || stopping) return;
        delay = backoff.initialMs;
      } catch (error) {
        if (stopping) return;
        status = 'failing';
        logger.warn({ err: error, retryInMs: delay }, 'Telegram is not answering; the API keeps serving and the bot tries again');
      }
      if (stopping) return;
      status = status === 'ok' ? 'failing' : status;
      await pause(delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(backoff.maxMs, delay * 2);
    }
  }

  const webhook = telegram.mode === 'webhook' ? webhookCallback(bot, 'express', { secretToken: secret }) : null;
  return {
    bot,
    status: () => status,
    http: {
      botUsername: () => (bot.isInited() ? bot.botInfo.username : null),
      webhook: webhook
        ? {
            path,
            // Until the bot knows who it is, Telegram is asked to deliver again later.
            handler: (req, res, next) => {
              if (!bot.isInited()) return void res.status(503).set('Retry-After', '5').end();
              return webhook(req, res).catch(next);
            },
          }
        : undefined,
    },
    start() {
      loop ??= supervise();
    },
    async stop() {
      stopping = true;
      giveUp(new Error('the service is stopping'));
      wake?.();
      const current = runner;
      if (current) {
        if (current.isRunning()) await current.stop();
        while (current.size() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await loop;
    },
  };
}
