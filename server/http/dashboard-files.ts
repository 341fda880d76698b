import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context';
import { ApiError } from './errors';

/** Where `npm run build` writes the dashboard (dashboard/vite.config.ts `build.outDir`). */
export const DEFAULT_DASHBOARD_DIR = join(import.meta.dirname, '../../.output/dashboard');

/** Vite names every bundled file under assets/ by its content hash: a new build is a new name, so a year is safe. */
const HASHED_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: always asked again, so a new build is seen on the next load. */
const HTML_CACHE = 'no-cache';
const OTHER_CACHE = 'public, max-age=300';

/**
 * The dashboard's own policy, in place of the API's `default-src 'none'`: its scripts, styles and images from this
 * origin only, its API calls to this origin only, never framed (the shared screen included: a TV opens it directly).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built dashboard at /app/*: a file that exists is served as it is; any other path under /app/ is a client route
 * and gets index.html (the app's router reads the path). The shared screen, /shared/<token>, is the same bundle.
 */
export function dashboardFiles(dir: string): Hono<AppEnv> {
  const root = normalize(dir);
  return new Hono<AppEnv>()
    .get('/app', (c) => c.redirect('/app/', 301))
    .get('/app/*', async (c) => {
      const rel = decoded(c.req.path.slice('/app/'.length));
      if (rel === null) throw new ApiError('not_found', 'no such dashboard file');
      const file = rel === '' ? null : await existingFile(root, rel);
      if (file) return sendFile(c, file, rel.startsWith('assets/') ? HASHED_CACHE : OTHER_CACHE);
      // A missing asset is a 404, not the page: a stale index.html asking for an old hash must not get HTML as script.
      if (rel.startsWith('assets/') || extname(rel) !== '') throw new ApiError('not_found', `no dashboard file ${rel}`);
      return sendIndex(c, root);
    })
    .get('/shared/:token', (c) => sendIndex(c, root));
}

function decoded(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

async function existingFile(root: string, rel: string): Promise<string | null> {
  const path = normalize(join(root, rel));
  // ../ or an absolute path never leaves the build folder.
  if (!path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? path : null;
}

async function sendIndex(c: Context<AppEnv>, root: string): Promise<Response> {
  const index = await existingFile(root, 'index.html');
  // A server started from a checkout that was never built: say what to do, in the browser that asked.
  if (!index) return c.text('The dashboard is not built here: run "npm run build", then restart the server.', 503);
  return sendFile(c, index, HTML_CACHE);
}

async function sendFile(c: Context<AppEnv>, path: string, cacheControl: string): Promise<Response> {
  const body = await readFile(path);
  c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
  c.header('Cache-Control', cacheControl);
  c.header('Content-Security-Policy', DASHBOARD_CSP);
  return c.body(body);
}
