import { Router, type RequestHandler } from 'express';
import { InvalidCredentials } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import type { Limiter } from './rate-limit.js';
import { methodNotAllowed } from './errors.js';
import { presentMe } from './presenters.js';
import { loginBody, meChangeBody, registrationBody } from './request-schemas.js';
import { actorOf, parseBody } from './request.js';

// Auth answers carry a fresh secret, so they are not stored for Idempotency-Key replays:
// only token hashes are ever written to the database.
export function createAuthRouter(services: Services, requireAuth: RequestHandler, limiter: Pick<Limiter, 'loginFailed'>): Router {
  const router = Router();
  const { auth } = services;

  router
    .route('/register/')
    .post(async (req, res) => {
      const { token } = await auth.register(parseBody(req, registrationBody));
      res.status(201).json({ token });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/login/')
    .post(async (req, res) => {
      try {
        const { token } = await auth.login(parseBody(req, loginBody));
        res.status(200).json({ token });
      } catch (error) {
        if (error instanceof InvalidCredentials) await limiter.loginFailed(req);
        throw error;
      }
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/logout/')
    .post(requireAuth, async (_req, res) => {
      await auth.logout(actorOf(res));
      res.status(204).end();
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/me/')
    .get(requireAuth, async (_req, res) => {
      res.json(presentMe(await auth.me(actorOf(res))));
    })
    .patch(requireAuth, async (req, res) => {
      const body = parseBody(req, meChangeBody);
      res.json(presentMe(await auth.updateProfile(actorOf(res), { displayName: body.display_name, currency: body.currency })));
    })
    .all(methodNotAllowed(['GET', 'PATCH']));

  return router;
}
