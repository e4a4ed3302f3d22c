import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { EntityManager } from '../src/db/sql.js';
import type { Services } from '../src/domain/services.js';
import type { Logger } from '../src/logger.js';
import type { BotContext } from './context.js';
import { cancelFeature } from './features/cancel.js';
import { customersFeature } from './features/customers.js';
import { entriesFeature } from './features/entries.js';
import { fallbackFeature } from './features/fallback.js';
import { helpFeature } from './features/help.js';
import { linkFeature } from './features/link.js';
import { summaryFeature } from './features/summary.js';
import { undoFeature } from './features/undo.js';
import { errorBoundary } from './middlewares/error-boundary.js';
import { loadActor, provide, skipSeenUpdates, unitOfWork } from './middlewares/setup.js';
import type { OfflineApi } from './offline-api.js';
import type { BotState } from './state/index.js';

/** Where the bot's Bot API calls go: Telegram (or a self-hosted server), or the offline stand-in. */
export type BotConnection = { token: string; apiRoot: string } | { offline: OfflineApi };

export type BotDeps = { services: Services; state: BotState; em: EntityManager; logger: Logger; connection: BotConnection };

const OFFLINE_TOKEN = '4242:offline';

/** The grammY bot over the domain services. It never touches the ORM: `em` only opens a unit of work per update. */
export function createBot({ services, state, em, logger, connection }: BotDeps): Bot<BotContext> {
  const bot =
    'offline' in connection
      ? new Bot<BotContext>(OFFLINE_TOKEN, { botInfo: connection.offline.botInfo, client: { fetch: connection.offline.fetch } })
      : new Bot<BotContext>(connection.token, { client: { apiRoot: connection.apiRoot } });
  // Flood waits (429) are waited out and retried instead of failing the reply.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  // Under the runner updates run concurrently: one chat's updates still go in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(provide({ services, state, logger }));
  bot.use(errorBoundary);
  bot.use(unitOfWork(em));
  bot.use(skipSeenUpdates);
  bot.use(loadActor);

  bot.use(linkFeature());
  bot.use(helpFeature());
  bot.use(customersFeature());
  bot.use(entriesFeature());
  bot.use(summaryFeature());
  bot.use(undoFeature());
  bot.use(cancelFeature());
  bot.use(fallbackFeature());

  // Last resort: the boundary answers users; this only logs what escaped it (e.g. a failing reply).
  bot.catch((error) => logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'bot error'));
  return bot;
}
