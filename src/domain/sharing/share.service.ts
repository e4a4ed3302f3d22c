import { z } from 'zod';
import type { Transactions } from '../../db/transaction.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { CustomerService } from '../customers/customer.service.js';
import { ShareLinkNotFound } from '../errors.js';
import type { HistoryEntry, LedgerService } from '../ledger/ledger.service.js';
import { parseInput } from '../validate.js';
import type { ShareRepository, SharedBook } from './share.repository.js';
import { newSalt, SHARE_TOKEN, shareToken, tokenHash } from './share-tokens.js';

/** A link as its merchant sees it: the token is what goes after /s/ in its URL. */
export type ShareLinkView = { id: number; token: string; createdAt: Date; expiresAt: Date | null };

/** What a share page shows: whose book, the balance, and the latest entries with their running balance. */
export type SharedView = SharedBook & { token: string; balance: number; entries: Array<HistoryEntry & { balance: number }> };

/** Entries a share page shows, newest first. */
export const SHARE_PAGE_ENTRIES = 50;
const DAY_MS = 86_400_000;

const createRule = z.object({ expiresInDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').optional() });

export type ShareServiceDeps = {
  shares: ShareRepository;
  customers: CustomerService;
  ledger: LedgerService;
  transactions: Transactions;
  clock: Clock;
  /** The secret share tokens are derived with. */
  secret: () => string;
  /** Called in the same transaction when links end (their subscriptions end with them). */
  onLinksEnded: (linkIds: number[]) => Promise<void>;
};

/** Read-only links to one customer's side of the book, revocable, owner-scoped. */
export function createShareService({ shares, customers, ledger, transactions, clock, secret, onLinksEnded }: ShareServiceDeps) {
  const view = (l: { id: number; salt: string; createdAt: Date; expiresAt: Date | null }): ShareLinkView => ({
    id: l.id,
    token: shareToken(secret(), l.id, l.salt),
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
  });

  async function create(actor: Actor, customerId: number, command: { expiresInDays?: number | undefined } = {}): Promise<ShareLinkView> {
    const { expiresInDays } = parseInput(createRule, command);
    await customers.get(actor, customerId);
    return transactions.join(async () => {
      const now = clock.now();
      const salt = newSalt();
      const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
      const id = await shares.insert(actor.ownerId, customerId, salt, now, expiresAt);
      const token = shareToken(secret(), id, salt);
      await shares.setHash(id, tokenHash(token));
      return { id, token, createdAt: now, expiresAt };
    });
  }

  return {
    create,

    async list(actor: Actor, customerId: number): Promise<ShareLinkView[]> {
      await customers.get(actor, customerId);
      return (await shares.live(actor.ownerId, customerId, clock.now())).map(view);
    },

    /** The customer's newest live link, or a new one when it has none (reminders). */
    async current(actor: Actor, customerId: number): Promise<ShareLinkView> {
      await customers.get(actor, customerId);
      const [newest] = await shares.live(actor.ownerId, customerId, clock.now());
      return newest ? view(newest) : create(actor, customerId);
    },

    /** Revokes a link at once (every instance reads links from the database); its subscriptions end too. */
    async revoke(actor: Actor, customerId: number, linkId: number): Promise<void> {
      await transactions.join(async () => {
        if (!(await shares.revoke(actor.ownerId, customerId, linkId, clock.now()))) throw new ShareLinkNotFound();
        await onLinksEnded([linkId]);
      });
    },

    /** An archived customer's links all end (called in the archive's transaction). */
    async endAllOf(customerId: number): Promise<void> {
      const ended = await shares.revokeAllOf(customerId, clock.now());
      if (ended.length > 0) await onLinksEnded(ended);
    },

    /** The book behind a token, or null when the token is unknown, revoked, expired or its customer archived. */
    async open(token: string): Promise<SharedBook | null> {
      if (!SHARE_TOKEN.test(token)) return null;
      return shares.findLive({ hash: tokenHash(token) }, clock.now());
    },

    /** The book behind a link, while it is live. */
    openLink: (linkId: number): Promise<SharedBook | null> => shares.findLive({ id: linkId }, clock.now()),

    /** A share page's data: the book, the balance, and the latest entries with the balance after each. */
    async page(token: string): Promise<SharedView | null> {
      const book = await this.open(token);
      if (!book) return null;
      const owner: Actor = { ownerId: book.ownerId, channel: 'api', tokenId: null, chatId: null };
      const recent = await ledger.recent(owner, book.customer.id, SHARE_PAGE_ENTRIES);
      // Newest first: the newest balance is the customer's; each older one is the one before it.
      let balance = book.customer.totalCredit - book.customer.totalDebit;
      const entries = recent.map((e) => {
        const after = balance;
        balance -= e.type === 'credit' ? e.amount : -e.amount;
        return { ...e, balance: after };
      });
      return { ...book, token, balance: book.customer.totalCredit - book.customer.totalDebit, entries };
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;
