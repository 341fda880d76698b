import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGmail } from '../../lib/detect/gmail';
import { readHubSpot } from '../../lib/detect/hubspot';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { SHOWCASE_CONTACTS } from '../../server/seed/showcase';

describe('the demo pages npm start serves', () => {
  let pages: DemoPages;
  beforeAll(async () => {
    pages = await serveDemoPages(0);
  });
  afterAll(() => pages?.close());

  it.each([
    ['gmail', readGmail, 'dana.reyes@brightwave.example'],
    ['hubspot', readHubSpot, 'leo.martins@quantaloop.example'],
  ] as const)('the %s page shows a showcase lead that its reader finds', async (host, read, email) => {
    const url = pages.urls[host];
    expect(url).toMatch(new RegExp(`^http://localhost:\\d+/${host}/`));
    const res = await fetch(url.replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(200);
    const dom = new JSDOM(await res.text(), { url });
    const found = read(dom.window.document, new URL(url)).map((c) => c.email);
    expect(found).toContain(email);
    expect(SHOWCASE_CONTACTS.map((c) => c.email)).toContain(email);
  });
});
