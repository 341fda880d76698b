import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';

// The pages the browser figures measure in; the browser itself is the tests' (test/support/chromium.ts).

/** Bundles a bench page's script (bench/browser/*.ts) with the project's code it imports, for the browser. */
export async function bundle(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Serves a few fixed files on 127.0.0.1, cross-origin isolated (COOP + COEP), so `performance.now()` in the page is
 * precise to 5 µs rather than 100 µs.
 */
export async function serveFiles(files: Record<string, { type: string; body: string }>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0]!];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const page = (script: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${body}<script src="${script}"></script></body></html>`;
