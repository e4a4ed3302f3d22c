// The Telegram side of the composition root: the bot and the customers' updates sender. The runtime
// imports this module only when a bot runs, so a server without one never loads grammY and its plugins.
import { Api, type Bot } from 'grammy';
import type { BotContext } from '../bot/context.js';
import { createBot, OFFLINE_TOKEN, type BotDeps } from '../bot/create-bot.js';
import type { OfflineApi } from '../bot/offline-api.js';
import { superviseBot, type Backoff, type OnlineTelegram, type SupervisedBot } from '../bot/run.js';
import { createUpdatesSender, type SenderOptions, type UpdatesSender } from '../bot/updates-sender.js';
import type { TelegramHttp } from './http/app.js';

export type TelegramSide = {
  bot: Bot<BotContext>;
  /** The supervised connection to Telegram; null for the offline stand-in. */
  online: SupervisedBot | null;
  telegram: TelegramHttp;
  updatesSender: UpdatesSender;
};

export type TelegramSideDeps = Omit<BotDeps, 'connection'> & {
  /** The stand-in for the Bot API, or Telegram itself as configured. */
  connection: { offline: OfflineApi } | { online: OnlineTelegram; backoff?: Backoff | undefined };
  senderOptions: Partial<SenderOptions>;
};

export function createTelegramSide({ connection, senderOptions, ...deps }: TelegramSideDeps): TelegramSide {
  // Customers' updates go out from the outbox on their own Bot API client: without auto-retry, so a
  // flood wait is the sender's to pace, not a reply's to sit out.
  const sender = (api: Api) => createUpdatesSender({ updates: deps.services.updates, api, clock: deps.clock, logger: deps.logger, publicBase: deps.publicBase, options: senderOptions });
  if ('offline' in connection) {
    const { offline } = connection;
    const { username } = offline.botInfo;
    return {
      bot: createBot({ ...deps, connection: { offline } }),
      online: null,
      telegram: { botUsername: () => username },
      updatesSender: sender(new Api(OFFLINE_TOKEN, { fetch: offline.fetch })),
    };
  }
  const { online: config, backoff } = connection;
  const bot = createBot({ ...deps, connection: { token: config.botToken, apiRoot: config.apiRoot } });
  // Connects in the background once the server listens: Telegram never holds up the ledger.
  const online = superviseBot(bot, config, deps.logger, backoff);
  return {
    bot,
    online,
    telegram: online.http,
    updatesSender: sender(new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 30 })),
  };
}
