import { createHash, randomBytes } from 'node:crypto';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { CustomerService } from '../customers/customer.service.js';
import { GroupCannotSubscribe, InvalidSubscribeCode, SubscriberNotFound } from '../errors.js';
import type { PostingEvent } from '../ledger/ledger.service.js';
import type { ShareService } from '../sharing/share.service.js';
import { shareToken } from '../sharing/share-tokens.js';
import type { OutboxRow, SubscriptionRow, UpdatesRepository } from './updates.repository.js';

export type { OutboxRow, SubscriptionRow } from './updates.repository.js';

/** A subscribe code is good this long: the customer taps "Get updates" and opens Telegram. */
export const SUBSCRIBE_CODE_TTL_MS = 30 * 60 * 1000;
/** Sent messages are kept this long (then the housekeeping job deletes them). */
export const OUTBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** What a subscribe code looks like in `/start <code>` (Telegram allows 64 of A-Z a-z 0-9 _ -). */
export const SUBSCRIBE_CODE = /^u_[A-Za-z0-9_-]{32}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The chat asking to subscribe: who it is, and the language its user's Telegram is in. */
export type SubscribingChat = { chatId: string; title: string; type: string; language: string };

/** What a subscribed chat is told about an entry (or an import) on its customer's side of the book. */
export type UpdatePayload = PostingEvent;

export type UpdatesServiceDeps = { updates: UpdatesRepository; shares: ShareService; customers: CustomerService; transactions: Transactions; clock: Clock; secret: () => string };

/**
 * Customers' own chats, told of every entry on their side of the book: subscribing through a share
 * page's one-time code, stopping, the merchant's list, and the outbox their messages wait in.
 */
export function createUpdatesService({ updates, shares, customers, transactions, clock, secret }: UpdatesServiceDeps) {
  return {
    /** A one-time code for the bot's deep link, from a live share page; null when the link is not live. */
    async codeFor(shareTokenText: string): Promise<string | null> {
      const book = await shares.open(shareTokenText);
      if (!book) return null;
      const code = `u_${randomBytes(24).toString('base64url')}`;
      const now = clock.now();
      await updates.insertCode(book.link.id, sha256(code), now, new Date(now.getTime() + SUBSCRIBE_CODE_TTL_MS));
      return code;
    },

    /** Subscribes a private chat to the book behind a code (once; again it is a no-op that says so). */
    async subscribe(code: string, chat: SubscribingChat): Promise<{ shop: string; currency: string | null; customer: string; balance: number; already: boolean }> {
      if (chat.type !== 'private') throw new GroupCannotSubscribe();
      if (!SUBSCRIBE_CODE.test(code)) throw new InvalidSubscribeCode();
      return transactions.run(async () => {
        const linkId = await updates.useCode(sha256(code), clock.now());
        const book = linkId === null ? null : await shares.openLink(linkId);
        if (!book) throw new InvalidSubscribeCode();
        const balance = book.customer.totalCredit - book.customer.totalDebit;
        const existing = await updates.liveFor(book.customer.id, chat.chatId);
        if (existing) return { shop: book.shopName, currency: book.currency, customer: book.customer.name, balance, already: true };
        await updates.insert({ ownerId: book.ownerId, customerId: book.customer.id, shareLinkId: book.link.id, chatId: chat.chatId, chatTitle: chat.title.slice(0, 200), language: chat.language, now: clock.now() });
        return { shop: book.shopName, currency: book.currency, customer: book.customer.name, balance, already: false };
      });
    },

    /** /stop: this chat hears no more from any book. Returns how many subscriptions ended. */
    async stop(chatId: string): Promise<number> {
      return (await updates.end({ chatId }, 'stopped', clock.now())).length;
    },

    async list(actor: Actor, customerId: number): Promise<SubscriptionRow[]> {
      await customers.get(actor, customerId);
      return updates.live(actor.ownerId, customerId);
    },

    async count(actor: Actor, customerId: number): Promise<number> {
      return updates.countLive(actor.ownerId, customerId);
    },

    async remove(actor: Actor, customerId: number, subscriptionId: number): Promise<void> {
      await customers.get(actor, customerId);
      const ended = await updates.end({ id: subscriptionId, ownerId: actor.ownerId, customerId }, 'removed', clock.now());
      if (ended.length === 0) throw new SubscriberNotFound();
    },

    /** Ends the subscriptions that came through these links (revoked, or their customer archived). */
    async endForLinks(linkIds: number[]): Promise<void> {
      await updates.end({ shareLinkIds: linkIds }, 'link_revoked', clock.now());
    },

    /** Owes every live subscription of the customer a message; in the caller's transaction (the outbox). */
    async enqueue(customerId: number, payload: UpdatePayload): Promise<number> {
      return updates.enqueueForCustomer(customerId, payload, clock.now());
    },

    // ---- for the sender -----------------------------------------------------------------------

    // One statement, so atomic on its own: no transaction held open while other work waits on the database.
    claim: (claimMs: number, limit: number): Promise<OutboxRow[]> => updates.claim(clock.now(), claimMs, limit),
    sent: (id: number) => updates.sent(id, clock.now()),
    retryAt: (id: number, dueAt: Date) => updates.retryAt(id, dueAt),
    putBack: (id: number) => updates.putBack(id),
    isLive: (subscriptionId: number) => updates.isLive(subscriptionId),

    /** The chat cannot be reached (it blocked the bot): its subscription ends, and what it was owed is dropped. */
    async unreachable(subscriptionId: number): Promise<void> {
      await transactions.run(async () => {
        await updates.end({ id: subscriptionId }, 'blocked', clock.now());
        await updates.failed(subscriptionId, clock.now());
      });
    },

    /** Whose book a subscription follows, the chat's language, and the share token its messages link to. */
    async contextOf(subscriptionId: number): Promise<{ shop: string; currency: string | null; customer: string; language: string; token: string } | null> {
      const c = await updates.contextOf(subscriptionId);
      return c ? { shop: c.shop, currency: c.currency, customer: c.customer, language: c.language, token: shareToken(secret(), c.linkId, c.salt) } : null;
    },

    purges: [
      { name: 'subscribe codes', run: (now: Date, batch: number) => updates.purgeCodes(now, batch) },
      { name: 'sent updates', run: (now: Date, batch: number) => updates.purgeDone(new Date(now.getTime() - OUTBOX_KEEP_MS), batch) },
    ],
  };
}

export type UpdatesService = ReturnType<typeof createUpdatesService>;
