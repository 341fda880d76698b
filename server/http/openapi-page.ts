import { createHash } from 'node:crypto';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { OpenApiDocument } from './openapi-spec';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** Backticks in the summaries and descriptions are code, as in docs/api.md; nothing else of Markdown is read. */
const prose = (s: string) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');
/** A schema as JSON, its references to named schemas linked to them at the end of the page. */
const json = (v: unknown) =>
  `<pre>${escape(JSON.stringify(v, null, 2)).replace(/&#34;#\/components\/schemas\/([A-Za-z0-9_.-]+)&#34;/g, '<a href="#schema-$1">&#34;#/components/schemas/$1&#34;</a>')}</pre>`;

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color-scheme:light dark}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{overflow:auto;padding:.5rem;border:1px solid #8884;max-height:30rem}
h3{margin-bottom:.2rem}h3 code{font-size:inherit}.method{text-transform:uppercase}table{border-collapse:collapse}
td,th{border:1px solid #8884;padding:.2rem .5rem;text-align:left;vertical-align:top}nav li{margin:.1rem 0}`;
/** The page's own CSP: no script at all, and only this one stylesheet (the API's default is `default-src 'none'`). */
export const DOCS_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; frame-ancestors 'none'`;

/** A readable page of the API from its OpenAPI document, rendered on the server: no script, nothing from outside. */
export function docsPage(spec: OpenApiDocument): string {
  const byTag = new Map<string, { path: string; method: string; op: OpenAPIV3_1.OperationObject }[]>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  const anchor = (method: string, path: string) => `${method}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const nav = [...byTag].map(
    ([tag, ops]) =>
      `<li>${escape(tag)}<ul>${ops.map(({ path, method, op }) => `<li><a href="#${anchor(method, path)}"><code><span class="method">${method}</span> ${escape(path)}</code></a> ${prose(op.summary ?? '')}</li>`).join('')}</ul></li>`,
  );
  const sections = [...byTag].map(([tag, ops]) => `<section><h2>${escape(tag)}</h2>${ops.map((o) => operationHtml(o.path, o.method, o.op, anchor(o.method, o.path))).join('')}</section>`);
  const schemas = Object.entries(spec.components?.schemas ?? {}).map(([name, schema]) => `<h3 id="schema-${escape(name)}">${escape(name)}</h3>${json(schema)}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(spec.info.title)} ${escape(spec.info.version)}</title><style>${CSS}</style></head>
<body><main><h1>${escape(spec.info.title)} <small>${escape(spec.info.version)}</small></h1>
<p>${prose(spec.info.description ?? '')}</p>
<p>The machine-readable description: <a href="openapi.json"><code>/v1/openapi.json</code></a> (OpenAPI ${escape(spec.openapi)}).
Sign in with <code>Authorization: Bearer &lt;token&gt;</code>, or the dashboard’s session cookie with <code>X-CSRF-Token</code> on writes.</p>
<nav><h2>Routes</h2><ul>${nav.join('')}</ul></nav>
${sections.join('\n')}
<section><h2>Schemas</h2>${schemas.join('')}</section>
</main></body></html>`;
}

function operationHtml(path: string, method: string, op: OpenAPIV3_1.OperationObject, id: string): string {
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const paramRows = params.map(
    (p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'required' : 'optional'}</td><td><code>${escape(JSON.stringify(p.schema ?? {}))}</code>${p.description ? ` ${prose(p.description)}` : ''}</td></tr>`,
  );
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const bodyHtml = body
    ? Object.entries(body.content).map(([media, m]) => `<details><summary>Request body <code>${escape(media)}</code></summary>${json(m.schema)}</details>`).join('')
    : '';
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const res = r as OpenAPIV3_1.ResponseObject;
    const content = Object.entries(res.content ?? {})
      .map(([media, m]) => (m.schema ? `<details><summary><code>${escape(media)}</code></summary>${json(m.schema)}</details>` : ` <code>${escape(media)}</code>`))
      .join('');
    return `<li><strong>${escape(status)}</strong> ${prose(res.description)}${content}</li>`;
  });
  const open = Array.isArray(op.security) && op.security.length === 0;
  return `<article><h3 id="${id}"><code><span class="method">${method}</span> ${escape(path)}</code></h3>
<p>${prose(op.summary ?? '')}${open ? ' <em>Public: no sign-in.</em>' : ''}</p>
${(op.description ?? '').split('\n\n').filter(Boolean).map((para) => `<p>${prose(para)}</p>`).join('')}
${paramRows.length ? `<table><tr><th>parameter</th><th>in</th><th></th><th>schema</th></tr>${paramRows.join('')}</table>` : ''}
${bodyHtml}<ul>${responses.join('')}</ul></article>`;
}
