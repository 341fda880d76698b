import type { Context } from 'hono';
import type { z } from 'zod';
import { parseInput, summarizeIssues } from '../../lib/core/model/parse';
import { ApiError } from './errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/**
 * Reads and validates a JSON body: malformed JSON, nesting deeper than MAX_JSON_DEPTH and schema misses all answer 400
 * with what to fix. The depth is checked on the text, before anything walks the parsed value.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S, what = 'request body'): Promise<z.infer<S>> {
  let raw: unknown;
  let text: string;
  try {
    text = await c.req.text();
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new ApiError('bad_request', `${what} must not nest JSON deeper than ${MAX_JSON_DEPTH} levels`);
    raw = JSON.parse(text);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('bad_request', `${what} must be JSON`);
  }
  // JSON can only carry a NUL escaped (a raw one fails the parse), so most bodies need no walk at all.
  if (text.includes('\\u0000')) refuseNul(raw, what);
  return validated(schema, raw, what);
}

/** Validates the query string; repeated keys arrive as arrays. */
export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const flat: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.some((v) => v.includes('\u0000'))) {
      const issues = [{ path: key, message: 'must not contain the NUL character' }];
      throw new ApiError('bad_request', summarizeIssues('query', issues), issues);
    }
    flat[key] = values.length === 1 ? values[0]! : values;
  }
  return validated(schema, flat, 'query');
}

/**
 * PostgreSQL cannot store NUL in text or jsonb: refuse it up front, with where it was, rather than fail in the database.
 * Keys count too (an unknown key is echoed in the refusal that is kept for the mutation's replay); a key with NUL is
 * reported at the object that holds it, so no path carries a NUL.
 */
function refuseNul(value: unknown, what: string): void {
  const issues: { path: string; message: string }[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) issues.push({ path: path.join('.'), message: 'must not contain the NUL character' });
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) issues.push({ path: path.join('.'), message: 'a key here contains the NUL character' });
        else walk(item, [...path, k]);
      }
    }
  };
  walk(value, []);
  if (issues.length > 0) throw new ApiError('bad_request', summarizeIssues(what, issues), issues);
}

export function validated<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = parseInput(schema, input, what);
  if (!parsed.ok) throw new ApiError('bad_request', parsed.message, parsed.issues);
  return parsed.value;
}
