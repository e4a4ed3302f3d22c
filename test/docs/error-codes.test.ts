import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument } from '../../src/http/openapi.js';
import { ROOT } from '../support/process.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

// Codes only the bot can meet: no API route reaches them (a link or subscribe code is used in the chat,
// /undo is a command, and only a chat can be a group).
const BOT_ONLY = new Set(['invalid_link_code', 'token_required', 'nothing_to_undo', 'invalid_subscribe_code', 'group_cannot_subscribe']);

/** Every error code the API can answer, as the source writes them: domain errors and the HTTP layer's own. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const domain = read('src/domain/errors.ts');
  // A code is a snake_case literal with an underscore; the error kinds but 'not_found' have none.
  for (const m of domain.matchAll(/'([a-z]+(?:_[a-z]+)+)'/g)) if (m[1]) found.set(m[1], 'src/domain/errors.ts');
  for (const file of readdirSync(join(ROOT, 'src/http')).filter((f) => f.endsWith('.ts'))) {
    const text = read(`src/http/${file}`);
    // sendError(res, 503, 'code', …) and the [status, 'code', message] tables.
    for (const m of text.matchAll(/(?:sendError\([^,]+, |\[)\d{3}, '([a-z_]+)'/g)) if (m[1]) found.set(m[1], `src/http/${file}`);
  }
  for (const code of BOT_ONLY) found.delete(code);
  return found;
}

describe('the error codes the API answers', () => {
  const codes = codesInSource();
  const readme = read('README.md');
  const errorsSection = readme.slice(readme.indexOf('### Errors'), readme.indexOf('## Try it with curl'));
  const openapi = JSON.stringify(createOpenApiDocument());

  it('when the source is read, then it yields the codes this test checks (the scan itself works)', () => {
    for (const code of ['invalid_amount', 'customer_limit_reached', 'json_too_deep', 'request_timeout', 'database_unavailable', 'telegram_bot_off']) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it.each([...codes.keys()])('when the API can answer "%s", then the README error table lists it', (code) => {
    expect(errorsSection).toContain(`\`${code}\``);
  });

  it.each([...codes.keys()])('when the API can answer "%s", then the OpenAPI document names it', (code) => {
    expect(openapi).toContain(code);
  });
});
