import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_REPS, type TeamMember } from './people';

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

/**
 * The pages are written as the first demo rep, Maya Chen: "me" in the thread, the record's owner. Signed in as another
 * demo rep, the rep opens the page with `?rep=<key>` and "me" is that rep, so the panel never offers the rep's own
 * address as a lead (the page cannot know who signed in to the extension; the address says it).
 */
const PAGE_REP = DEMO_REPS[0]!;

export interface DemoPageUrls {
  gmail: string;
  hubspot: string;
}

export interface DemoPages {
  /** Addresses a rep opens in the browser with the extension loaded, as Maya Chen. */
  urls: DemoPageUrls;
  /** The same pages as another demo rep (`jordan`, `sam`): "me" and the owner are that rep. */
  urlsFor(repKey: string): DemoPageUrls;
  close(): Promise<void>;
}

/** The page as `rep` sees it: Maya's address, full name and first name replaced by the rep's. */
export function demoPageAs(html: string, rep: TeamMember): string {
  if (rep.key === PAGE_REP.key) return html;
  const first = (name: string) => name.split(' ')[0]!;
  return html
    .replaceAll(PAGE_REP.email, rep.email)
    .replaceAll(PAGE_REP.name, rep.name)
    .replace(new RegExp(`\\b${first(PAGE_REP.name)}\\b`, 'g'), first(rep.name));
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
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = PAGES[url.pathname];
    const repKey = url.searchParams.get('rep') ?? PAGE_REP.key;
    const rep = DEMO_REPS.find((r) => r.key === repKey);
    if (!file || !rep) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(file ? `no demo rep "${repKey}"` : 'not found');
      return;
    }
    const html = demoPageAs(readFileSync(join(here, 'demo-pages', file), 'utf8'), rep);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  // Content scripts see localhost, not 127.0.0.1.
  const origin = `http://localhost:${actual}`;
  const urlsFor = (repKey: string): DemoPageUrls => {
    const as = repKey === PAGE_REP.key ? '' : `?rep=${encodeURIComponent(repKey)}`;
    return {
      gmail: `${origin}/gmail/mail/u/0/${as}#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW`,
      hubspot: `${origin}/hubspot/contacts/21234567/record/0-1/51234${as}`,
    };
  };
  return {
    port: actual,
    urls: urlsFor(PAGE_REP.key),
    urlsFor,
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
