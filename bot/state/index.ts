import type { EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Purge } from '../../src/domain/services.js';
import { createLinkAttempts } from './link-attempts.js';
import { createPendingChoices } from './pending-choices.js';
import { createSeenUpdates } from './seen-updates.js';

/** Telegram's own bookkeeping, in the database so every bot instance shares it. */
export function createBotState({ em, clock }: { em: EntityManager; clock: Clock }) {
  const seenUpdates = createSeenUpdates(em, clock);
  const pendingChoices = createPendingChoices(em, clock);
  const linkAttempts = createLinkAttempts(em, clock);
  const purges: Purge[] = [
    { name: 'seen updates', run: seenUpdates.purge },
    { name: 'pending choices', run: pendingChoices.purge },
    { name: 'link attempts', run: linkAttempts.purge },
  ];
  return { seenUpdates, pendingChoices, linkAttempts, purges };
}

export type BotState = ReturnType<typeof createBotState>;
