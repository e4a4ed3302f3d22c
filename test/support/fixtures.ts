import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import type { Services } from '../../src/domain/services.js';
import { createHarness, type Harness, type HarnessOptions } from './harness.js';

export const PASSWORD = 'correct horse';

export const auth = (token: string) => ({ Authorization: `Token ${token}` });

/** Registers a merchant through the API and returns its token. */
export async function registerMerchant(app: Express, username: string, password = PASSWORD): Promise<string> {
  const res = await request(app).post('/api/auth/register/').send({ username, password });
  expect(res.status).toBe(201);
  expect(typeof res.body.token).toBe('string');
  return String(res.body.token);
}

/** An actor for calling services directly, as a REST request with this token would act. */
export async function apiActor(services: Services, token: string): Promise<Actor> {
  const principal = await services.auth.authenticate(token);
  return { ownerId: principal.userId, channel: 'api', tokenId: principal.tokenId, chatId: null };
}

/** A merchant registered through the real auth service, as an actor for calling services directly. */
export async function registerActor(services: Services, username: string): Promise<Actor> {
  const { token } = await services.auth.register({ username, password: PASSWORD });
  return apiActor(services, token);
}

/** Requests to the app as one merchant: its token is set on each. */
export function apiClient(app: Express, token: string) {
  return {
    get: (path: string) => request(app).get(path).set(auth(token)),
    post: (path: string, body?: object) => request(app).post(path).set(auth(token)).send(body),
    put: (path: string, body?: object) => request(app).put(path).set(auth(token)).send(body),
    patch: (path: string, body?: object) => request(app).patch(path).set(auth(token)).send(body),
    delete: (path: string) => request(app).delete(path).set(auth(token)),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/**
 * A fresh harness with merchants already registered through the API: `tokens.alice`, `tokens.mallory`, …
 * The usual world of a test file: one merchant acting, another whose data must never be reached.
 */
export async function harnessWithMerchants<N extends string>(
  names: readonly N[],
  options: HarnessOptions = {},
): Promise<{ h: Harness; tokens: Record<N, string> }> {
  const h = await createHarness(options);
  const tokens: Partial<Record<N, string>> = {};
  for (const name of names) tokens[name] = await registerMerchant(h.app, name);
  return { h, tokens: complete(tokens, names) };
}

function complete<N extends string>(partial: Partial<Record<N, string>>, names: readonly N[]): Record<N, string> {
  const out = {} as Record<N, string>;
  for (const name of names) {
    const value = partial[name];
    if (value === undefined) throw new Error(`no token for ${name}`);
    out[name] = value;
  }
  return out;
}

/** A clock tests can move forward. */
export function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

/** Creates a customer through the API and returns its id. */
export async function createCustomer(app: Express, token: string, body: object): Promise<number> {
  const res = await request(app).post('/api/customers/').set(auth(token)).send(body);
  expect(res.status).toBe(201);
  return Number(res.body.id);
}

/** A supertest parser that keeps a binary body (PDF, PNG) as a Buffer: `.buffer(true).parse(binaryBody)`. */
export const binaryBody = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
