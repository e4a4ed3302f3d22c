import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

// A real work factor (bcrypt cost 8, ~15 ms a check here) so that skipping bcrypt would stand out.
const BCRYPT_COST = 8;
const TRIES = 9;

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ bcryptCost: BCRYPT_COST });
  await h.services.auth.register({ username: 'known-shop', password: 'correct horse' });
});
afterAll(async () => h.close());

async function timeLogin(username: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await request(h.app).post('/api/auth/login/').send({ username, password: 'wrong password' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('Invalid credentials');
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe('login timing', () => {
  it('when the username is unknown, then the login costs the same bcrypt work as a wrong password (no user enumeration by timing)', async () => {
    const unknown: number[] = [];
    const wrongPassword: number[] = [];
    // Interleaved, so a slow moment of the machine hits both sides alike.
    for (let i = 0; i < TRIES; i += 1) {
      unknown.push(await timeLogin(`nobody-${i}`));
      wrongPassword.push(await timeLogin('known-shop'));
    }
    const ratio = median(unknown) / median(wrongPassword);
    console.info(`login medians over ${TRIES} tries: unknown user ${median(unknown).toFixed(1)} ms, wrong password ${median(wrongPassword).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    // Without the decoy comparison an unknown user answers in well under a fifth of the time.
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});
