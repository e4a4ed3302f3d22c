import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { withFileLock } from './file-lock.js';

/** The lock that processes sharing one SQLite file take turns on for its set-up and its migrations. */
export const setupLock = (path: string) => `${path}.migrate`;

/**
 * Creates the file (and its folder) and switches it to WAL, once, before the ORM connects. Switching the
 * journal mode while another process starts on the same file failed with "database is locked", busy
 * timeout or not, so processes take turns here; the mode is kept in the file, and every later connection
 * finds it already set.
 */
export async function prepareSqliteFile(path: string, busyTimeoutMs: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await withFileLock(setupLock(path), async () => {
    const db = new Sqlite(path, { timeout: busyTimeoutMs });
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
  });
}
