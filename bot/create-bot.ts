import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { EntityManager } from '../src/db/sql.js';
import type { Clock } from '../src/domain/clock.js';
import type { Services } from '../src/domain/services.js';
import type { StatementDocuments } from '../src/render/statement-document.js';
import type { Logger } from '../src/logger.js';
import type { BotContext } from './context.js';
import { accountFeature } from './features/account.js';
import { cancelFeature } from './features/cancel.js';
import { customersFeature } from './features/customers.js';
import { editsFeature } from './features/edits.js';
import { entriesFeature } from './features/entries.js';
import { fallbackFeature } from './features/fallback.js';
import { helpFeature } from './features/help.js';
import { linkFeature } from './features/link.js';
import { quickEntryFeature } from './features/quick-entry.js';
import { remindFeature } from './features/remind.js';
import { statementsFeature } from './features/statements.js';
import { updatesFeature } from './features/updates.js';
import { summaryFeature } from './features/summary.js';
import { undoFeature } from './features/undo.js';
import { FeatureComposer } from './feature-composer.js';
import { createI18n } from './i18n.js';
import { errorBoundary } from './middlewares/error-boundary.js';
import { eachLine } from './middlewares/lines.js';
import { loadActor, provide, skipSeenUpdates, unitOfWork } from './middlewares/setup.js';
import { loadStyle } from './middlewares/style.js';
import { languageFeature } from './features/language.js';
import type { OfflineApi } from './offline-api.js';
import type { BotState } from './state/index.js';

/** Where the bot's Bot API calls go: Telegram (or a self-hosted server), or the offline stand-in. */
export type BotConnection = { token: string; apiRoot: string } | { offline: OfflineApi };

export type BotDeps = { services: Services; documents: StatementDocuments; publicBase: () => string; state: BotState; em: EntityManager; logger: Logger; clock: Clock; connection: BotConnection };

export const OFFLINE_TOKEN = '4242:offline';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

/** The grammY bot over the domain services. It never touches the ORM: `em` only opens a unit of work per update. */
export function createBot({ services, documents, publicBase, state, em, logger, clock, connection }: BotDeps): Bot<BotContext> {
  const bot =
    'offline' in connection
      ? new Bot<BotContext>(OFFLINE_TOKEN, { botInfo: connection.offline.botInfo, client: { fetch: connection.offline.fetch } })
      : // A call waits at most a minute (long polling holds getUpdates for 30 s), not grammY's 500 s.
        new Bot<BotContext>(connection.token, { client: { apiRoot: connection.apiRoot, timeoutSeconds: 60 } });
  // Flood waits (429) and Telegram's 5xx are retried a few times; a network error is not retried here
  // (auto-retry would retry it forever): the reply fails, and the connection supervisor backs off.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));

  // Under the runner updates run concurrently: one chat's updates still go in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  // The rest as one flat chain (see feature-composer.ts): grammY nests each bot.use in two async layers.
  const pipeline = new FeatureComposer<BotContext>();
  pipeline.use(provide({ services, documents, publicBase, state, logger, clock }));
  pipeline.use(createI18n());
  pipeline.use(errorBoundary);
  pipeline.use(unitOfWork(em));
  pipeline.use(skipSeenUpdates);
  pipeline.use(loadActor);
  pipeline.use(loadStyle);

  const features = new FeatureComposer<BotContext>();
  // Before /link's /start: a customer's /start <u_…> code subscribes, it does not link.
  features.use(updatesFeature());
  features.use(linkFeature());
  features.use(accountFeature());
  features.use(helpFeature());
  features.use(customersFeature());
  features.use(entriesFeature());
  features.use(summaryFeature());
  features.use(statementsFeature());
  features.use(remindFeature());
  features.use(languageFeature());
  features.use(undoFeature());
  features.use(editsFeature());
  features.use(cancelFeature());
  features.use(quickEntryFeature());
  features.use(fallbackFeature());
  pipeline.use(eachLine(features));
  bot.use(pipeline);

  // Last resort: the boundary answers users; this only logs what escaped it (e.g. a failing reply).
  bot.catch((error) => logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'bot error'));
  return bot;
}
