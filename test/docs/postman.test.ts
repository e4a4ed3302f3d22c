import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collection, COLLECTION_FILE, environment, ENVIRONMENT_FILE, render } from '../../postman/build-collection.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const item = z.object({
  name: z.string(),
  event: z.array(z.object({ listen: z.string(), script: z.object({ exec: z.array(z.string()) }) })),
  request: z.object({ method: z.string(), url: z.object({ raw: z.string() }) }),
});
const parsed = z
  .object({ item: z.array(z.object({ name: z.string(), item: z.array(item) })) })
  .parse(JSON.parse(readFileSync(COLLECTION_FILE, 'utf8')));
const requests = parsed.item.flatMap((folder) => folder.item);

const testsOf = (i: z.infer<typeof item>) => i.event.filter((e) => e.listen === 'test').flatMap((e) => e.script.exec).join('\n');
const pathOf = (i: z.infer<typeof item>) => i.request.url.raw.replace('{{base_url}}', '').split('?')[0] ?? '';

describe('the Postman collection', () => {
  it('when compared with its builder, then the committed files are up to date (npm run postman:build)', () => {
    expect(readFileSync(COLLECTION_FILE, 'utf8')).toBe(render(collection));
    expect(readFileSync(ENVIRONMENT_FILE, 'utf8')).toBe(render(environment));
  });

  it('when read, then it has the Auth, Customers, Ledger, Summary, Statements and reports, Sharing, and Telegram linking folders', () => {
    expect(parsed.item.map((f) => f.name)).toEqual(['Auth', 'Customers', 'Ledger', 'Summary', 'Statements and reports', 'Sharing', 'Telegram linking']);
  });

  it('when every request is read, then each tests its status, and each with a body tests the body', () => {
    for (const r of requests) {
      const tests = testsOf(r);
      // A status, or the statuses a request may meet (the link code: 201 with the bot on, 503 with it off).
      expect(tests, r.name).toMatch(/pm\.response\.to\.have\.status\(\d{3}\)|pm\.expect\(\[\d{3}(, \d{3})+\]\)\.to\.include\(pm\.response\.code\)/);
      if (!/have\.status\(204\)/.test(tests)) expect((tests.match(/pm\.test\(/g) ?? []).length, r.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('when ids appear in paths, then they come from variables (only deliberate unknown ids expect 404)', () => {
    for (const r of requests) {
      const numeric = pathOf(r).split('/').filter((s) => /^\d+$/.test(s));
      if (numeric.length > 0) expect(testsOf(r), r.name).toContain('have.status(404)');
    }
  });

  it('when compared with the OpenAPI document, then every operation has a request in the collection', async () => {
    const doc = z
      .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
      .parse((await request(h.app).get('/api/openapi.json')).body);
    const toPattern = (template: string) =>
      new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
    const missing: string[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        const covered = requests.some(
          (r) => r.request.method === method.toUpperCase() && toPattern(template).test(pathOf(r)),
        );
        if (!covered) missing.push(`${method.toUpperCase()} ${template}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
