import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestLog } from '../../src/http/request-log.js';
import { createLogger } from '../../src/logger.js';

function appLoggingAt(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const app = express();
  app.use(requestLog(createLogger(level, sink)));
  app.get('/ok', (req, res) => res.json({ id: req.id }));
  app.get('/boom', (_req, res) => res.status(500).json({}));
  return { app, lines };
}

describe('request log', () => {
  it('when the level is warn, then requests get increasing ids, successes log nothing and a 5xx logs one error line', async () => {
    const { app, lines } = appLoggingAt('warn');
    const first = await request(app).get('/ok');
    const second = await request(app).get('/ok');
    expect(second.body.id).toBe(first.body.id + 1);
    await request(app).get('/boom');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'request errored', statusCode: 500, url: '/boom' })]);
  });

  it('when the level is info, then pino-http logs every request line', async () => {
    const { app, lines } = appLoggingAt('info');
    await request(app).get('/ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ msg: 'request completed', res: expect.objectContaining({ statusCode: 200 }) })]);
  });
});
