import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { BotContext } from '../../bot/context.js';
import { createI18n } from '../../bot/i18n.js';
import { createOfflineApi, offlineBotInfo, type OfflineApi, type OfflineCall } from '../../bot/offline-api.js';
import type { Services } from '../../src/domain/services.js';
import { createLogger } from '../../src/logger.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/runtime.js';
import { PASSWORD } from '../support/fixtures.js';
import { createHarness, testConfig, type Harness, type HarnessOptions } from '../support/harness.js';
import { textUpdate } from './updates.js';

const i18n = createI18n();

/** A reply as the bot writes it in a language (bot/locales/<language>.ftl). */
export const say = (language: string, key: string, vars: Record<string, string | number> = {}) => i18n.t(language, key, vars);

/** A reply as the bot writes it in English (bot/locales/en.ftl). */
export const en = (key: string, vars: Record<string, string | number> = {}) => say('en', key, vars);

export const BOT_INFO = offlineBotInfo({ id: 4242, firstName: 'Mini Ledger', username: 'mini_ledger_test_bot', canJoinGroups: true });

export type ApiCall = OfflineCall;

export type ChatOptions = { chatId?: number; type?: 'private' | 'group'; messageId?: number; updateId?: number };

/** One bot (one process's worth: its own runtime and bot) and a recorder of what it sends. */
export type BotInstance = {
  bot: Bot<BotContext>;
  api: OfflineApi;
  /** Every Bot API call the bot made, in order. */
  calls: ApiCall[];
  /** Sends a text message as a user; returns the calls the bot made while handling it. */
  send(text: string, options?: ChatOptions): Promise<ApiCall[]>;
  /** Presses an inline button; returns the calls the bot made while handling it. */
  press(data: string, options?: ChatOptions): Promise<ApiCall[]>;
  /** Edits a message the user sent earlier (Telegram sends an edited_message update). */
  edit(messageId: number, text: string, options?: ChatOptions): Promise<ApiCall[]>;
  /** Feeds a raw update; returns the calls made while handling it. */
  deliver(update: Update): Promise<ApiCall[]>;
  /** Registers a merchant and returns its API token. */
  merchant(username: string): Promise<string>;
  nextUpdateId(): number;
  nextMessageId(): number;
};

export type BotHarness = Harness & BotInstance;

type Ids = Pick<BotInstance, 'nextUpdateId' | 'nextMessageId'>;

/** The real runtime on a fresh database, its bot talking to the offline Bot API, which records what it sends. */
export async function createBotHarness(options: Omit<HarnessOptions, 'offlineBot'> = {}): Promise<BotHarness> {
  const api = createOfflineApi({ botInfo: BOT_INFO });
  const harness = await createHarness({ ...options, offlineBot: api });
  let messageIds = 1000;
  let updateIds = 1;
  const ids: Ids = { nextUpdateId: () => updateIds++, nextMessageId: () => ++messageIds };
  return { ...harness, ...botInstance(harness.runtime.bot, api, harness.services, ids) };
}

/**
 * A second bot instance over the harness's database, as another webhook instance would be: its own
 * runtime and bot, fed update and message ids from the same sequence as the first.
 */
export async function createOtherInstance(
  h: BotHarness,
  options: Pick<RuntimeOptions, 'clock' | 'updatesSender'> & { publicBaseUrl?: string } = {},
): Promise<BotInstance & { runtime: Runtime; close(): Promise<void> }> {
  const api = createOfflineApi({ botInfo: BOT_INFO });
  const { publicBaseUrl, ...runtimeOptions } = options;
  const runtime = await createRuntime(testConfig(h.databaseUrl, publicBaseUrl ? { publicBaseUrl } : {}), { offlineBot: api, logger: createLogger('silent'), ...runtimeOptions });
  return { ...botInstance(runtime.bot, api, runtime.services, h), runtime, close: () => runtime.stop() };
}

function botInstance(bot: Bot<BotContext> | null, api: OfflineApi, services: Services, ids: Ids): BotInstance {
  if (!bot) throw new Error('the runtime was built without its bot');
  const deliver = async (update: Update) => {
    const before = api.calls.length;
    await bot.handleUpdate(update);
    return api.calls.slice(before);
  };
  const chatOf = (o: ChatOptions) => {
    const id = o.chatId ?? 501;
    return o.type === 'group' ? { id, type: 'group' as const, title: 'Shop group' } : { id, type: 'private' as const, first_name: 'Merchant' };
  };
  const from = { id: 77, is_bot: false, first_name: 'Merchant' };

  return {
    bot,
    api,
    calls: api.calls,
    deliver,
    nextUpdateId: ids.nextUpdateId,
    nextMessageId: ids.nextMessageId,
    async send(text, o = {}) {
      const updateId = o.updateId ?? ids.nextUpdateId();
      return deliver(textUpdate({ updateId, messageId: o.messageId ?? ids.nextMessageId(), text, chat: chatOf(o), fromId: from.id }));
    },
    async press(data, o = {}) {
      const updateId = o.updateId ?? ids.nextUpdateId();
      return deliver({
        update_id: updateId,
        callback_query: { id: `cb${updateId}`, from, chat_instance: 'ci', data, message: { message_id: o.messageId ?? 1, date: 0, chat: chatOf(o), text: 'buttons' } },
      });
    },
    async edit(messageId, text, o = {}) {
      const { message } = textUpdate({ updateId: 0, messageId, text, chat: chatOf(o), fromId: from.id });
      if (!message) throw new Error('no message');
      return deliver({ update_id: o.updateId ?? ids.nextUpdateId(), edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000) } });
    },
    async merchant(username) {
      const { token } = await services.auth.register({ username, password: PASSWORD });
      return token;
    },
  };
}

/** The texts of the messages sent or edited in these calls. */
export function texts(calls: ApiCall[]): string[] {
  return calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text));
}

const keyboardSchema = z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string() }))) });

/** The callback data of every inline button in the last message sent or edited in these calls. */
export function buttons(calls: ApiCall[]): { text: string; data: string }[] {
  const last = calls.filter((c) => ['sendMessage', 'editMessageText', 'editMessageReplyMarkup'].includes(c.method)).at(-1);
  const markup = keyboardSchema.safeParse(last?.payload.reply_markup);
  return markup.success ? markup.data.inline_keyboard.flat().map((b) => ({ text: b.text, data: b.callback_data })) : [];
}



/** What reached one chat (calls the Bot API refused left out), in order. */
export const sentTo = (calls: ApiCall[], chat: number) => calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chat && !c.failed).map((c) => String(c.payload.text));

/** Sends every customer update due now through the harness's sender; returns the Bot API calls it made. */
export async function drainUpdates(h: BotHarness): Promise<ApiCall[]> {
  const sender = h.runtime.updatesSender;
  if (!sender) throw new Error('no updates sender');
  const before = h.calls.length;
  await sender.drain();
  return h.calls.slice(before);
}
