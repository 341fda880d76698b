import { createServer, type Server } from 'node:http';

export interface HostPages {
  origin: string;
  /** Serves one more page, given as HTML. */
  add(page: { path: string; html: string }): Promise<void>;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves pages a test writes (a company website with t.js) from http://localhost; content scripts and t.js see
 * `localhost`, not 127.0.0.1. The stand-in Gmail and HubSpot pages come from server/seed/demo-pages, as `npm start`
 * serves them.
 */
export async function serveHostPages(): Promise<HostPages> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (html === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://localhost:${port}`;
  return {
    origin,
    add: async ({ path, html }) => {
      pages.set(path, html);
    },
    url: (path) => `${origin}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
