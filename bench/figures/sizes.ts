import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createWorkspace } from '../../server/domain/admin';
import { startServer } from '../../server/serve';
import { CHROME_DEFINES, composition } from '../support/composition';
import { client } from '../support/http';
import { benchLogger } from '../support/logger';
import type { Figure, Row } from '../support/result';
import { JS_BUDGET_KB } from './dashboard';

const root = join(import.meta.dirname, '..', '..');
const KB = 1024;
// The dashboard's first page is held to the budget the dashboard figure measures it against in the browser (one rule);
// its build as a whole (lazy pages and the charts included) is reported beside it, since no page loads all of it.
const TARGETS = { sidepanel: 170, content: 15, background: 60, tjs: 3, dashboardStart: JS_BUDGET_KB.figures };

/** gzip as a web server or a store would: zlib's default level (6). */
const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

/** The JavaScript an extension page loads at start: its module scripts, modulepreloads, and their static imports (not dynamic import()). */
export function pageScripts(dir: string, html: string): string[] {
  const found = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!.replace(/^\//, ''));
  while (queue.length > 0) {
    const file = posix.normalize(queue.shift()!);
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports only: `import … from"./x.js"`, `import"./x.js"`, `export … from"./x.js"` (minified or not).
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(file), m[1]!));
    }
  }
  return [...found].sort();
}

/**
 * 7. Sizes, gzipped (zlib's default level): the side panel (every chunk sidepanel.html loads at start), each content
 * script and the background of a production Chrome build (`wxt build` into bench/out), and t.js as `GET /t.js` serves
 * it for a site; the dashboard (`vite build`): what its first page loads, and all of it. The limit column is the target
 * itself: ratio = size / target.
 */
export const sizes: Figure = {
  id: 'sizes',
  title: '7. Sizes',
  timeoutMs: 120_000,
  async run(ctx) {
    const outDir = mkdtempSync(join(ctx.scratch, 'build-'));
    ctx.defer(() => rmSync(outDir, { recursive: true, force: true }));
    ctx.log('wxt build (production, Chrome) while the server starts for t.js');
    const env: NodeJS.ProcessEnv = { ...process.env, LEADSIDE_OUT_DIR: outDir };
    delete env.LEADSIDE_E2E;
    const built = promisify(execFile)(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    const dashboardDir = join(outDir, 'dashboard');
    const dashboardBuilt = promisify(execFile)(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'dashboard/vite.config.ts', '--outDir', dashboardDir], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    const server = await startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: benchLogger });
    ctx.defer(() => server.close());
    const site = await createWorkspace(server.store.db, { name: 'Sizes' });
    const http = client(1);
    const tjs = await http.request(`${server.url}/t.js?k=${site.siteKey}`, { headers: { 'accept-encoding': 'gzip' } });
    http.close();
    if (tjs.status !== 200) throw new Error(`GET /t.js answered ${tjs.status}`);
    await built;
    await dashboardBuilt;

    const dir = join(outDir, 'chrome-mv3');
    const rows: Row[] = [];
    const row = (measure: string, bytes: number, targetKb: number, note?: string): Row => ({
      figure: '7. Sizes',
      measure,
      value: bytes / KB,
      unit: 'KB',
      limit: null,
      limitMeasure: 'the target',
      ratio: bytes / KB / targetKb,
      target: `≤ ${targetKb} KB gzipped`,
      met: bytes / KB <= targetKb,
      ...(note ? { note } : {}),
    });

    const panelFiles = pageScripts(dir, readFileSync(join(dir, 'sidepanel.html'), 'utf8'));
    const panelSizes = Object.fromEntries(panelFiles.map((f) => [f, { raw: readFileSync(join(dir, f)).length, gzip: gz(readFileSync(join(dir, f))) }]));
    const panelTotal = Object.values(panelSizes).reduce((s, f) => s + f.gzip, 0);
    rows.push(row('side panel (all JS sidepanel.html loads)', panelTotal, TARGETS.sidepanel, panelFiles.map((f) => `${f.replace(/^chunks\//, '')} ${(panelSizes[f]!.gzip / KB).toFixed(1)} KB`).join(', ')));

    const scriptsDir = join(dir, 'content-scripts');
    const contentSizes: Record<string, { raw: number; gzip: number }> = {};
    for (const file of existsSync(scriptsDir) ? readdirSync(scriptsDir).filter((f) => f.endsWith('.js')).sort() : []) {
      const code = readFileSync(join(scriptsDir, file));
      contentSizes[file] = { raw: code.length, gzip: gz(code) };
    }
    const largest = Object.entries(contentSizes).sort((a, b) => b[1].gzip - a[1].gzip);
    for (const [file, size] of largest) rows.push(row(`content script ${file}`, size.gzip, TARGETS.content));

    const background = readFileSync(join(dir, 'background.js'));
    // What it is made of (rolldown again, with a source map): says what to cut when it is over.
    const made = await composition(join(root, 'entrypoints', 'background', 'index.ts'), CHROME_DEFINES);
    const top = made.parts.slice(0, 3).map((p) => `${p.owner} ${p.share}%`).join(', ');
    rows.push(row('background', gz(background), TARGETS.background, `${(background.length / KB).toFixed(0)} KB raw: ${top}`));

    // What a browser downloads: the body as served when the server compresses it, else what gzip would make of it.
    const compressed = /gzip/.test(String(tjs.headers['content-encoding'] ?? ''));
    const served = compressed ? gunzipSync(tjs.raw) : tjs.raw;
    // The dashboard's index.html names its scripts under /app/ (vite's base); on disk they are under the build folder.
    const dashboardHtml = readFileSync(join(dashboardDir, 'index.html'), 'utf8').replaceAll('"/app/', '"/');
    const dashboardStart = pageScripts(dashboardDir, dashboardHtml);
    const dashboardAll = readdirSync(join(dashboardDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
    const dashboardGzip = (files: string[]) => files.reduce((sum, f) => sum + gz(readFileSync(join(dashboardDir, f))), 0);
    rows.push(row('dashboard (all JS its first page loads)', dashboardGzip(dashboardStart), TARGETS.dashboardStart, dashboardStart.join(', ')));
    rows.push({
      figure: '7. Sizes',
      measure: 'dashboard (all JS it holds: every page, the charts included)',
      value: dashboardGzip(dashboardAll) / KB,
      unit: 'KB',
      limit: null,
      limitMeasure: '—',
      ratio: null,
      target: '',
      met: null,
      note: `${dashboardAll.length} files; what one page loads is held by 10. Dashboard`,
    });
    const tjsGzip = compressed ? tjs.raw.length : gz(served);
    rows.push(
      row('t.js as GET /t.js serves it', tjsGzip, TARGETS.tjs, `${(served.length / KB).toFixed(1)} KB raw; ${compressed ? 'served gzipped' : 'served uncompressed (size if gzipped on the way)'}`),
    );

    return {
      rows,
      details: {
        gzip: 'zlib default level (6), each file on its own',
        sidepanel: panelSizes,
        contentScripts: contentSizes,
        background: { raw: background.length, gzip: gz(background), gzip9: gzipSync(background, { level: 9 }).length, composition: made },
        tjs: { raw: served.length, gzip: tjsGzip, servedGzipped: compressed, gzip9: gzipSync(served, { level: 9 }).length },
      },
    };
  },
};
