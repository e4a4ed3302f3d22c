import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from './sql.js';

/** One request's (or bot update's) unit of work: its EntityManager fork, made when first asked for. */
type Unit = { root: EntityManager; fork: EntityManager | null; forking: boolean };

const units = new AsyncLocalStorage<Unit>();

/**
 * Runs `next` as one unit of work, as MikroORM's RequestContext does, except that the fork (a unit of
 * work, an identity map and their helpers: 4% of a summary's CPU) is made only when the ORM first asks
 * for it. Plain SQL outside a transaction never does (see transactionOf), so most requests make none.
 */
export function inUnitOfWork<T>(root: EntityManager, next: () => T): T {
  return units.run({ root, fork: null, forking: false }, next);
}

/** MikroORM's `context` option: the current unit's fork (made now if need be); none outside a unit. */
export function unitEntityManager(name: string): EntityManager | undefined {
  const unit = units.getStore();
  // While the fork is being made it asks for its context itself: it is its own, as it is for
  // RequestContext, whose store is set only once the fork exists.
  if (!unit || unit.root.name !== name || unit.forking) return undefined;
  if (unit.fork === null) {
    unit.forking = true;
    try {
      // From the root itself: resolving the context here would ask this function again.
      unit.fork = unit.root.fork({ useContext: true, disableContextResolution: true });
    } finally {
      unit.forking = false;
    }
  }
  return unit.fork;
}

/**
 * The ORM transaction plain SQL on `em` must run in, if one is open: the transaction this code runs in,
 * else `em`'s own when it is a fork holding one. Unlike `em.getTransactionContext()` on the root, it
 * does not make the unit of work's fork just to find out there is no transaction.
 */
export function transactionOf(em: EntityManager): Knex.Transaction | undefined {
  const inTransaction = TransactionContext.getEntityManager(em.name);
  if (inTransaction) return inTransaction.getTransactionContext<Knex.Transaction>();
  return em.global ? undefined : em.getTransactionContext<Knex.Transaction>();
}
