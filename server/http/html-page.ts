import type { Context } from 'hono';
import type { AppEnv } from '../context';

// The server's own small HTML pages (sign-in links, single sign-on): no script and no style, since the server's CSP
// allows neither, and never cached.

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export type PageStatus = 200 | 403 | 404 | 410 | 502;

/** A page with a title and a body of HTML the caller escaped. */
export function htmlPage(c: Context<AppEnv>, title: string, body: string, status: PageStatus = 200) {
  c.header('Cache-Control', 'no-store');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Leadside</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
  return c.html(html, status);
}
