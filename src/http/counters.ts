/**
 * Fixed-window counters for the rate limits: in memory for one instance, or in Redis so every
 * instance shares them. A counter store that fails (Redis away) throws; the limiter then lets the
 * request through, so a cache can never take the ledger down.
 */
export type Counter = { count: number; resetAt: number };

export type CountersStatus = 'memory' | 'ok' | 'connecting' | 'failing';

export type Counters = {
  /** Counts one hit on `key` in its current window (started by the first hit, `windowMs` long). */
  hit(key: string, windowMs: number): Counter | Promise<Counter>;
  /** The count so far in the window, without counting; zero when the window is over. */
  peek(key: string): Counter | Promise<Counter>;
  status(): CountersStatus;
};

/** Counters of one process. Bounded: past `maxKeys` the expired windows are swept, then the oldest dropped. */
export function memoryCounters(now: () => number, maxKeys = 100_000): Counters {
  const windows = new Map<string, Counter>();
  const sweep = () => {
    const t = now();
    for (const [key, c] of windows) if (c.resetAt <= t) windows.delete(key);
    while (windows.size >= maxKeys) {
      const oldest = windows.keys().next();
      if (oldest.done) break;
      windows.delete(oldest.value);
    }
  };
  return {
    hit(key, windowMs) {
      const t = now();
      const current = windows.get(key);
      if (current && current.resetAt > t) {
        current.count += 1;
        return current;
      }
      if (windows.size >= maxKeys) sweep();
      const fresh = { count: 1, resetAt: t + windowMs };
      windows.set(key, fresh);
      return fresh;
    },
    peek(key) {
      const current = windows.get(key);
      return current && current.resetAt > now() ? current : { count: 0, resetAt: now() };
    },
    status: () => 'memory',
  };
}

/** What counters need of a Redis client (node-redis's `sendCommand`, and whether it is connected). */
export type RedisLike = { sendCommand(args: string[]): Promise<unknown>; isReady: boolean };

// INCR, and start the window's expiry with the first hit; answers the count and the time left.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;
const PEEK = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

function counterOf(reply: unknown, now: number): Counter {
  if (!Array.isArray(reply)) throw new Error('unexpected reply from Redis');
  const [count, ttl] = reply.map(Number);
  return { count: count ?? 0, resetAt: now + Math.max(0, ttl ?? 0) };
}

/**
 * Counters in Redis, one key per window. The scripts are sent whole each time (EVAL, not EVALSHA), so
 * nothing cached server-side can be missing when Redis comes back after a restart.
 */
export function redisCounters(client: RedisLike, prefix: string, now: () => number, everConnected: () => boolean): Counters {
  return {
    async hit(key, windowMs) {
      return counterOf(await client.sendCommand(['EVAL', HIT, '1', `${prefix}${key}`, String(windowMs)]), now());
    },
    async peek(key) {
      return counterOf(await client.sendCommand(['EVAL', PEEK, '1', `${prefix}${key}`]), now());
    },
    status: () => (client.isReady ? 'ok' : everConnected() ? 'failing' : 'connecting'),
  };
}
