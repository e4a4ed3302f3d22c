import type { Dialect } from '../db/orm-options.js';
import type { EntityManager } from '../db/sql.js';
import { createTransactions } from '../db/transaction.js';
import { createAuthRepository } from './auth/auth.repository.js';
import { createAuthService } from './auth/auth.service.js';
import { createPasswordHasher, type PasswordHasher } from './auth/password-hasher.js';
import { createChatLinkRepository } from './chat-links/chat-link.repository.js';
import { createChatLinkService, LINK_END_NOTE_TTL_MS } from './chat-links/chat-link.service.js';
import type { Clock } from './clock.js';
import { createCustomerRepository } from './customers/customer.repository.js';
import { createCustomerService } from './customers/customer.service.js';
import { createIdempotencyRepository } from './idempotency/idempotency.repository.js';
import { createIdempotencyService } from './idempotency/idempotency.service.js';
import { createIntegrityRepository } from './ledger/integrity.repository.js';
import { createLedgerRepository } from './ledger/ledger.repository.js';
import { createLedgerService } from './ledger/ledger.service.js';
import { createMerchantTotalsRepository } from './ledger/merchant-totals.repository.js';
import { createCustomerDaysRepository } from './ledger/customer-days.repository.js';
import { createStatementRepository } from './statements/statement.repository.js';
import { createStatementService } from './statements/statement.service.js';
import { createDuesRepository } from './dues/dues.repository.js';
import { createDuesService } from './dues/dues.service.js';
import { createBookRepository } from './book/book.repository.js';
import { createBookService } from './book/book.service.js';
import type { PostingListener } from './ledger/ledger.service.js';
import { createShareRepository } from './sharing/share.repository.js';
import { createShareService } from './sharing/share.service.js';
import { createUpdatesRepository } from './updates/updates.repository.js';
import { createUpdatesService } from './updates/updates.service.js';

export type ServiceDeps = {
  em: EntityManager;
  dialect: Dialect;
  /** The secret share-link tokens are derived with (SHARE_LINK_SECRET, or the database's own). */
  shareSecret?: () => string;
  clock: Clock;
  bcryptCost: number;
  /** The most customers one merchant may keep (MAX_CUSTOMERS_PER_MERCHANT). */
  maxCustomers?: number;
  /** bcrypt on worker threads; one is made when absent (its idle workers never hold the process open). */
  passwords?: PasswordHasher;
};

/** The customer cap when none is configured (the MAX_CUSTOMERS_PER_MERCHANT default). */
export const DEFAULT_MAX_CUSTOMERS = 250_000;

// Share links need the secret the runtime loads at start; a graph built without it (a test's second
// set of services) cannot make or open them.
const unsetSecret = (): string => {
  throw new Error('share links need the share secret (createRuntime loads it)');
};

/** A job that deletes up to `batch` expired rows of one kind; returns how many it deleted. */
export type Purge = { name: string; run(now: Date, batch: number): Promise<number> };

/** The domain, wired once: both transports call these same owner-scoped services. */
export function createServices({ em, dialect, clock, bcryptCost, maxCustomers = DEFAULT_MAX_CUSTOMERS, passwords = createPasswordHasher(), shareSecret = unsetSecret }: ServiceDeps) {
  const transactions = createTransactions(em, dialect);
  const users = createAuthRepository(em);
  const links = createChatLinkRepository(em);
  const keys = createIdempotencyRepository(em);
  // Logging a token out ends the chat links made with it, in the same transaction (set once chatLinks exists).
  let endLinks: (ownerId: number, tokenId: number) => Promise<void> = async () => {};
  const auth = createAuthService({ users, transactions, clock, bcryptCost, passwords, onTokenRevoked: (o, t) => endLinks(o, t) });
  const chatLinks = createChatLinkService({ links, users, auth, transactions, clock });
  endLinks = chatLinks.endLinksOfToken;
  const purges: Purge[] = [
    { name: 'idempotency keys', run: keys.purgeExpired },
    { name: 'link codes', run: links.purgeExpiredCodes },
    { name: 'link end notes', run: (now, batch) => links.purgeEnds(now, batch, LINK_END_NOTE_TTL_MS) },
  ];
  const merchantTotals = createMerchantTotalsRepository(em);
  // Archiving a customer ends its share links (and their subscriptions), in the archive's transaction;
  // every posting owes the customer's subscribed chats a message, in the posting's (set once they exist).
  let archived: (customerId: number) => Promise<void> = async () => {};
  let posted: PostingListener['posted'] = async () => {};
  const customers = createCustomerService({ customers: createCustomerRepository(em), merchantTotals, transactions, clock, maxCustomers, onArchived: (id) => archived(id) });
  const ledger = createLedgerService({
    entries: createLedgerRepository(em),
    merchantTotals,
    days: createCustomerDaysRepository(em),
    integrity: createIntegrityRepository(em),
    transactions,
    clock,
    listener: { posted: (id, event) => posted(id, event) },
  });
  let linksEnded: (ids: number[]) => Promise<void> = async () => {};
  const shares = createShareService({ shares: createShareRepository(em), customers, ledger, transactions, clock, secret: shareSecret, onLinksEnded: (ids) => linksEnded(ids) });
  const updates = createUpdatesService({ updates: createUpdatesRepository(em, dialect), shares, customers, transactions, clock, secret: shareSecret });
  linksEnded = updates.endForLinks;
  archived = shares.endAllOf;
  posted = updates.enqueue;
  purges.push(...updates.purges);
  return {
    auth,
    customers,
    shares,
    updates,
    book: createBookService({ book: createBookRepository(em), customers, ledger, transactions }),
    statements: createStatementService({ statements: createStatementRepository(em), customers, transactions, clock }),
    dues: createDuesService({ dues: createDuesRepository(em), clock }),
    ledger,
    idempotency: createIdempotencyService({ keys, transactions, clock }),
    chatLinks,
    passwords,
    /** What the housekeeping job deletes once it has expired. */
    purges,
  };
}

export type Services = ReturnType<typeof createServices>;
