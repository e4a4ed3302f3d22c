import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { methodNotAllowed } from './errors.js';

const DOCUMENT_PATH = '/api/openapi.json';

/**
 * GET /api/openapi.json and the interactive docs at /docs, which read that document. It is built on its
 * first request, not at start-up (it took a twentieth of the time to the first answer), and kept.
 */
export function createDocsRouter(): Router {
  let document: Promise<object> | null = null;
  const documentOnce = () =>
    (document ??= import('./openapi.js')
      .then(({ createOpenApiDocument }) => createOpenApiDocument())
      .catch((error: unknown) => {
        document = null;
        throw error;
      }));
  const router = Router();
  router
    .route(DOCUMENT_PATH)
    .get(async (_req, res) => {
      res.json(await documentOnce());
    })
    .all(methodNotAllowed(['GET']));
  // swagger-ui-express serves its bundled assets itself: nothing is loaded from a CDN.
  router.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      swaggerUrl: DOCUMENT_PATH,
      customSiteTitle: 'Mini Ledger API',
      swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
    }),
  );
  return router;
}
