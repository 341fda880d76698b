import type { Context, MiddlewareHandler } from 'hono';
import { describeRoute, resolver, type DescribeRouteOptions } from 'hono-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../lib/core/model/mutations';
import './openapi-components';
import { jsonBody, queryOf } from './validate';

/** What a route answers for one status: a description, and the zod schema of its JSON body when it has one. */
export type Answer = string | { description: string; schema?: z.ZodType; media?: string };

export interface OperationSpec<B extends z.ZodType, Q extends z.ZodType> {
  summary: string;
  description?: string;
  /** The spec's group (its docs page's section): the resource, as docs/api.md groups them. */
  tag: string;
  /** Public: no token or session asked (the spec says `security: []`). */
  public?: boolean;
  /** The JSON body the handler reads with `op.body(c)`, and the word its 400s use for it ("user", "settings"). */
  body?: B;
  bodyName?: string;
  /** A body that is not JSON (the one-click unsubscribe's form): described only, the handler reads it itself. */
  otherBody?: { media: string; schema: z.ZodType };
  /** The query string the handler reads with `op.query(c)`. */
  query?: Q;
  responses: Record<number, Answer>;
}

/** A route's description, as Hono middleware, with the readers of the very schemas it describes. */
export type Operation<B extends z.ZodType, Q extends z.ZodType> = MiddlewareHandler & {
  /** Reads and validates the JSON body against the described schema (http/validate.ts jsonBody). */
  body(c: Context): Promise<z.infer<B>>;
  /** Reads and validates the query string against the described schema (http/validate.ts queryOf). */
  query(c: Context): z.infer<Q>;
};

// Request schemas are described as they are sent (before transforms and defaults), answers as they come out.
const asInput = { options: { io: 'input' } };
const asOutput = { options: { io: 'output' } };

/** The components every operation refers to: the one error body (docs/api.md § Errors). */
const { $schema: _dialect, ...errorBody } = z.toJSONSchema(ErrorBody, { target: 'draft-2020-12' });
export const sharedSchemas = { ErrorBody: errorBody };

/**
 * Describes one route for GET /v1/openapi.json and hands the handler the same schemas to validate with, so the
 * description and what the route accepts cannot drift apart (docs/architecture.md, "A new route and its OpenAPI
 * description"). Put it first in the route's handlers: `.post('/', op, requireRole(...), async (c) => op.body(c))`.
 */
export function operation<B extends z.ZodType = z.ZodNever, Q extends z.ZodType = z.ZodNever>(spec: OperationSpec<B, Q>): Operation<B, Q> {
  const responses: NonNullable<DescribeRouteOptions['responses']> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    const a = typeof answer === 'string' ? { description: answer } : answer;
    const media = a.media ?? 'application/json';
    if (a.schema) responses[status] = { description: a.description, content: { [media]: { schema: resolver(a.schema, asOutput) } } };
    else responses[status] = a.media ? { description: a.description, content: { [media]: {} } } : { description: a.description };
  }
  // Every refusal has the one shape of docs/api.md § Errors, whatever its status.
  responses.default = { description: 'an error: `{"error": {"code", "message", "issues"?}}` (docs/api.md § Errors)', content: { 'application/json': { schema: { type: 'object', properties: { error: { $ref: '#/components/schemas/ErrorBody' } }, required: ['error'] } } } };
  const body = spec.body ?? spec.otherBody?.schema;
  const middleware = describeRoute({
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(spec.public ? { security: [] } : {}),
    ...(spec.query ? { parameters: queryParameters(spec.query) } : {}),
    ...(body ? { requestBody: { required: true, content: { [spec.otherBody?.media ?? 'application/json']: { schema: resolver(body, asInput) } } } } : {}),
    responses,
  });
  const described = Object.assign(middleware, {
    body: (c: Context) => {
      if (!spec.body) throw new Error(`${spec.summary}: no body schema described`);
      return jsonBody(c, spec.body, spec.bodyName);
    },
    query: (c: Context) => {
      if (!spec.query) throw new Error(`${spec.summary}: no query schema described`);
      return queryOf(c, spec.query);
    },
  });
  return described as unknown as Operation<B, Q>;
}

/**
 * hono-openapi makes query parameters only for its own validator; ours reads through queryOf, so they are made here
 * from the same schema: one parameter per property, as it is sent (a repeatable one is an array).
 */
function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query' as const,
      required: json.required?.includes(name) ?? false,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
