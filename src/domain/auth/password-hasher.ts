import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * bcrypt on worker threads. bcryptjs's async API runs on the event loop in chunks of up to 100 ms, so a
 * few concurrent logins stalled every other request (and a shutdown signal) for half a second; here a
 * login costs the main thread nothing but a message.
 */
export type PasswordHasher = {
  hash(password: string, cost: number): Promise<string>;
  compare(password: string, hash: string): Promise<boolean>;
  /** Workers running now (they start on demand and exit when idle). */
  running(): number;
  /** Stops the workers; later calls start them again. */
  close(): Promise<void>;
};

type Job = { op: 'hash'; password: string; cost: number } | { op: 'compare'; password: string; hash: string };
type Pending = { resolve(result: unknown): void; reject(error: Error): void };
type Slot = { worker: Worker; pending: Map<number, Pending>; idle: NodeJS.Timeout | null };

const replySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), result: z.union([z.string(), z.boolean()]) }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);

const WORKER_URL = new URL('./password.worker.mjs', import.meta.url);

/** A worker with nothing to do for this long exits (its isolate costs ~17 MB of RSS, measured); the next login starts one. */
export const WORKER_IDLE_MS = 10_000;

export function createPasswordHasher(options: { threads?: number; idleMs?: number } = {}): PasswordHasher {
  const threads = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
  const idleMs = options.idleMs ?? WORKER_IDLE_MS;
  const slots: Slot[] = [];
  let nextId = 1;

  function failAll(slot: Slot, error: Error): void {
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
  }

  function start(): Slot {
    // No loader flags: the worker is plain JavaScript, and tsx's would only cost start-up time.
    const worker = new Worker(WORKER_URL, { execArgv: [] });
    const slot: Slot = { worker, pending: new Map(), idle: null };
    worker.on('message', (message: unknown) => {
      const reply = replySchema.safeParse(message);
      if (!reply.success) {
        // Not our worker's answer: nothing can say which job it was for, so fail them all and start afresh.
        void worker.terminate();
        failAll(slot, new Error('password worker sent an unreadable reply'));
        return;
      }
      const pending = slot.pending.get(reply.data.id);
      slot.pending.delete(reply.data.id);
      if (slot.pending.size === 0) rest(slot);
      if (!pending) return;
      if (reply.data.ok) pending.resolve(reply.data.result);
      else pending.reject(new Error(`password hashing failed: ${reply.data.error}`));
    });
    worker.on('error', (error) => failAll(slot, error));
    worker.on('messageerror', (error) => {
      void worker.terminate();
      failAll(slot, error);
    });
    worker.on('exit', (code) => {
      if (slot.idle) clearTimeout(slot.idle);
      failAll(slot, new Error(`password worker exited with code ${code}`));
    });
    // An idle worker never keeps the process alive; one with work in hand does.
    worker.unref();
    slots.push(slot);
    return slot;
  }

  /** Nothing in hand: the worker no longer holds the process open, and exits if it stays idle. */
  function rest(slot: Slot): void {
    slot.worker.unref();
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      void slot.worker.terminate();
    }, idleMs);
    slot.idle.unref();
  }

  function pick(): Slot {
    const idle = slots.find((s) => s.pending.size === 0);
    if (idle) return idle;
    if (slots.length < threads) return start();
    return slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  function run(job: Job): Promise<unknown> {
    const slot = pick();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker.ref();
      slot.worker.postMessage({ id, ...job });
    });
  }

  return {
    async hash(password, cost) {
      return z.string().parse(await run({ op: 'hash', password, cost }));
    },
    async compare(password, hash) {
      return z.boolean().parse(await run({ op: 'compare', password, hash }));
    },
    running: () => slots.length,
    async close() {
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
