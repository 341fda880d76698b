import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { operation } from '../http/openapi';
import { DOCS_PAGE_CSP, docsPage } from '../http/openapi-page';
import { openApiDocument, type OpenApiDocument } from '../http/openapi-spec';

const specOp = operation({
  tag: 'API description',
  summary: 'This API’s OpenAPI 3.1 description',
  description: 'Generated from the zod schemas the routes validate with. Public: it describes the API, not anyone’s data.',
  public: true,
  responses: { 200: 'the OpenAPI document' },
});
const docsOp = operation({
  tag: 'API description',
  summary: 'The same description as a readable page',
  public: true,
  responses: { 200: { description: 'an HTML page, rendered on the server (no script)', media: 'text/html' } },
});

/**
 * `GET /v1/openapi.json` and `GET /v1/docs`, public. The document is walked from the whole app once, on first request
 * (the routes do not change while the process runs); `app` is a function since the app is still being built here.
 */
export function openApiRoutes(app: () => Hono<AppEnv>) {
  let spec: Promise<OpenApiDocument> | undefined;
  const document = () => (spec ??= openApiDocument(app(), 'v1'));
  return new Hono<AppEnv>()
    .get('/openapi.json', specOp, async (c) => c.json(await document()))
    .get('/docs', docsOp, async (c) => {
      c.header('Content-Security-Policy', DOCS_PAGE_CSP);
      return c.html(docsPage(await document()));
    });
}
