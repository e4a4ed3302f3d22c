import { IsolationLevel, TransactionPropagation } from '@mikro-orm/core';
import type { Dialect } from './orm-options.js';
import { currentEm, type EntityManager } from './sql.js';
import { directConnection, sqlitePoolOf, withDirectTransaction } from './sqlite-direct.js';
import { transactionOf } from './unit-of-work.js';

/**
 * Units of work for services, without handing them the ORM: repositories called inside `fn` run on
 * the transaction (they resolve the current EntityManager from the context).
 */
export type Transactions = {
  /** A transaction of its own (a savepoint when one is already open). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Joins the caller's transaction when there is one, instead of nesting a savepoint. */
  join<T>(fn: () => Promise<T>): Promise<T>;
  /** Reads that must agree with each other: one snapshot of the database for all of them. */
  snapshot<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * As `join`, for work that is plain SQL statements only (repositories' sqlRows/sqlRun, no ORM calls):
   * on SQLite, outside any other transaction, it runs straight on the connection (see withDirectTransaction).
   */
  statements<T>(fn: () => Promise<T>): Promise<T>;
};

export function createTransactions(root: EntityManager, dialect: Dialect): Transactions {
  const join = <T>(fn: () => Promise<T>) => currentEm(root).transactional(() => fn(), { propagation: TransactionPropagation.REQUIRED });
  return {
    run: (fn) => currentEm(root).transactional(() => fn()),
    join,
    statements(fn) {
      if (directConnection()) return fn();
      if (dialect !== 'sqlite' || transactionOf(root)) return join(fn);
      const pool = sqlitePoolOf(root.getKnex());
      return pool ? withDirectTransaction(pool, fn) : join(fn);
    },
    // PostgreSQL's default (read committed) takes a new snapshot per statement; SQLite's transactions
    // read one snapshot already (and its driver warns when given an isolation level).
    snapshot: (fn) =>
      currentEm(root).transactional(() => fn(), dialect === 'postgresql' ? { isolationLevel: IsolationLevel.REPEATABLE_READ } : {}),
  };
}
