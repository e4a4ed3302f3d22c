import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import { redisCounters, type Counters } from './counters.js';

export type RedisCounters = { counters: Counters; close(): Promise<void> };

const PREFIX = 'mini-ledger:rl:';

/**
 * Rate-limit counters in Redis, shared by every instance. The connection is made in the background and
 * retried (node-redis backs off by itself): the API serves from the start, and until Redis answers the
 * limits fail open. Without the offline queue a command fails at once while Redis is away instead of
 * holding the request.
 */
export function connectRedisCounters(url: string, logger: Logger, now: () => number): RedisCounters {
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) } });
  let connected = false;
  let lastWarned = 0;
  client.on('ready', () => {
    connected = true;
    logger.info('redis (rate limits) connected');
  });
  client.on('error', (error: unknown) => {
    // A Redis that is down errors on every retry: say so at most once a minute.
    if (now() - lastWarned < 60_000) return;
    lastWarned = now();
    logger.warn({ err: error }, 'redis (rate limits) unavailable: limits fail open until it answers');
  });
  client.connect().catch((error: unknown) => logger.warn({ err: error }, 'redis (rate limits) did not connect'));
  return {
    counters: redisCounters({ sendCommand: (args) => client.sendCommand(args), get isReady() { return client.isReady; } }, PREFIX, now, () => connected),
    async close() {
      // A client still retrying its first connection is dropped, not waited for.
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
