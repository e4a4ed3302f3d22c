import type { SqlEntityManager } from '@mikro-orm/knex';

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
