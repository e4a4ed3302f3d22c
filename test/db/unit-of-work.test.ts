import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentEm } from '../../src/db/sql.js';
import { inUnitOfWork, unitEntityManager } from '../../src/db/unit-of-work.js';
import { createHarness, type Harness } from '../support/harness.js';
import { auth, createCustomer, registerMerchant } from '../support/fixtures.js';

let h: Harness;
let token: string;
let customerId: number;

beforeAll(async () => {
  h = await createHarness();
  token = await registerMerchant(h.app, 'lazy-unit');
  customerId = await createCustomer(h.app, token, { name: 'Alice' });
});
afterAll(async () => h.close());

describe('a unit of work made only when used', () => {
  it('when code in a unit asks for the EntityManager twice, then one fork is made, its own; outside any unit, none', async () => {
    const fork = vi.spyOn(h.db.em, 'fork');
    try {
      const [a, b] = await Promise.all([
        inUnitOfWork(h.db.em, async () => {
          await Promise.resolve();
          return [currentEm(h.db.em), currentEm(h.db.em)];
        }),
        inUnitOfWork(h.db.em, async () => currentEm(h.db.em)),
      ]);
      expect(a?.[0]).toBe(a?.[1]);
      expect(a?.[0]).not.toBe(b);
      expect(a?.[0]).not.toBe(h.db.em);
      expect(fork).toHaveBeenCalledTimes(2);
      expect(unitEntityManager(h.db.em.name)).toBeUndefined();
      // A unit that never asks makes no fork.
      fork.mockClear();
      await inUnitOfWork(h.db.em, async () => 'nothing asked');
      expect(fork).not.toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });

  it('when a summary is asked for or an entry posted, then the request makes no EntityManager fork, and the answers are right', async () => {
    const fork = vi.spyOn(h.db.em, 'fork');
    try {
      const posted = await request(h.app).post(`/api/customers/${customerId}/entries/`).set(auth(token)).send({ type: 'credit', amount: '250.50' });
      expect(posted.status).toBe(201);
      const summary = await request(h.app).get(`/api/customers/${customerId}/summary/`).set(auth(token));
      expect(summary.body).toEqual({ total_credit: '250.50', total_debit: '0.00', balance: '250.50' });
      // On PostgreSQL the entry's transaction goes through the ORM, which forks for it.
      if (h.db.dialect === 'sqlite') expect(fork).not.toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });

  it('when a request uses the ORM, then its unit of work is made then and the request succeeds', async () => {
    const fork = vi.spyOn(h.db.em, 'fork');
    try {
      // Renaming goes through the ORM's nativeUpdate, so the request's fork is made.
      const renamed = await request(h.app).patch(`/api/customers/${customerId}/`).set(auth(token)).send({ name: 'Alice B' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Alice B' });
      expect(fork).toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });
});
