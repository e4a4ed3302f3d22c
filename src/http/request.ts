import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../domain/actor.js';
import { CustomerNotFound, NotAuthenticated, type DomainError } from '../domain/errors.js';
import { fingerprintOf } from '../domain/idempotency/fingerprint.js';
import type { IdempotencyService } from '../domain/idempotency/idempotency.service.js';
import { isRowId } from '../domain/ids.js';
import { idempotencyKeyRule } from '../domain/rules.js';
import { parseInput } from '../domain/validate.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      actor?: Actor;
      /** The authenticated token's rate-limit key (a digest of the token itself, see rate-limit.ts). */
      tokenKey?: string;
    }
  }
}

/** The authenticated actor; routes behind `requireAuth` always have one. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor;
  if (!actor) throw new NotAuthenticated();
  return actor;
}

/** A path id, checked once here: anything but a plain row id names no row, so it is that route's 404. */
export function pathId(raw: string | string[] | undefined, notFound: () => DomainError): number {
  const id = typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 0;
  if (!isRowId(id)) throw notFound();
  return id;
}

/** The `{id}` of the customer routes. */
export const customerId = (raw: string | string[] | undefined) => pathId(raw, () => new CustomerNotFound());

/** The request body as a wire schema reads it (400 with a message per field otherwise). */
export const parseBody = <S extends z.ZodType>(req: Request, schema: S): z.output<S> => parseInput(schema, req.body);

/** The query string as a wire schema reads it. */
export const parseQuery = <S extends z.ZodType>(req: Request, schema: S): z.output<S> => parseInput(schema, req.query);

/** The request's path with one trailing slash, as the contract spells it. */
export function canonicalPath(req: Request): string {
  const path = `${req.baseUrl}${req.path}`;
  return path.endsWith('/') ? path : `${path}/`;
}

const idempotencyHeaderSchema = z.object({ 'Idempotency-Key': idempotencyKeyRule });

const storedResponse = z.object({ status: z.number().int(), body: z.unknown() });

/**
 * Answers a creating POST. With an `Idempotency-Key` header the first response is stored with the
 * key and replayed for a retry with the same body; without one the operation simply runs.
 */
export async function respondCreated(
  req: Request,
  res: Response,
  idempotency: IdempotencyService,
  create: () => Promise<unknown>,
  /** `plain`: `create` runs plain SQL statements only (see IdempotencyService.run). */
  options: { plain?: boolean } = {},
): Promise<void> {
  const key = req.get('Idempotency-Key');
  if (key === undefined) {
    res.status(201).json(await create());
    return;
  }
  // Checked here so a bad key is reported under the header's own name.
  parseInput(idempotencyHeaderSchema, { 'Idempotency-Key': key });
  const actor = actorOf(res);
  const fingerprint = fingerprintOf({ method: req.method, path: canonicalPath(req), body: req.body ?? null });
  const { replayed, result } = await idempotency.run(
    { ownerId: actor.ownerId, key, fingerprint },
    storedResponse,
    async () => ({ status: 201, body: await create() }),
    options,
  );
  if (replayed) res.set('Idempotent-Replayed', 'true');
  res.status(result.status).json(result.body);
}

/** Sets `Link: <…>; rel="next"` when a page has a successor, keeping the other query parameters. */
export function setNextLink(req: Request, res: Response, nextCursor: string | null): void {
  if (!nextCursor) return;
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  url.pathname = canonicalPath(req);
  url.searchParams.set('cursor', nextCursor);
  res.set('Link', `<${url.toString()}>; rel="next"`);
}
