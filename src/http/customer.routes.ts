import { Router, type RequestHandler } from 'express';
import type { Services } from '../domain/services.js';
import { methodNotAllowed } from './errors.js';
import { presentCustomer } from './presenters.js';
import { customerCreateBody, customerListQuery, customerPatchBody } from './request-schemas.js';
import { actorOf, customerId, parseBody, parseQuery, respondCreated, setNextLink } from './request.js';

export function createCustomerRouter(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  const { customers } = services;

  router
    .route('/')
    .get(requireAuth, async (req, res) => {
      const page = await customers.list(actorOf(res), parseQuery(req, customerListQuery));
      setNextLink(req, res, page.nextCursor);
      res.json(page.items.map(presentCustomer));
    })
    .post(requireAuth, async (req, res) => {
      await respondCreated(req, res, services.idempotency, async () =>
        presentCustomer(await customers.create(actorOf(res), parseBody(req, customerCreateBody))),
      );
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/:id/')
    .get(requireAuth, async (req, res) => {
      res.json(presentCustomer(await customers.get(actorOf(res), customerId(req.params.id))));
    })
    .put(requireAuth, async (req, res) => {
      const body = parseBody(req, customerCreateBody);
      res.json(presentCustomer(await customers.replace(actorOf(res), customerId(req.params.id), body)));
    })
    .patch(requireAuth, async (req, res) => {
      const body = parseBody(req, customerPatchBody);
      res.json(presentCustomer(await customers.patch(actorOf(res), customerId(req.params.id), body)));
    })
    .delete(requireAuth, async (req, res) => {
      await customers.archive(actorOf(res), customerId(req.params.id));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']));

  return router;
}
