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

export async function serveDemoPages(port: number): Promise<DemoPages> {
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
    urls: {
      gmail: `${origin}/gmail/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW`,
      hubspot: `${origin}/hubspot/contacts/21234567/record/0-1/51234`,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
