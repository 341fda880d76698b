import type { Context } from 'hono';
import type { z } from 'zod';
import { parseInput } from '../../lib/core/model/parse';
import { ApiError } from './errors';

/** Reads and validates a JSON body: malformed JSON and schema misses both answer 400 with what to fix. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S, what = 'request body'): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError('bad_request', `${what} must be JSON`);
  }
  return validated(schema, raw, what);
}

/** Validates the query string; repeated keys arrive as arrays. */
export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const flat: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(all)) flat[key] = values.length === 1 ? values[0]! : values;
  return validated(schema, flat, 'query');
}

export function validated<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = parseInput(schema, input, what);
  if (!parsed.ok) throw new ApiError('bad_request', parsed.message, parsed.issues);
  return parsed.value;
}
