import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../domain/actor.js';
import { NotAuthenticated } from '../domain/errors.js';
import { fingerprintOf, type IdempotencyService } from '../domain/idempotency.service.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      actor?: Actor;
    }
  }
}

/** The authenticated actor; routes behind `requireAuth` always have one. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor;
  if (!actor) throw new NotAuthenticated();
  return actor;
}

/** A path id: anything but a plain positive integer names no row (0 is never a row id). */
export function rowId(raw: string | string[] | undefined): number {
  return typeof raw === 'string' && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
}

/** The request's path with one trailing slash, as the contract spells it. */
export function canonicalPath(req: Request): string {
  const path = `${req.baseUrl}${req.path}`;
  return path.endsWith('/') ? path : `${path}/`;
}

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
): Promise<void> {
  const key = req.get('Idempotency-Key');
  if (key === undefined) {
    res.status(201).json(await create());
    return;
  }
  const actor = actorOf(res);
  const fingerprint = fingerprintOf({ method: req.method, path: canonicalPath(req), body: req.body ?? null });
  const { replayed, result } = await idempotency.run(
    { ownerId: actor.ownerId, key, fingerprint },
    storedResponse,
    async () => ({ status: 201, body: await create() }),
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
