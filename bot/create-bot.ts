import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { EntityManager } from '../src/domain/db.js';
import type { Services } from '../src/domain/services.js';
import type { Logger } from '../src/logger.js';
import type { BotContext } from './context.js';
import { customersFeature } from './features/customers.js';
import { entriesFeature } from './features/entries.js';
import { fallbackFeature } from './features/fallback.js';
import { helpFeature } from './features/help.js';
import { linkFeature } from './features/link.js';
import { summaryFeature } from './features/summary.js';
import { undoFeature } from './features/undo.js';
import { errorBoundary } from './middlewares/error-boundary.js';
import { loadActor, provide, skipSeenUpdates, unitOfWork } from './middlewares/setup.js';

export type BotConfig = {
  token: string;
  /** A self-hosted Bot API server; Telegram's own when unset. */
  apiRoot?: string;
  /** Known bot identity (tests, `npm run chat`): skips the getMe call. */
  botInfo?: UserFromGetMe;
};

export type BotDeps = { services: Services; em: EntityManager; config: BotConfig; logger: Logger };

/** The grammY bot over the domain services. It never touches the ORM: `em` only opens a unit of work per update. */
export function createBot({ services, em, config, logger }: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.token, {
    ...(config.botInfo ? { botInfo: config.botInfo } : {}),
    ...(config.apiRoot ? { client: { apiRoot: config.apiRoot } } : {}),
  });
  // Flood waits (429) are waited out and retried instead of failing the reply.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  // Under the runner updates run concurrently: one chat's updates still go in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(provide({ services, logger }));
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
  bot.use(fallbackFeature());

  // Last resort: the boundary answers users; this only logs what escaped it (e.g. a failing reply).
  bot.catch((error) => logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'bot error'));
  return bot;
}
