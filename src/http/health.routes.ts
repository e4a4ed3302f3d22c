import { Router } from 'express';
import type { Database } from '../db/orm.js';
import type { CountersStatus } from './counters.js';
import { methodNotAllowed, sendError } from './errors.js';

export type TelegramStatus = 'off' | 'connecting' | 'ok' | 'failing';
export type RedisStatus = 'off' | 'connecting' | 'ok' | 'failing';
export type Dependencies = { telegram: TelegramStatus; redis: RedisStatus };

/** Redis's part of the health report, from the counters' own status (memory counters: Redis is off). */
export const redisStatusOf = (status: CountersStatus): RedisStatus => (status === 'memory' ? 'off' : status);

const OFF: Dependencies = { telegram: 'off', redis: 'off' };

/**
 * /healthz: 200 while the ledger's database answers, with each dependency's state beside it (a Bot API or
 * Redis that is away does not make the ledger unhealthy). /readyz: 200 only when every configured
 * dependency answers too, for load balancers that want the whole picture.
 */
export function createHealthRouter(db: Pick<Database, 'ping'>, dependencies: () => Dependencies = () => OFF): Router {
  const router = Router();
  router
    .route('/healthz')
    .get(async (_req, res) => {
      const up = await db.ping();
      if (!up) return sendError(res, 503, 'database_unavailable', 'The database is not answering.');
      res.json({ status: 'ok', database: 'ok', ...dependencies() });
    })
    .all(methodNotAllowed(['GET']));
  router
    .route('/readyz')
    .get(async (_req, res) => {
      const database = (await db.ping()) ? 'ok' : 'failing';
      const deps = dependencies();
      const ready = database === 'ok' && Object.values(deps).every((s) => s === 'ok' || s === 'off');
      if (!ready) res.set('Retry-After', '5');
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', database, ...deps });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
