import type { EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Purge } from '../../src/domain/services.js';
import { createChatSettings } from './chat-settings.js';
import { createChoices } from './choices.js';
import { createDeletions } from './deletions.js';
import { createLinkAttempts } from './link-attempts.js';
import { createSeenUpdates } from './seen-updates.js';

/** Telegram's own bookkeeping, in the database so every bot instance shares it. */
export function createBotState({ em, clock }: { em: EntityManager; clock: Clock }) {
  const seenUpdates = createSeenUpdates(em, clock);
  const choices = createChoices(em, clock);
  const linkAttempts = createLinkAttempts(em, clock);
  const deletions = createDeletions(em);
  const chatSettings = createChatSettings(em, clock);
  const purges: Purge[] = [
    { name: 'seen updates', run: seenUpdates.purge },
    { name: 'choices', run: choices.purge },
    { name: 'link attempts', run: linkAttempts.purge },
  ];
  return { seenUpdates, choices, linkAttempts, deletions, chatSettings, purges };
}

export type BotState = ReturnType<typeof createBotState>;
