import type { Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from '../logger.js';

export type RateLimitStore = { store: (name: string) => Store; close(): Promise<void> };

/** Counters in Redis, shared by every instance of the service; one key prefix per limiter. */
export async function connectRedisStore(url: string, logger: Logger): Promise<RateLimitStore> {
  // Without the offline queue a command fails at once while Redis is away (the limiter then lets
  // the request through) instead of hanging the request.
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', (error: unknown) => logger.warn({ err: error }, 'redis (rate limits) error'));
  await client.connect();
  return {
    store: (name) =>
      new RedisStore({ prefix: `mini-ledger:rl:${name}:`, sendCommand: (...args: string[]) => client.sendCommand(args) }),
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
