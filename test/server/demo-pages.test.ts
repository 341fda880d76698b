import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGmail } from '../../lib/detect/gmail';
import { readHubSpot } from '../../lib/detect/hubspot';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { SHOWCASE_CONTACTS } from '../../server/seed/showcase';
import { DEMO_DOMAIN, DEMO_REPS, DEMO_TEAM } from '../../server/seed/people';
import { exclusionsFrom, leadsOf } from '../../lib/routing/leads';

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

  it.each(DEMO_REPS.map((rep) => [rep.name, rep] as const))(
    'signed in as %s, the Gmail thread\'s "me" is that rep: the panel offers no one from the rep\'s own team',
    async (_name, rep) => {
      const url = pages.urlsFor(rep.key).gmail;
      const dom = new JSDOM(await (await fetch(url.replace('localhost', '127.0.0.1'))).text(), { url });
      const read = readGmail(dom.window.document, new URL(url));
      // The rep is there, as "me" (kept without the name), and no other demo rep is.
      expect(read).toContainEqual({ email: rep.email, name: null, role: 'sender' });
      expect(read.map((c) => c.email).filter((e) => DEMO_TEAM.some((m) => m.email === e))).toEqual([rep.email]);
      // What the background leaves for the panel with this rep signed in: the thread's outside people only.
      const leads = leadsOf(read, exclusionsFrom({ user: { email: rep.email }, workspace: { domains: [DEMO_DOMAIN] } }, null));
      expect(leads.map((c) => c.email)).toEqual([
        'dana.reyes@brightwave.example',
        'kofi.mensah@buyer.example',
        'priya.n@buyer.example',
        'cfo@buyer.example',
      ]);
      expect(dom.window.document.body.textContent).not.toMatch(/acme\.example/);
    },
  );

  it('an unknown rep is a 404, not Maya\'s page', async () => {
    const res = await fetch(pages.urlsFor('nobody').gmail.replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('no demo rep "nobody"');
  });
});
