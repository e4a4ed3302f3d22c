import type { Clock } from './domain/clock.js';
import type { Purge } from './domain/services.js';
import type { Logger } from './logger.js';

export const HOUSEKEEPING_INTERVAL_MS = 60_000;
export const PURGE_BATCH = 1_000;
// A pass stops after this many full batches of one kind; the next pass goes on where it stopped.
const MAX_BATCHES_PER_PASS = 20;

export type Housekeeping = {
  /** Adds a purge (one that needs what is built later, such as the bot's API). */
  add(purge: Purge): void;
  /** One pass over every purge; returns how many rows each deleted. */
  runOnce(): Promise<Record<string, number>>;
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
};

/**
 * Deletes what has expired, in bounded batches so no pass holds a lock for long. Every instance may
 * run it at once: a row two instances both pick is deleted by one and skipped by the other.
 */
export function createHousekeeping(deps: { purges: Purge[]; clock: Clock; logger: Logger; intervalMs?: number; batch?: number }): Housekeeping {
  const { clock, logger } = deps;
  const purges = [...deps.purges];
  const batch = deps.batch ?? PURGE_BATCH;
  const intervalMs = deps.intervalMs ?? HOUSEKEEPING_INTERVAL_MS;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function runOnce(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const purge of purges) {
      let total = 0;
      try {
        for (let i = 0; i < MAX_BATCHES_PER_PASS; i++) {
          const n = await purge.run(clock.now(), batch);
          total += n;
          if (n < batch) break;
        }
      } catch (error) {
        // The next pass tries again; a database that is away must not stop the service.
        logger.warn({ err: error, purge: purge.name }, 'housekeeping: a purge failed');
      }
      deleted[purge.name] = total;
    }
    const sum = Object.values(deleted).reduce((a, b) => a + b, 0);
    if (sum > 0) logger.info({ deleted }, 'housekeeping: expired rows deleted');
    return deleted;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = null;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  };

  return {
    add: (purge) => void purges.push(purge),
    runOnce,
    start() {
      stopped = false;
      if (!timer) schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
