import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { writeInWorkspace } from '../../server/store/db';
import { contacts, workspaces } from '../../server/store/schema';
import { until } from './support/flows';
import { serveHostPages, type HostPages } from './support/host-pages';
import { mayaForSuite } from './support/maya';

// Hot-lead alerts in real Chromium against the demo server: with alerts on, Dana Reyes (Maya's demo lead) viewing the
// company's pricing page raises one notification within seconds (t.js → /v1/collect → the alert engine → the
// background's live stream), and its "Open lead" opens the panel on Dana. The e2e build holds `notifications` up front
// (wxt.config.ts), so turning alerts on in the options page resolves without a prompt.

const SITE = '/site/pricing';
const DANA = 'dana.reyes@brightwave.example';

describe('alerts in the browser', () => {
  let site: HostPages;
  // Registered before Maya's session so it runs after the browser closed (after-hooks run last-registered first):
  // the site's server would otherwise wait on the browser's open connections.
  afterAll(async () => {
    await site?.close();
  });
  const session = mayaForSuite();

  beforeAll(async () => {
    const { server } = session;
    site = await serveHostPages();
    const [demo] = await server.store.db.select().from(workspaces).where(eq(workspaces.id, 'ws_demo'));
    // The company's website: a pricing page with the t.js snippet and a contact form (as in flows.test.ts).
    await site.add({
      path: SITE,
      html: `<!doctype html><html><head><title>Pricing | Northwind</title>
<script async src="${server.url}/t.js?k=${demo!.siteKey}"></script></head><body><h1>Pricing</h1>
<form action="${SITE}" method="get"><input type="email" name="email" aria-label="Work email"><button type="submit">Talk to sales</button></form>
</body></html>`,
    });
    await writeInWorkspace(server.store.db, 'ws_demo', (tx) =>
      tx
        .update(workspaces)
        .set({ settings: { ...demo!.settings, tracking: { ...trackingPolicyOf(demo!.settings), siteOrigins: [site.origin] } } })
        .where(eq(workspaces.id, 'ws_demo')),
    );
  }, 60_000);

  const worker = () => session.ext.context.serviceWorkers().find((w) => w.url().includes(session.ext.id))!;
  const notifications = () =>
    worker().evaluate(async (): Promise<string[]> => {
      // Chrome answers the ids of the notifications on screen (the words stay with the system).
      type Api = { getAll(): Promise<Record<string, unknown>> };
      const api = (globalThis as unknown as { chrome: { notifications?: Api } }).chrome.notifications;
      return api ? Object.keys(await api.getAll()) : [];
    });

  async function alertsOn() {
    const options = await session.ext.openPage('options.html');
    const toggle = options.getByRole('checkbox', { name: 'Alerts on this computer' });
    if (!(await toggle.isChecked())) await toggle.click();
    await until(async () => ((await toggle.isChecked()) ? true : null), 'alerts on');
    await options.close();
  }

  it('the background’s half: an alert handed in twice shows once, and its click opens the panel on the lead', async () => {
    await alertsOn();
    const [leo] = await session.server.store.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, 'leo.martins@quantaloop.example'));
    const now = new Date().toISOString();
    const alert = {
      id: 'al_e2e_1',
      userId: 'u_demo_maya',
      contactId: leo!.id,
      rule: 'key_page',
      at: now,
      deliverAt: now,
      title: 'Leo Martins is on the pricing page',
      body: 'Viewed Pricing · Quantaloop',
      digestOf: null,
    };
    const receive = (raw: unknown[]) =>
      worker().evaluate((a: unknown[]) => (globalThis as unknown as { leadsideReceiveAlerts(a: unknown[]): Promise<string[]> }).leadsideReceiveAlerts(a), raw);
    expect(await receive([alert])).toEqual(['al_e2e_1']);
    expect(await receive([alert])).toEqual([]);
    const id = `leadside-alert|al_e2e_1|${leo!.id}`;
    expect(await notifications()).toEqual([id]);
    await worker().evaluate((n: string) => (globalThis as unknown as { leadsideNotificationClicked(id: string): void }).leadsideNotificationClicked(n), id);
    const panel = await session.ext.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Leo Martins', level: 2 }).waitFor({ timeout: 15_000 });
    await until(async () => ((await notifications()).length === 0 ? true : null), 'the notification cleared');
    await panel.close();
  }, 60_000);

  it('a pricing-page view by Dana raises one notification, and "Open lead" opens the panel on her', async () => {
    await alertsOn();
    expect(await notifications()).toEqual([]);

    const visit = await session.ext.context.newPage();
    await visit.goto(site.url(SITE));
    await visit.getByLabel('Work email').fill(DANA);
    await visit.getByRole('button', { name: 'Talk to sales' }).click();

    const [dana] = await session.server.store.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, DANA));
    const shown = await until(async () => {
      const all = await notifications();
      return all.length > 0 ? all : null;
    }, 'a notification for the visit', 10_000);
    expect(shown).toHaveLength(1);
    expect(shown[0]!).toMatch(new RegExp(`^leadside-alert\\|[^|]+\\|${dana!.id}$`));

    // The notification's click, as the background's listener receives it (a system notification cannot be clicked
    // from the suite; sidePanel.open needs the real click's gesture, so the panel is opened here as a page).
    await worker().evaluate((id: string) => (globalThis as unknown as { leadsideNotificationClicked(id: string): void }).leadsideNotificationClicked(id), shown[0]!);
    const panel = await session.ext.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Dana Reyes', level: 2 }).waitFor({ timeout: 15_000 });
    // Clicked: the notification is gone, and a second sight of the alert (the next sync page) shows nothing.
    await until(async () => ((await notifications()).length === 0 ? true : null), 'the notification cleared');
    await visit.close();
    await panel.close();
  }, 120_000);
});
