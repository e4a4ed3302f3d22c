import type { Bot, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { createBot } from '../../bot/create-bot.js';
import type { BotContext } from '../../bot/context.js';
import { openDatabase } from '../../src/db/orm.js';
import { systemClock, type Clock } from '../../src/domain/clock.js';
import type { EntityManager } from '../../src/domain/db.js';
import { createServices, type Services } from '../../src/domain/services.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createHarness, type Harness } from '../support/harness.js';
import { offlineBotInfo } from '../../bot/offline-bot-info.js';
import { textUpdate } from './updates.js';

export const BOT_INFO = offlineBotInfo({ id: 4242, firstName: 'Mini Ledger', username: 'mini_ledger_test_bot', canJoinGroups: true });

export type ApiCall = { method: string; payload: Record<string, unknown> };

export type ChatOptions = { chatId?: number; type?: 'private' | 'group'; messageId?: number; updateId?: number };

/** One bot (one process's worth: its own services and bot) and a recorder of what it sends. */
export type BotInstance = {
  bot: Bot<BotContext>;
  /** Every Bot API call the bot made, in order. */
  calls: ApiCall[];
  /** Sends a text message as a user; returns the calls the bot made while handling it. */
  send(text: string, options?: ChatOptions): Promise<ApiCall[]>;
  /** Presses an inline button; returns the calls the bot made while handling it. */
  press(data: string, options?: ChatOptions): Promise<ApiCall[]>;
  /** Feeds a raw update; returns the calls made while handling it. */
  deliver(update: Update): Promise<ApiCall[]>;
  /** Registers a merchant and returns its API token. */
  merchant(username: string): Promise<string>;
  nextUpdateId(): number;
  nextMessageId(): number;
};

export type BotHarness = Harness & BotInstance;

type Ids = Pick<BotInstance, 'nextUpdateId' | 'nextMessageId'>;

const payloadSchema = z.record(z.string(), z.unknown());

/** The real services on a fresh SQLite file, a bot that never reaches Telegram, and a recorder of what it sends. */
export async function createBotHarness(options: { logger?: Logger; clock?: Clock } = {}): Promise<BotHarness> {
  const harness = await createHarness(options.clock ? { clock: options.clock } : {});
  let messageIds = 1000;
  let updateIds = 1;
  const ids: Ids = { nextUpdateId: () => updateIds++, nextMessageId: () => ++messageIds };
  const instance = botInstance({ services: harness.services, em: harness.db.em, logger: options.logger, ids });
  return { ...harness, ...instance };
}

/**
 * A second bot instance over the harness's database, as another webhook instance would be: its own
 * ORM, services and bot, fed update and message ids from the same sequence as the first.
 */
export async function createOtherInstance(h: BotHarness, options: { clock?: Clock } = {}): Promise<BotInstance & { close(): Promise<void> }> {
  const db = await openDatabase({ databaseUrl: h.databaseUrl, sqliteBusyTimeoutMs: 5000 });
  const services = createServices({ em: db.em, clock: options.clock ?? systemClock, bcryptCost: 4 });
  return { ...botInstance({ services, em: db.em, ids: h }), close: () => db.close() };
}

function botInstance(deps: { services: Services; em: EntityManager; logger?: Logger | undefined; ids: Ids }): BotInstance {
  const { services, ids } = deps;
  const bot = createBot({
    services,
    em: deps.em,
    config: { token: '4242:offline-test-token', botInfo: BOT_INFO },
    logger: deps.logger ?? createLogger('silent'),
  });
  const calls: ApiCall[] = [];
  const record: Transformer = async (_prev, method, payload) => {
    const data = payloadSchema.parse(payload ?? {});
    calls.push({ method, payload: data });
    const chat = { id: Number(data.chat_id ?? 0), type: 'private' as const, first_name: 'Chat' };
    const result =
      method === 'sendMessage' || method === 'editMessageText'
        ? { message_id: method === 'sendMessage' ? ids.nextMessageId() : Number(data.message_id), date: 0, chat, text: String(data.text) }
        : true;
    // The transformer's return type is the method's result type; the recorder answers every method alike.
    return { ok: true, result } as never;
  };
  bot.api.config.use(record);

  const deliver = async (update: Update) => {
    const before = calls.length;
    await bot.handleUpdate(update);
    return calls.slice(before);
  };
  const chatOf = (o: ChatOptions) => {
    const id = o.chatId ?? 501;
    return o.type === 'group'
      ? { id, type: 'group' as const, title: 'Shop group' }
      : { id, type: 'private' as const, first_name: 'Merchant' };
  };
  const from = { id: 77, is_bot: false, first_name: 'Merchant' };

  return {
    bot,
    calls,
    deliver,
    nextUpdateId: ids.nextUpdateId,
    nextMessageId: ids.nextMessageId,
    async send(text, o = {}) {
      return deliver(
        textUpdate({
          updateId: o.updateId ?? ids.nextUpdateId(),
          messageId: o.messageId ?? ids.nextMessageId(),
          text,
          chat: chatOf(o),
          fromId: from.id,
        }),
      );
    },
    async press(data, o = {}) {
      const updateId = o.updateId ?? ids.nextUpdateId();
      return deliver({
        update_id: updateId,
        callback_query: {
          id: `cb${updateId}`,
          from,
          chat_instance: 'ci',
          data,
          message: { message_id: o.messageId ?? 1, date: 0, chat: chatOf(o), text: 'buttons' },
        },
      });
    },
    async merchant(username) {
      const { token } = await services.auth.register({ username, password: 'correct horse' });
      return token;
    },
  };
}

/** The texts of the messages sent or edited in these calls. */
export function texts(calls: ApiCall[]): string[] {
  return calls
    .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
    .map((c) => String(c.payload.text));
}

/** The callback data of every inline button in the last message sent or edited in these calls. */
export function buttons(calls: ApiCall[]): { text: string; data: string }[] {
  const last = calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').at(-1);
  const markup = z
    .object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string() }))) })
    .safeParse(last?.payload.reply_markup);
  return markup.success ? markup.data.inline_keyboard.flat().map((b) => ({ text: b.text, data: b.callback_data })) : [];
}

/** A clock tests can move forward. */
export function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}
