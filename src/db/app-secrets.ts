import { randomBytes } from 'node:crypto';
import { currentEm, sqlRows, sqlRun, type EntityManager } from './sql.js';

/**
 * The named secret: the environment's when given, else the one in the database, made by whichever
 * instance asks first (a random 32 bytes; the others read the same row).
 */
export async function appSecret(root: EntityManager, name: string, fromEnv: string | null, now: Date): Promise<string> {
  if (fromEnv) return fromEnv;
  const em = currentEm(root);
  await sqlRun(em, 'insert into app_secrets (name, value, created_at) values (?, ?, ?) on conflict (name) do nothing', [name, randomBytes(32).toString('base64url'), now]);
  const [row] = await sqlRows(em, 'select value from app_secrets where name = ?', [name]);
  if (!row) throw new Error(`secret ${name} was not stored`);
  return String(row.value);
}
