import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { z } from 'zod';
import { directConnection, directStatement, sqlitePoolOf } from './sqlite-direct.js';
import { transactionOf } from './unit-of-work.js';

export type EntityManager = SqlEntityManager;

/**
 * The EntityManager for the current unit of work: the open transaction if there is one, else the
 * request's (or update's) fork, else a fresh fork for a caller with no context (scripts, tests).
 */
export function currentEm(root: EntityManager): EntityManager {
  const em = root.getContext(false);
  return em === root ? root.fork() : em;
}

/** True when a driver error is a unique-constraint violation, on any dialect. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && error.name === 'UniqueConstraintViolationException';
}

export type SqlRow = Record<string, unknown>;
export type SqlParam = Knex.RawBinding;

const pgResult = z.object({ rows: z.array(z.unknown()) });

/**
 * One SQL statement with bound parameters, on the unit of work's open transaction if there is one
 * (repositories pass the root EntityManager: a statement outside a transaction needs no fork),
 * returning its rows (a SELECT, or a write with RETURNING). Repositories use it where the ORM's
 * query building and hydration would cost more than the query itself. Driver errors are converted
 * as the ORM converts them (unique violations, lost connections).
 */
export async function sqlRows(em: EntityManager, text: string, params: SqlParam[]): Promise<SqlRow[]> {
  const direct = directConnection();
  const trx = direct ? undefined : transactionOf(em);
  // Outside any transaction on SQLite the statement goes straight to the connection too.
  const pool = direct || trx ? undefined : sqlitePoolOf(em.getKnex());
  let result: unknown;
  try {
    result = direct ? direct.rows(text, params) : pool ? await directStatement(pool, text, params) : await (trx ?? em.getKnex()).raw(text, params);
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
  // SQLite answers the rows themselves, PostgreSQL a result object holding them.
  const rows = Array.isArray(result) ? result : pgResult.parse(result).rows;
  return rows.filter((row): row is SqlRow => typeof row === 'object' && row !== null);
}

/** One SQL statement run for its effect (a write without RETURNING); as sqlRows otherwise. */
export async function sqlRun(em: EntityManager, text: string, params: SqlParam[]): Promise<void> {
  const direct = directConnection();
  const trx = direct ? undefined : transactionOf(em);
  const pool = direct || trx ? undefined : sqlitePoolOf(em.getKnex());
  try {
    if (direct) direct.rows(text, params);
    else if (pool) await directStatement(pool, text, params);
    else await (trx ?? em.getKnex()).raw(text, params);
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}

/** A date column as YYYY-MM-DD: text on SQLite; on PostgreSQL a string or a Date, by driver settings. */
export const isoDay = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** A column as a JS number (PostgreSQL sends bigint columns as strings). */
export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer column, got ${String(value)}`);
  return n;
}

/** A column that may be null, as a number or null. */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

/** A timestamp column: milliseconds on SQLite, text or a Date on PostgreSQL. */
export function dateOf(em: EntityManager, value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value !== 'number' && typeof value !== 'string') throw new Error('expected a timestamp column');
  return em.getPlatform().parseDate(value);
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
export function jsonOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A column holding one of a fixed set of strings. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`unexpected value in the database: ${String(value)}`);
  return found;
}

/** A bounded delete: at most `batch` rows matching `where`, so a purge never holds a long lock. */
export async function deleteBatch(em: EntityManager, table: string, where: string, params: SqlParam[], batch: number): Promise<number> {
  const rows = await sqlRows(
    em,
    `delete from ${table} where id in (select id from ${table} where ${where} limit ?) returning id`,
    [...params, batch],
  );
  return rows.length;
}
