import { createAuthService } from './auth.service.js';
import type { Clock } from './clock.js';
import { createCustomerService } from './customer.service.js';
import type { EntityManager } from './db.js';
import { createIdempotencyService } from './idempotency.service.js';
import { createLedgerService } from './ledger.service.js';
import { createPasswordHasher, type PasswordHasher } from './password-hasher.js';
import { createPendingEntryService } from './pending-entry.service.js';
import { createTelegramService } from './telegram.service.js';

export type ServiceDeps = {
  em: EntityManager;
  clock: Clock;
  bcryptCost: number;
  /** bcrypt on worker threads; one is made when absent (its idle workers never hold the process open). */
  passwords?: PasswordHasher;
};

/** The domain, wired once: both transports call these same owner-scoped services. */
export function createServices(given: ServiceDeps) {
  const deps = { ...given, passwords: given.passwords ?? createPasswordHasher() };
  const auth = createAuthService(deps);
  return {
    auth,
    customers: createCustomerService(deps),
    ledger: createLedgerService(deps),
    idempotency: createIdempotencyService(deps),
    telegram: createTelegramService({ ...deps, auth }),
    pendingEntries: createPendingEntryService(deps),
    passwords: deps.passwords,
  };
}

export type Services = ReturnType<typeof createServices>;
