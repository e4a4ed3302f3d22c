import { Api, GrammyError } from 'grammy';
import { z } from 'zod';
import type { Clock } from '../src/domain/clock.js';
import type { UpdatesService } from '../src/domain/updates/updates.service.js';
import { balanceForCustomer, customerFormat, customerLanguage, customerText } from '../src/render/customer-texts.js';
import type { Logger } from '../src/logger.js';

export type SenderOptions = {
  /** How long a claimed message is this instance's to send before another may take it (a crash mid-send). */
  claimMs: number;
  /** How often the outbox is looked at when it was empty. */
  pollMs: number;
  /** Telegram's limits: about 30 messages a second overall, one a second to one chat. */
  perSecond: number;
  perChatMs: number;
};

export const DEFAULT_SENDER: SenderOptions = { claimMs: 30_000, pollMs: 1_000, perSecond: 25, perChatMs: 1_000 };

// A message given up after this many tries (a chat that keeps failing for another reason than a block).
const MAX_ATTEMPTS = 12;

const payloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), type: z.enum(['credit', 'debit']), amount: z.number().int(), entryDate: z.string(), balance: z.number().int(), reversal: z.boolean() }),
  z.object({ kind: z.literal('import'), entries: z.number().int(), credit: z.number().int(), debit: z.number().int(), balance: z.number().int() }),
]);

/**
 * The message a subscribed customer reads about a posting, in their chat's language and their own words,
 * money in the shop's currency (plain numbers when it has none).
 */
export function updateText(payload: unknown, c: { shop: string; language: string; pageUrl: string; currency?: string | null }): string {
  const p = payloadSchema.parse(payload);
  const language = customerLanguage(c.language);
  const { money, date } = customerFormat(language, c.currency ?? null);
  const balance = balanceForCustomer(language, c.shop, p.balance, money);
  const head =
    p.kind === 'import'
      ? customerText(language, 'update-import', { shop: c.shop, entries: p.entries, balance })
      : customerText(language, p.reversal ? (p.type === 'debit' ? 'update-undo-credit' : 'update-undo-payment') : p.type === 'credit' ? 'update-gave' : 'update-got', {
          shop: c.shop,
          amount: money(p.amount),
          date: date(p.entryDate),
          balance,
        });
  return `${head}\n${customerText(language, 'update-page', { url: c.pageUrl })}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Sends the outbox: claims due messages (each is one instance's for `claimMs`), sends them paced to
 * Telegram's limits, marks each sent. A flood wait (429) is waited out and the message retried; a chat
 * that blocked the bot (403) ends its subscription; other failures are retried with backoff. A message
 * is sent once, unless an instance dies after Telegram took it and before it was marked; each chat's in
 * order (see the claim in updates.repository.ts).
 */
export function createUpdatesSender(deps: { updates: UpdatesService; api: Api; clock: Clock; logger: Logger; publicBase: () => string; options?: Partial<SenderOptions> }) {
  const o = { ...DEFAULT_SENDER, ...deps.options };
  const { updates, api, logger, clock } = deps;
  const lastToChat = new Map<string, number>();
  let lastSend = 0;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function paced(chatId: string): Promise<void> {
    const now = Date.now();
    const wait = Math.max(lastSend + 1000 / o.perSecond - now, (lastToChat.get(chatId) ?? 0) + o.perChatMs - now, 0);
    if (wait > 0) await sleep(wait);
    lastSend = Date.now();
    lastToChat.set(chatId, lastSend);
    if (lastToChat.size > 10_000) lastToChat.clear();
  }

  /** Sends one message; false when it was put off for a retry (a flood wait, a failure). */
  async function sendOne(m: { id: number; subscriptionId: number; chatId: string; payload: unknown; attempts: number }): Promise<boolean> {
    const context = await updates.contextOf(m.subscriptionId);
    if (!context || !(await updates.isLive(m.subscriptionId))) return (await updates.sent(m.id), true); // ended meanwhile: nothing to say
    await paced(m.chatId);
    try {
      await api.sendMessage(Number(m.chatId), updateText(m.payload, { shop: context.shop, currency: context.currency, language: context.language, pageUrl: `${deps.publicBase()}/s/${context.token}` }), {
        link_preview_options: { is_disabled: true },
      });
      await updates.sent(m.id);
      return true;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        const seconds = error.parameters.retry_after ?? 5;
        lastSend = Date.now() + seconds * 1000;
        await updates.retryAt(m.id, new Date(clock.now().getTime() + seconds * 1000));
        return false;
      }
      if (error instanceof GrammyError && error.error_code === 403) {
        logger.info({ subscriptionId: m.subscriptionId }, 'a subscribed chat blocked the bot: its subscription ends');
        return (await updates.unreachable(m.subscriptionId), true);
      }
      if (m.attempts >= MAX_ATTEMPTS) {
        logger.warn({ err: error, outboxId: m.id }, 'an update could not be sent; giving up on it');
        return (await updates.unreachable(m.subscriptionId), true);
      }
      const backoff = Math.min(3_600_000, 2 ** m.attempts * 1000);
      logger.warn({ err: error, outboxId: m.id, retryInMs: backoff }, 'an update could not be sent; trying again later');
      await updates.retryAt(m.id, new Date(clock.now().getTime() + backoff));
      return false;
    }
  }

  /** Claims what is due and sends it; returns how many messages were claimed. */
  async function cycle(keepGoing: () => boolean): Promise<number> {
    const claimed = await updates.claim(o.claimMs, Math.max(1, o.perSecond));
    const putOff = new Set<number>();
    for (const m of claimed) {
      if (!keepGoing()) break;
      // A chat hears its updates in order: after one put off, the rest of its batch waits behind it
      // (handed back untried; the claim holds it back until the earlier one is sent).
      if (putOff.has(m.subscriptionId)) await updates.putBack(m.id);
      else if (!(await sendOne(m))) putOff.add(m.subscriptionId);
    }
    return claimed.length;
  }

  async function run(): Promise<void> {
    while (running) {
      let claimed = 0;
      try {
        claimed = await cycle(() => running);
      } catch (error) {
        logger.warn({ err: error }, 'the updates outbox could not be read; trying again');
      }
      if (running && claimed === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, o.pollMs);
          timer.unref();
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Looks at the outbox now (a posting on this instance). */
    poke() {
      wake?.();
    },
    /** Sends everything due now, without the loop (tools and tests); returns how many were claimed. */
    async drain(): Promise<number> {
      let total = 0;
      for (let n = await cycle(() => true); n > 0; n = await cycle(() => true)) total += n;
      return total;
    },
    /** Stops after the message in hand; what is left waits in the outbox for the next start. */
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

export type UpdatesSender = ReturnType<typeof createUpdatesSender>;
