import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';

/**
 * A URL as it may be logged: a share page's token (the path is the secret) and a deep link's one-time
 * code (`start=`) are masked.
 */
export const withoutSecrets = (url: string) => url.replace(/^\/s\/(?!assets\/)[^/?#]+/, '/s/[redacted]').replace(/([?&]start=)[^&#]*/, '$1[redacted]');

/**
 * pino-http when request lines are logged (level info or lower). Above that it would still build a
 * child logger and serialise every request only to log nothing (a tenth of a summary's cost), so
 * each request gets pino-http's id (1, 2, …) and the root logger, and a 5xx answer is logged at
 * error as pino-http would.
 */
export function requestLog(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled('info')) {
    return pinoHttp({
      logger,
      quietReqLogger: true,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      serializers: {
        req: (req: { url?: string }) => Object.assign(req, { url: withoutSecrets(req.url ?? '') }),
        res: (res: { headers?: Record<string, unknown> }) => {
          if (typeof res.headers?.location === 'string') res.headers.location = withoutSecrets(res.headers.location);
          return res;
        },
      },
    });
  }
  let lastId = 0;
  return (req, res, next) => {
    const id = ++lastId;
    req.id = id;
    req.log = logger;
    res.once('finish', () => {
      if (res.statusCode >= 500) logger.error({ reqId: id, method: req.method, url: withoutSecrets(req.originalUrl), statusCode: res.statusCode }, 'request errored');
    });
    next();
  };
}
