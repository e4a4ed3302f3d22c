import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/** The slice of a better-sqlite3 statement the direct path uses. */
type Statement = { reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
const handleSchema = z.custom<{ prepare(sql: string): Statement; inTransaction: boolean }>(
  (v) => typeof v === 'object' && v !== null && 'prepare' in v && typeof v.prepare === 'function' && 'inTransaction' in v,
);

/** The SQLite connection a transaction of plain statements holds, for the statements run inside it. */
export type DirectConnection = { rows(text: string, params: readonly unknown[]): unknown[] };

const held = new AsyncLocalStorage<DirectConnection>();

type Pool = { acquireConnection(): Promise<unknown>; releaseConnection(connection: unknown): Promise<unknown> };

// The pools whose connections are better-sqlite3 handles (registered when a SQLite database opens).
const sqlitePools = new WeakMap<object, Pool>();
export const registerSqlitePool = (knex: object, pool: Pool) => void sqlitePools.set(knex, pool);
export const sqlitePoolOf = (knex: object): Pool | undefined => sqlitePools.get(knex);

/** The connection of the plain-statement transaction this code runs in, if any. */
export const directConnection = (): DirectConnection | undefined => held.getStore();

// As knex's better-sqlite3 dialect binds them: dates as epoch milliseconds, booleans as 0 and 1.
const bindable = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value === undefined ? null : value);

type Handle = z.infer<typeof handleSchema>;

// Compiling a statement costs more than running most of ours, so each connection keeps its compiled
// statements by text. Repositories' SQL is a fixed set; the cap only guards against text built per call.
const MAX_STATEMENTS = 500;
const compiled = new WeakMap<Handle, Map<string, Statement>>();

function prepared(handle: Handle, text: string): Statement {
  let statements = compiled.get(handle);
  if (!statements) compiled.set(handle, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = handle.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

/** Statements run synchronously on one connection, compiled once each. */
function directOn(handle: Handle): DirectConnection {
  return {
    rows(text, params) {
      const statement = prepared(handle, text);
      const bound = params.map(bindable);
      if (statement.reader) return statement.all(...bound);
      statement.run(...bound);
      return [];
    },
  };
}

/** One statement outside any transaction, straight on the connection (taken from the pool meanwhile). */
export async function directStatement(pool: Pool, text: string, params: readonly unknown[]): Promise<unknown[]> {
  const connection = await pool.acquireConnection();
  try {
    return directOn(handleSchema.parse(connection)).rows(text, params);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * Runs `fn` in one SQLite transaction straight on the ORM's own connection: taken from its pool (so no
 * other query can use it meanwhile), BEGIN IMMEDIATE, every statement of `fn` run synchronously on it
 * (no query builder, no per-statement promise machinery), COMMIT, or ROLLBACK on any error.
 * `fn` must run its SQL through sqlRows/sqlRun only: an ORM call would wait for the pool it holds.
 */
export async function withDirectTransaction<T>(pool: Pool, fn: () => Promise<T>): Promise<T> {
  const connection = await pool.acquireConnection();
  try {
    const handle = handleSchema.parse(connection);
    prepared(handle, 'begin immediate').run();
    try {
      const result = await held.run(directOn(handle), fn);
      prepared(handle, 'commit').run();
      return result;
    } catch (error) {
      if (handle.inTransaction) prepared(handle, 'rollback').run();
      throw error;
    }
  } finally {
    await pool.releaseConnection(connection);
  }
}
