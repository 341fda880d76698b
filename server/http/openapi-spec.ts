import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { rolesOf } from '../auth/middleware';
import type { AppEnv } from '../context';
import { sharedSchemas } from './openapi';

export type OpenApiDocument = OpenAPIV3_1.Document;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
type Method = (typeof METHODS)[number];

/** Every sign-in the API takes (docs/api.md § Authentication); a write by cookie also needs the CSRF header. */
const securitySchemes: Record<string, OpenAPIV3_1.SecuritySchemeObject> = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (`lsk_…`): the extension, scripts and the CLI.' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The dashboard’s session, from a one-time sign-in link.' },
  csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'With the session cookie on every write: the `csrfToken` GET /v1/session answers.' },
};
const READ_SECURITY: OpenAPIV3_1.SecurityRequirementObject[] = [{ bearerToken: [] }, { sessionCookie: [] }];
const WRITE_SECURITY: OpenAPIV3_1.SecurityRequirementObject[] = [{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }];

/**
 * The OpenAPI 3.1 document of the app, walked from its routes by hono-openapi: each route's `operation(...)`
 * (http/openapi.ts) gives its summary and schemas; the roles come from the route's requireRole, where they are enforced.
 */
export async function openApiDocument(app: Hono<AppEnv>, version: string): Promise<OpenApiDocument> {
  const spec = (await generateSpecs(app, {
    documentation: {
      info: {
        title: 'Leadside API',
        version,
        description:
          'The HTTP API of the Leadside server: the extension’s sync and outbox, the dashboard’s reports and settings, and the public tracking endpoints. Every refusal is `{"error": {"code", "message", "issues"?}}`.',
      },
      components: { securitySchemes, schemas: sharedSchemas as Record<string, OpenAPIV3_1.SchemaObject> },
    },
    defaultValidationErrorResponse: false,
    excludeStaticFile: false,
  })) as unknown as OpenApiDocument;
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      op.security ??= method === 'get' || method === 'head' ? READ_SECURITY : WRITE_SECURITY;
      const roles = rolesFor(app, path, method);
      if (roles) {
        (op as Record<string, unknown>)['x-roles'] = roles;
        op.description = [op.description, `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
      }
    }
  }
  return spec;
}

/** The roles a route's requireRole admits, on the route itself or on a `use('*')` over its prefix; null when any role may. */
function rolesFor(app: Hono<AppEnv>, openApiPath: string, method: Method): string[] | null {
  const path = openApiPath.replace(/\{([^}]+)\}/g, ':$1');
  for (const route of app.routes) {
    const roles = rolesOf(route.handler);
    if (!roles) continue;
    const onPrefix = route.method === 'ALL' && route.path.endsWith('/*') && (path + '/').startsWith(route.path.slice(0, -1));
    if (onPrefix || (route.method.toLowerCase() === method && route.path === path)) return [...roles];
  }
  return null;
}
