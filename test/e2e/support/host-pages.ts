import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'hosts');

/** A stand-in host page: a saved fixture with the people swapped for demo contacts. */
export interface HostPage {
  /** Path under http://localhost:PORT/, starting with the host's folder (the e2e build's content scripts match it). */
  path: string;
  fixture: string;
  replace?: [string, string][];
}

export interface HostPages {
  origin: string;
  /** Serves one more page, given as HTML. */
  add(page: { path: string; html: string }): Promise<void>;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves stand-in Gmail, HubSpot, … pages from http://localhost (content scripts see `localhost`, not 127.0.0.1).
 * The page's hash (Gmail's thread route) is the client's, so one file serves every thread id.
 */
export async function serveHostPages(pages: HostPage[]): Promise<HostPages> {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const literal = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const given = literal.get(path);
    if (given !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(given);
      return;
    }
    const page = byPath.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let html = readFileSync(join(FIXTURES, page.fixture), 'utf8');
    for (const [from, to] of page.replace ?? []) html = html.split(from).join(to);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://localhost:${port}`;
  return {
    origin,
    add: async ({ path, html }) => {
      literal.set(path, html);
    },
    url: (path) => `${origin}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
