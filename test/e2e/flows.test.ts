import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeInWorkspace } from '../../server/store/db';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { attempts, contacts, content, questions, suggestedLeads, workspaces } from '../../server/store/schema';
import { keepEvidenceOnFailure } from './support/evidence';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { openHostTab, signInThroughOptions, until } from './support/flows';
import { screenshotForReadme } from './support/screenshots';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { serveHostPages, type HostPages } from './support/host-pages';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// The built extension in real Chromium against the real server with the demo workspace, on stand-in host pages.

const UNKNOWN = 'kofi.mensah@buyer.example';
const SITE = '/site/pricing';

describe('a rep’s day, end to end', () => {
  let server: DemoServer;
  let ext: LoadedExtension;
  let pages: HostPages;
  let hosts: DemoPages;
  let extensionDir: string;
  let panel: Page;
  let mayaId: string;

  keepEvidenceOnFailure(() => ({ ext, server }));

  beforeAll(async () => {
    extensionDir = buildE2eExtension();
    server = await startDemoServer();
    // The demo pages `npm start` serves: a Gmail thread from Dana Reyes, a HubSpot record of Leo Martins.
    hosts = await serveDemoPages(0);
    pages = await serveHostPages();
    const [demo] = await server.store.db.select().from(workspaces).where(eq(workspaces.id, 'ws_demo'));
    // The company's website: a pricing page with the t.js snippet and a contact form.
    await pages.add({
      path: SITE,
      html: `<!doctype html><html><head><title>Pricing | Northwind</title>
<script async src="${server.url}/t.js?k=${demo!.siteKey}"></script></head><body><h1>Pricing</h1>
<form action="${SITE}" method="get"><input type="email" name="email" aria-label="Work email"><button type="submit">Talk to sales</button></form>
</body></html>`,
    });
    await writeInWorkspace(server.store.db, 'ws_demo', (tx) =>
      tx
        .update(workspaces)
        .set({ settings: { ...demo!.settings, tracking: { ...trackingPolicyOf(demo!.settings), siteOrigins: [pages.origin] } } })
        .where(eq(workspaces.id, 'ws_demo')),
    );
    ext = await launchWithExtension(extensionDir);
    const maya = server.credentials.find((c) => c.email === 'maya.chen@northwind.example')!;
    mayaId = 'u_demo_maya';
    await signInThroughOptions(ext, server.url, maya.token);
  }, 180_000);

  afterAll(async () => {
    await ext?.close();
    await pages?.close();
    await hosts?.close();
    await server?.close();
    if (server) removeDemoData(server);
  });

  async function danaAttempts() {
    return server.store.db.select().from(attempts).where(and(eq(attempts.contactId, await danaId()), eq(attempts.userId, mayaId)));
  }
  async function danaId(): Promise<string> {
    const [row] = await server.store.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, 'dana.reyes@brightwave.example'));
    return row!.id;
  }

  it('opening the thread shows that lead in the panel: name, grade, engagement and the countdown', async () => {
    const { tabId } = await openHostTab(ext, hosts.urls.gmail);
    panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    // As wide as Chrome's side panel opens by default.
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    await screenshotForReadme(panel, 'lead-view');
    const text = (await panel.locator('main').textContent()) ?? '';
    expect(text).toMatch(/Grade [ABCD]/);
    expect(text).toContain('Log an attempt');
    expect(text).toMatch(/Due in|overdue by|overdue since|SLA breached|Cadence window closed/i);
  }, 60_000);

  it('"Copy link" puts a signed tracked link for this lead on the clipboard, and it redirects to the content', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.bringToFront();
    const copy = panel.getByRole('button', { name: /^Copy link to / }).first();
    const title = ((await copy.getAttribute('aria-label')) ?? '').replace(/^Copy link to /, '');
    await copy.click();
    const copied = await until(async () => {
      const text = await panel.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      return text.startsWith(`${server.url}/c/`) ? text : null;
    }, 'a tracked link on the clipboard');
    const res = await fetch(copied, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const [item] = await server.store.db.select().from(content).where(eq(content.title, title));
    // To the item itself; on the workspace's own site it also carries the visitor-identification parameter for t.js.
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(item!.url);
    // A forged token goes nowhere.
    expect((await fetch(`${copied.slice(0, -4)}AAAA`, { redirect: 'manual' })).status).toBe(404);
  }, 60_000);

  it('logging a call with an outcome reaches the server exactly once and the countdown moves; undo undoes it', async () => {
    const before = (await danaAttempts()).length;
    const countdownBefore = await panel.locator('.cadence').innerText().catch(() => '');
    // Channel first, outcome second (the toast offers the outcomes for the attempt just logged).
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Call', exact: true }).click();
    await panel.getByRole('group', { name: 'Outcome of this call' }).getByRole('button', { name: 'No answer' }).click();
    const logged = await until(async () => {
      const rows = await danaAttempts();
      return rows.length === before + 1 && rows.some((a) => a.outcome === 'no_answer' && a.undoneAt === null) ? rows : null;
    }, 'the call and its outcome on the server');
    const call = logged.find((a) => a.channel === 'call' && a.outcome === 'no_answer' && a.undoneAt === null);
    expect(call).toBeDefined();
    expect(await panel.locator('.cadence').innerText()).not.toBe(countdownBefore);

    await panel.getByRole('button', { name: 'Undo' }).click();
    await until(async () => (await danaAttempts()).find((a) => a.id === call!.id && a.undoneAt !== null), 'the undo on the server');
    expect((await danaAttempts()).length).toBe(before + 1);
  }, 60_000);

  it('with the server down an attempt waits in the outbox, and is applied exactly once when it is back', async () => {
    const before = (await danaAttempts()).length;
    await server.close();
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Email', exact: true }).click();
    await panel.getByText('Offline.').waitFor({ timeout: 30_000 });
    server = await server.restart();
    await panel.getByRole('button', { name: 'Retry' }).click();
    await until(async () => ((await danaAttempts()).length === before + 1 ? true : null), 'the email on the restarted server');
    // Another sync sends nothing twice.
    await panel.reload();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await danaAttempts()).length).toBe(before + 1);
  }, 90_000);

  it('a question noted on the lead reaches marketing grouped, and the answer they link is offered first', async () => {
    await panel.bringToFront();
    const section = panel.getByRole('region', { name: 'Questions they asked' });
    await section.getByRole('textbox', { name: 'A question they asked' }).fill('Does it work with Outlook?');
    await section.getByRole('button', { name: 'Note' }).click();
    await section.getByText('Does it work with Outlook?').waitFor();
    const id = await danaId();
    const [row] = await until(async () => {
      const rows = await server.store.db.select().from(questions).where(and(eq(questions.contactId, id), eq(questions.text, 'Does it work with Outlook?')));
      return rows.length > 0 ? rows : null;
    }, 'the question on the server');
    expect(row).toMatchObject({ groupKey: 'outlook-work', stage: 'mql', userId: mayaId });

    // The demo's own answer to Dana's SSO question leads "Send next".
    const send = panel.getByRole('region', { name: 'Send next' });
    expect(await send.locator('.suggestion__reason').first().innerText()).toMatch(/^Answers the question they asked (today|yesterday|on \w+)$/);

    // Marketing writes an answer to it and links it; the panel's next sync brings both.
    const alex = server.credentials.find((c) => c.role === 'marketing')!;
    const created = await fetch(`${server.url}/v1/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alex.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Northwind for Outlook', url: 'https://www.northwind.example/resources/outlook', kind: 'article', journeyStage: 'consideration' }),
    });
    const item = (await created.json()) as { id: string };
    const linked = await fetch(`${server.url}/v1/questions/outlook-work/answer`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${alex.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contentId: item.id }),
    });
    expect(linked.status).toBe(200);
    await panel.reload();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor();
    await section.getByText(/answered by “Northwind for Outlook”/).waitFor({ timeout: 30_000 });
    const first = send.locator('.suggestion').first();
    expect(await first.locator('.suggestion__title').innerText()).toBe('Northwind for Outlook');
    expect(await first.locator('.suggestion__reason').innerText()).toBe('Answers the question they asked today');
  }, 90_000);

  it('an address Leadside does not know can be suggested as a lead, and reaches the review queue', async () => {
    // The thread's four outside people (Maya and her colleague are not leads): a row of buttons.
    await panel.getByRole('group', { name: 'People on this page' }).getByRole('button', { name: 'Kofi Mensah' }).click();
    await panel.getByText('Not in Leadside.').waitFor();
    await panel.getByRole('button', { name: 'Suggest as lead' }).click();
    const row = await until(async () => {
      const [s] = await server.store.db.select().from(suggestedLeads).where(eq(suggestedLeads.email, UNKNOWN));
      return s ?? null;
    }, 'the suggestion on the server');
    expect(row).toMatchObject({ status: 'pending', suggestedBy: mayaId });
  }, 60_000);

  it('the queue puts breached and overdue leads first, with counts', async () => {
    await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Queue/ }).click();
    await panel.getByRole('heading', { name: 'Your follow-up queue' }).waitFor();
    const groups = (await panel.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(groups.map((g) => g.replace(/ \d+$/, ''))).toEqual(['Breached & overdue', 'Due soon', 'New leads', 'On track']);
    // Every group shows its count.
    const counts = groups.map((g) => Number(/(\d+)$/.exec(g)?.[1]));
    expect(counts.every((n) => n > 0)).toBe(true);
    await screenshotForReadme(panel, 'queue');
  }, 30_000);

  it('a visit to the company site shows in the open panel within seconds: the lead is active now', async () => {
    await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /This page/ }).click();
    await panel.getByRole('group', { name: 'People on this page' }).getByRole('button', { name: 'Dana Reyes' }).click();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor();
    // Dana has browsed recently in the demo, so watch her page-view count move rather than the badge appear.
    const views = async () => Number(/^(\d+)/.exec(((await panel.locator('dt', { hasText: 'Page views' }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim())?.[1]);
    const before = await views();
    expect(before).toBeGreaterThan(0);
    const site = await ext.context.newPage();
    await site.goto(pages.url(SITE));
    await site.getByLabel('Work email').fill('dana.reyes@brightwave.example');
    await site.getByRole('button', { name: 'Talk to sales' }).click();
    // t.js → /v1/collect → identify → /v1/stream → the panel's cache → the lead card.
    await until(async () => ((await views()) === before + 1 ? true : null), 'the visit in the open panel', 20_000);
    expect(await panel.locator('.badge--live', { hasText: 'Active now' }).count()).toBe(1);
    await site.close();
  }, 60_000);

  it('the panel follows the active tab: switching from the CRM record to the thread switches the lead', async () => {
    const follower = await ext.openPage('sidepanel.html');
    const crm = await ext.context.newPage();
    await crm.goto(hosts.urls.hubspot);
    await crm.bringToFront();
    await follower.getByRole('heading', { name: 'Leo Martins' }).waitFor({ timeout: 30_000 });
    // A lead Leadside knows (the card, not "Not in Leadside").
    await follower.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    expect(await follower.getByText('leo.martins@quantaloop.example').count()).toBeGreaterThan(0);
    const thread = ext.context.pages().find((p) => p.url().includes('/gmail/'))!;
    await thread.bringToFront();
    await follower.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    await crm.bringToFront();
    await follower.getByRole('heading', { name: 'Leo Martins' }).waitFor({ timeout: 30_000 });
    await follower.close();
    await crm.close();
  }, 90_000);
});
