import type { Channel } from './ledger/ledger-entry.entity.js';

/** Who is acting: every service call is scoped to `ownerId` and records where it came from. */
export type Actor = {
  ownerId: number;
  channel: Channel;
  /** The API token that authenticated the call (REST), if any. */
  tokenId: number | null;
  /** The Telegram chat the call came from, if any. */
  chatId: string | null;
};
