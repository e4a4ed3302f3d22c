import type { Logger } from '../logger.js';
import { redisCounters, type Counters, type RedisLike } from './counters.js';

export type RedisCounters = { counters: Counters; close(): Promise<void> };

/** What of node-redis's client is used here. */
type RedisClient = RedisLike & { isOpen: boolean; close(): Promise<unknown>; destroy(): void };

const PREFIX = 'mini-ledger:rl:';

/**
 * Rate-limit counters in Redis, shared by every instance. The connection is made in the background and
 * retried (node-redis backs off by itself): the API serves from the start, and until Redis answers the
 * limits fail open. Without the offline queue a command fails at once while Redis is away instead of
 * holding the request. The client library is imported in the background too (a tenth of the time to
 * the first answer), so a process without REDIS_URL never loads it.
 */
export function connectRedisCounters(url: string, logger: Logger, now: () => number): RedisCounters {
  let client: RedisClient | null = null;
  let connected = false;
  let lastWarned = 0;
  const loading = import('redis').then(
    ({ createClient }) => {
      const made = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) } });
      made.on('ready', () => {
        connected = true;
        logger.info('redis (rate limits) connected');
      });
      made.on('error', (error: unknown) => {
        // A Redis that is down errors on every retry: say so at most once a minute.
        if (now() - lastWarned < 60_000) return;
        lastWarned = now();
        logger.warn({ err: error }, 'redis (rate limits) unavailable: limits fail open until it answers');
      });
      made.connect().catch((error: unknown) => logger.warn({ err: error }, 'redis (rate limits) did not connect'));
      client = made;
      return made;
    },
    (error: unknown) => {
      logger.error({ err: error }, 'redis client library did not load: rate limits fail open');
      return null;
    },
  );
  const redis: RedisLike = {
    sendCommand: (args) => (client ? client.sendCommand(args) : Promise.reject(new Error('redis (rate limits): client still loading'))),
    get isReady() {
      return client?.isReady ?? false;
    },
  };
  return {
    counters: redisCounters(redis, PREFIX, now, () => connected),
    async close() {
      const made = await loading;
      // A client still retrying its first connection is dropped, not waited for.
      if (made?.isReady) await made.close();
      else if (made?.isOpen) made.destroy();
    },
  };
}
