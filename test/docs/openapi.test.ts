import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHarness, type Harness } from '../support/harness.js';
import { auth, registerMerchant } from '../support/fixtures.js';
import { servedRoutes } from '../support/routes.js';

let h: Harness;
let doc: Record<string, unknown>;

beforeAll(async () => {
  h = await createHarness();
  const res = await request(h.app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => h.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const mediaType = z.object({ schema: z.record(z.string(), z.unknown()), example: z.unknown().optional() });
// A file answer (CSV, PDF, PNG) has content but no JSON.
const response = z.object({ content: z.object({ 'application/json': mediaType.optional() }).optional() });
const operation = z.object({ responses: z.record(z.string(), response), tags: z.array(z.string()) });
const paths = z.record(z.string(), z.partialRecord(z.enum(METHODS), operation));

function operations() {
  const out: Array<{ key: string; op: z.infer<typeof operation> }> = [];
  for (const [path, item] of Object.entries(paths.parse(doc.paths))) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push({ key: `${method.toUpperCase()} ${path}`, op });
    }
  }
  return out;
}

/** Validates data against a schema from the document, resolving its #/components refs. */
function validator() {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  return (schema: Record<string, unknown>, data: unknown) => {
    const validate = ajv.compile({ ...schema, components: doc.components });
    const ok = validate(data);
    return ok ? null : JSON.stringify(validate.errors);
  };
}

describe('GET /api/openapi.json', () => {
  it('when validated against the OpenAPI 3.1 schema, then it is valid', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('when compared with the routes the Express app serves, then every route is documented and nothing else', () => {
    const served = servedRoutes(h.app);
    const documented = new Set(operations().map((o) => o.key));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('when every documented example is checked against its schema, then each validates', () => {
    const check = validator();
    let checked = 0;
    for (const { key, op } of operations()) {
      for (const [status, res] of Object.entries(op.responses)) {
        const media = res.content?.['application/json'];
        if (media?.example !== undefined) {
          expect(check(media.schema, media.example), `${key} ${status}`).toBeNull();
          checked += 1;
        }
      }
    }
    const schemas = z.record(z.string(), z.record(z.string(), z.unknown())).parse(z.object({ schemas: z.unknown() }).parse(doc.components).schemas);
    for (const [name, schema] of Object.entries(schemas)) {
      if (schema.example !== undefined) {
        expect(check(schema, schema.example), name).toBeNull();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('when money appears in examples, then it is an exact decimal string', () => {
    const text = JSON.stringify(doc);
    for (const field of ['total_credit', 'total_debit', 'balance', 'amount']) {
      expect(text).not.toMatch(new RegExp(`"${field}":\\s*-?\\d`));
    }
    expect(text).toContain('"balance":"3000.00"');
  });

  it('when the API is used for real, then its answers match the documented response schemas', async () => {
    const check = validator();
    const schemaFor = (path: string, method: (typeof METHODS)[number], status: number) => {
      const media = paths.parse(doc.paths)[path]?.[method]?.responses[String(status)]?.content?.['application/json'];
      if (!media) throw new Error(`undocumented ${method} ${path} ${status}`);
      return media.schema;
    };
    const token = await registerMerchant(h.app, 'doc-check');
    const customer = await request(h.app).post('/api/customers/').set(auth(token)).send({ name: 'Alice' });
    expect(check(schemaFor('/api/customers/', 'post', 201), customer.body)).toBeNull();
    const entry = await request(h.app).post(`/api/customers/${customer.body.id}/entries/`).set(auth(token)).send({ type: 'credit', amount: '5000' });
    expect(check(schemaFor('/api/customers/{id}/entries/', 'post', 201), entry.body)).toBeNull();
    const list = await request(h.app).get(`/api/customers/${customer.body.id}/entries/`).set(auth(token));
    expect(check(schemaFor('/api/customers/{id}/entries/', 'get', 200), list.body)).toBeNull();
    const summary = await request(h.app).get(`/api/customers/${customer.body.id}/summary/`).set(auth(token));
    expect(check(schemaFor('/api/customers/{id}/summary/', 'get', 200), summary.body)).toBeNull();
    const overall = await request(h.app).get('/api/summary/').set(auth(token));
    expect(check(schemaFor('/api/summary/', 'get', 200), overall.body)).toBeNull();
    const missing = await request(h.app).get('/api/customers/999/').set(auth(token));
    expect(check(schemaFor('/api/customers/{id}/', 'get', 404), missing.body)).toBeNull();
    const me = await request(h.app).get('/api/auth/me/').set(auth(token));
    expect(check(schemaFor('/api/auth/me/', 'get', 200), me.body)).toBeNull();
  });

  it('when the document is read, then it declares the Token security scheme, Idempotency-Key and the Link header', () => {
    const text = JSON.stringify(doc);
    expect(text).toContain('"TokenAuth":{"type":"apiKey","in":"header","name":"Authorization"');
    expect(text).toContain('"name":"Idempotency-Key","in":"header"');
    expect(text).toContain('"Link":{');
  });
});
