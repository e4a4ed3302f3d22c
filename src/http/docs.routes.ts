import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { methodNotAllowed } from './errors.js';

/** GET /api/openapi.json and the interactive docs at /docs, rendered from the same document. */
export function createDocsRouter(document: object): Router {
  const router = Router();
  router
    .route('/api/openapi.json')
    .get((_req, res) => {
      res.json(document);
    })
    .all(methodNotAllowed(['GET']));
  // swagger-ui-express serves its bundled assets itself: nothing is loaded from a CDN.
  router.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(document, {
      customSiteTitle: 'Mini Ledger API',
      swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
    }),
  );
  return router;
}
