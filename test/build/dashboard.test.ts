import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness';

const root = join(import.meta.dirname, '..', '..');

/** The dashboard as `npm run build` makes it (the same vite config, into a folder of the test's own), as the server serves it. */
describe('the built dashboard, served at /app/', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'leadside-dashboard-'));
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    await promisify(execFile)(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'dashboard/vite.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: root });
    script = readdirSync(join(outDir, 'assets')).find((f) => /^index-[\w-]+\.js$/.test(f))!;
    server = await startTestServer('pglite', { dashboardDir: outDir });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('GET /app/ is the page, never cached stale, under a policy that lets its own scripts run', async () => {
    const res = await server.api(null, '/app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const html = await res.text();
    expect(html).toContain(`<script type="module" crossorigin src="/app/assets/${script}"></script>`);
  });

  it('a hashed asset is served with its type and a year’s immutable cache', async () => {
    const res = await server.api(null, `/app/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await res.text()).length).toBeGreaterThan(1000);
  });

  it('a client route gets index.html; /app redirects to /app/; the shared screen is the same page', async () => {
    const index = await (await server.api(null, '/app/')).text();
    for (const path of ['/app/funnel', '/app/sla/leads?figure=breached', '/shared/some-token']) {
      const res = await server.api(null, path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(index);
    }
    const redirect = await server.api(null, '/app', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/app/');
  });

  it('a missing asset is a 404 (never the page as script); no path leaves the build folder', async () => {
    const missing = await server.api(null, '/app/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no dashboard file assets/index-gone.js' } });
    const escape = await server.api(null, '/app/..%2F..%2Fpackage.json');
    expect(escape.status).toBe(404);
  });

  it('the API keeps its own policy: default-src none', async () => {
    const res = await server.api(null, '/healthz');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('a server whose dashboard was never built', () => {
  it('answers /app/ with what to do', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'leadside-no-dashboard-'));
    const server = await startTestServer('pglite', { dashboardDir: empty });
    try {
      const res = await server.api(null, '/app/');
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('The dashboard is not built here: run "npm run build", then restart the server.');
    } finally {
      await server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  }, 30_000);
});
