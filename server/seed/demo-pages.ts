import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Stand-in Gmail and HubSpot pages showing two of the demo's showcase leads, so a newcomer sees a full panel at once.
 * The demo build of the extension (`npm start` builds it with LEADSIDE_E2E=1) also reads pages on
 * http://localhost/<host>/…; the shipped build never does.
 */
const PAGES: Record<string, string> = {
  '/gmail/mail/u/0/': 'gmail-thread.html',
  '/hubspot/contacts/21234567/record/0-1/51234': 'hubspot-contact.html',
};

export interface DemoPages {
  /** Addresses a rep opens in the browser with the extension loaded. */
  urls: { gmail: string; hubspot: string };
  close(): Promise<void>;
}

/** The stand-in pages on `port`; when another program holds it, on any free port (the demo build reads localhost on every port). */
export async function serveDemoPages(port: number): Promise<DemoPages & { port: number; movedFrom: number | null }> {
  try {
    return { ...(await listenOn(port)), movedFrom: null };
  } catch (err) {
    if (port === 0 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return { ...(await listenOn(0)), movedFrom: port };
  }
}

async function listenOn(port: number): Promise<DemoPages & { port: number }> {
  const server = createServer((req, res) => {
    const file = PAGES[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(here, 'demo-pages', file)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  // Content scripts see localhost, not 127.0.0.1.
  const origin = `http://localhost:${actual}`;
  return {
    port: actual,
    urls: {
      gmail: `${origin}/gmail/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW`,
      hubspot: `${origin}/hubspot/contacts/21234567/record/0-1/51234`,
    },
    // A browser keeps its connections to the pages open (keep-alive, preconnects): close() alone would wait on them
    // (up to the keep-alive timeout) while Ctrl+C seems to do nothing. Every page is answered at once, so cutting them
    // loses nothing.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
