import type { z } from 'zod';
import { InvalidInput, type FieldErrors } from './errors.js';

/** Parses untrusted input with a zod schema; failures become InvalidInput with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'non_field_errors';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? `${first[0] === 'non_field_errors' ? '' : `${first[0]}: `}${first[1]}` : 'Invalid input.';
  throw new InvalidInput(message, fields);
}
