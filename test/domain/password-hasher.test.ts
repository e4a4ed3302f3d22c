import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decoyBcryptHash } from '../../src/domain/auth/auth.service.js';
import { createPasswordHasher } from '../../src/domain/auth/password-hasher.js';

describe('password hashing on worker threads', () => {
  const hasher = createPasswordHasher({ threads: 2 });
  afterAll(() => hasher.close());

  it('when a password is hashed, then the same password matches and another does not', async () => {
    const hash = await hasher.hash('correct horse', 4);
    expect(hash).toMatch(/^\$2[ab]\$04\$/);
    expect(await hasher.compare('correct horse', hash)).toBe(true);
    expect(await hasher.compare('correct horsf', hash)).toBe(false);
  });

  it('when hashes were made on the main thread by bcryptjs (stored before this change), then they still match', async () => {
    const stored = bcrypt.hashSync('old password', 4);
    expect(await hasher.compare('old password', stored)).toBe(true);
    expect(bcrypt.compareSync('new one', await hasher.hash('new one', 4))).toBe(true);
  });

  it('when the stored hash is corrupt, then the check fails with an error instead of hanging', async () => {
    await expect(hasher.compare('x', `$2a$04$${'!'.repeat(53)}`)).rejects.toThrow(/password hashing failed: Illegal salt/);
    // The worker survived the bad job.
    expect(await hasher.compare('x', await hasher.hash('x', 4))).toBe(true);
  });

  it('when the workers were stopped, then the next call starts them again', async () => {
    await hasher.close();
    expect(await hasher.compare('again', await hasher.hash('again', 4))).toBe(true);
  });

  it('when the decoy for unknown users is made, then it is a well-formed hash at the cost in force that no password matches', async () => {
    const decoy = decoyBcryptHash(5);
    expect(decoy).toMatch(/^\$2b\$05\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(decoy)).toBe(5);
    expect(await hasher.compare('', decoy)).toBe(false);
    expect(await hasher.compare('anything', decoy)).toBe(false);
    expect(decoyBcryptHash(5)).not.toBe(decoy);
  });

  it('when a worker has been idle for a while, then it exits, and the next check starts one again', async () => {
    const quick = createPasswordHasher({ threads: 1, idleMs: 50 });
    expect(await quick.compare('p', await quick.hash('p', 4))).toBe(true);
    expect(quick.running()).toBe(1);
    await expect.poll(() => quick.running(), { timeout: 2000 }).toBe(0);
    expect(await quick.compare('p', await quick.hash('p', 4))).toBe(true);
    await quick.close();
    expect(quick.running()).toBe(0);
  });

  it('when several slow hashes run, then the event loop keeps turning (a 10 ms timer is not held up behind them)', async () => {
    // bcryptjs on the main thread runs in chunks of up to 100 ms: four of these would hold a timer for ~400 ms.
    const hashes = Promise.all(Array.from({ length: 4 }, (_, i) => hasher.hash(`slow ${i}`, 11)));
    const started = performance.now();
    const firedAfter = await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - started), 10));
    await hashes;
    expect(firedAfter).toBeLessThan(150);
  });
});
