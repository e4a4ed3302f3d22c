import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/** The slice of a better-sqlite3 statement the direct path uses. */
type Statement = { reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
const handleSchema = z.custom<{ prepare(sql: string): Statement; inTransaction: boolean; open: boolean }>(
  (v) => typeof v === 'object' && v !== null && 'prepare' in v && typeof v.prepare === 'function' && 'inTransaction' in v && 'open' in v,
);

/** The SQLite connection a transaction of plain statements holds, for the statements run inside it. */
export type DirectConnection = { rows(text: string, params: readonly unknown[]): unknown[] };

const held = new AsyncLocalStorage<DirectConnection>();

/** knex's client: its pool of (on SQLite) one connection, and the pool itself (tarn) for its counts. */
type Pool = { acquireConnection(): Promise<unknown>; releaseConnection(connection: unknown): Promise<unknown>; pool?: unknown };
type PoolCounts = { numUsed(): number; numPendingAcquires(): number };
const hasCounts = (v: unknown): v is PoolCounts =>
  typeof v === 'object' && v !== null && 'numUsed' in v && typeof v.numUsed === 'function' && 'numPendingAcquires' in v && typeof v.numPendingAcquires === 'function';

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

// The pool's connection as last taken from it (on SQLite the pool holds one).
const lastTaken = new WeakMap<Pool, Handle>();

function taken(pool: Pool, connection: unknown): Handle {
  const handle = handleSchema.parse(connection);
  lastTaken.set(pool, handle);
  return handle;
}

/**
 * The pool's connection when it is in no one's hands and no one waits for it: a statement run on it
 * now, synchronously, cannot come between anyone else's (nothing else runs until it returns).
 */
function idleConnection(pool: Pool): Handle | undefined {
  const handle = lastTaken.get(pool);
  const counts = pool.pool;
  if (!handle || !hasCounts(counts) || counts.numUsed() !== 0 || counts.numPendingAcquires() !== 0) return undefined;
  // Closed: the pool made a new connection since. In a transaction: not ours to join.
  return handle.open && !handle.inTransaction ? handle : undefined;
}

/**
 * One statement outside any transaction, straight on the connection: at once when the connection is
 * idle (a pool round trip costs more than most of our statements), else taken from the pool meanwhile.
 */
export async function directStatement(pool: Pool, text: string, params: readonly unknown[]): Promise<unknown[]> {
  const idle = idleConnection(pool);
  if (idle) return directOn(idle).rows(text, params);
  const connection = await pool.acquireConnection();
  try {
    return directOn(taken(pool, connection)).rows(text, params);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * The transaction that the plain-statement transactions begun in one turn of the event loop share:
 * one BEGIN IMMEDIATE on the pool's connection, each member in a savepoint of its own, one COMMIT
 * (group commit: a commit costs more than the statements of an entry).
 */
type Batch = {
  handle: Handle;
  /** Open to new members until its commit is due. */
  open: boolean;
  /** Members run one after another: the last one's turn. */
  tail: Promise<unknown>;
  /** Set when a statement ended the whole transaction (SQLite does on a full disk, an I/O error…): every member's work is gone. */
  lost: { error: unknown } | null;
  committed: Promise<void>;
};

const openBatches = new WeakMap<Pool, Promise<Batch>>();

async function beginBatch(pool: Pool): Promise<Batch> {
  const connection = await pool.acquireConnection();
  let handle: Handle;
  try {
    handle = taken(pool, connection);
    prepared(handle, 'begin immediate').run();
  } catch (error) {
    await pool.releaseConnection(connection);
    throw error;
  }
  let done: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const committed = new Promise<void>((resolve, reject) => ((done = resolve), (fail = reject)));
  // Members wait for the commit; one that failed already has its own error and does not wait.
  committed.catch(() => undefined);
  const batch: Batch = { handle, open: true, tail: Promise.resolve(), lost: null, committed };
  setImmediate(() => {
    // Closed to new members: a transaction begun from now on opens the next batch.
    batch.open = false;
    openBatches.delete(pool);
    void (async () => {
      await batch.tail;
      try {
        if (batch.lost) throw batch.lost.error;
        prepared(handle, 'commit').run();
        done();
      } catch (error) {
        if (handle.inTransaction) prepared(handle, 'rollback').run();
        fail(error);
      } finally {
        await pool.releaseConnection(connection);
      }
    })();
  });
  return batch;
}

/** One member of a batch: its statements in a savepoint, rolled back alone when `fn` fails. */
async function runMember<T>(batch: Batch, fn: () => Promise<T>): Promise<T> {
  const { handle } = batch;
  if (batch.lost) throw batch.lost.error;
  prepared(handle, 'savepoint member').run();
  try {
    const result = await held.run(directOn(handle), fn);
    prepared(handle, 'release member').run();
    return result;
  } catch (error) {
    if (handle.inTransaction) {
      prepared(handle, 'rollback to member').run();
      prepared(handle, 'release member').run();
    } else {
      batch.lost = { error };
    }
    throw error;
  }
}

/**
 * Runs `fn` in a SQLite transaction straight on the ORM's own connection: taken from its pool (so no
 * other query can use it meanwhile), every statement of `fn` run synchronously on it (no query
 * builder, no per-statement promise machinery). Transactions begun in the same turn of the event loop
 * share one BEGIN IMMEDIATE … COMMIT, each in its own savepoint: `fn`'s failure rolls back only its
 * own statements, and `fn`'s result is returned only once the shared COMMIT succeeded (a failed
 * COMMIT fails every member). `fn` must run its SQL through sqlRows/sqlRun only: an ORM call would
 * wait for the pool it holds.
 */
export async function withDirectTransaction<T>(pool: Pool, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    let pending = openBatches.get(pool);
    if (!pending) {
      openBatches.set(pool, (pending = beginBatch(pool)));
      // A batch that could not begin is no batch: the next transaction tries again.
      pending.catch(() => openBatches.delete(pool));
    }
    const batch = await pending;
    if (!batch.open) continue;
    const mine = batch.tail.then(() => runMember(batch, fn));
    batch.tail = mine.catch(() => undefined);
    const result = await mine;
    await batch.committed;
    return result;
  }
}
