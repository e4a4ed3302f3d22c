import { mkdirSync, rmSync, statSync } from 'node:fs';

/** A lock older than this was left by a process that died while holding it. */
const STALE_MS = 120_000;

/**
 * Runs `work` while holding a lock shared by every process on this machine: a directory made next to
 * the file (mkdir is atomic). Processes starting together take turns; a lock left by a crash goes
 * stale and is taken over.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const lock = `${path}.lock`;
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error) || error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`another process has held ${lock} for ${Math.round(age / 1000)} s; is one stuck migrating?`);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
