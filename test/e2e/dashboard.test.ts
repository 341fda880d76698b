import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, pagesFor } from '../../dashboard/pages';
import { FunnelInputError, planFunnel } from '../../lib/core/funnel';
import { NewSharedScreen } from '../../lib/core/model/sessions';
import { SlaLeadsPage, SlaReport } from '../../lib/core/model/reports';
import { ScoringPreview } from '../../lib/core/model/scoring-preview';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { findUserByEmail } from '../../server/domain/admin';
import { signInLinkFor } from '../../server/domain/sign-in';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { contacts } from '../../server/store/schema';
import { launchChromium } from '../support/chromium';
import { buildDashboard } from '../support/dashboard-build';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { openHostTab, signInThroughOptions, syncAtRest } from './support/flows';
import { screenshotForReadme } from './support/screenshots';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// The built dashboard in real Chromium, served by the real server with the demo workspace: a manager signs in with a
// one-time link and reads what the report API answers; a shared screen opens signed out; a rep sees what a rep may.

/** What the dashboard shows a count, a share and business minutes as, in en-US (headless Chromium's language). */
const count = (n: number) => n.toLocaleString('en-US');
const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);
function minutes(m: number | null): string {
  if (m === null) return '—';
  const whole = Math.round(m);
  const h = Math.floor(whole / 60);
  return h === 0 ? `${whole % 60} min` : `${h} h ${String(whole % 60).padStart(2, '0')} min`;
}

/** The headline figure under `label` (a <dt>), as the page shows it. */
function stat(page: Page, label: string) {
  return page.locator('.stat', { has: page.getByText(label, { exact: true }) }).locator('.stat__value');
}

describe('the dashboard, in real Chromium', () => {
  let server: DemoServer;
  let dashboardDir: string;
  let browser: Browser;
  let manager: BrowserContext;
  let rep: BrowserContext;
  let signedOut: BrowserContext;
  let marketing: BrowserContext;
  // Maya's extension, for the flow where a policy saved in Settings reaches a rep's panel.
  let extensionDir: string;
  let hosts: DemoPages;
  let ext: LoadedExtension;
  let managerToken: string;
  let report: SlaReport;

  keepEvidenceOnFailure(() => ({ server, ext, contexts: [manager, rep, signedOut, marketing].filter(Boolean) }));

  beforeAll(async () => {
    dashboardDir = buildDashboard();
    server = await startDemoServer({ dashboardDir });
    browser = await launchChromium();
    managerToken = server.credentials.find((c) => c.role === 'manager')!.token;
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await hosts?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    await browser?.close();
    await server?.close();
    if (server) removeDemoData(server);
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  /** A one-time link for the demo user, made as `npm start` makes the demo's (the server's own domain function). */
  async function signInLink(email: string): Promise<string> {
    const user = await findUserByEmail(server.store.db, email);
    if (!user) throw new Error(`no user ${email}`);
    return (await signInLinkFor(server.store.db, null, user, server.publicUrl, new Date())).url;
  }

  /** Opens the link in a fresh browser context, presses its button, and lands on the dashboard signed in. */
  async function signIn(email: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(await signInLink(email));
    // The link's page uses nothing by itself (mail scanners fetch links): only the button signs in.
    expect((await context.cookies(server.url)).map((c) => c.name)).not.toContain('leadside_session');
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await page.waitForURL(`${server.url}/app/`);
    await page.locator('.app__who').getByText(name).waitFor();
    return { context, page };
  }

  /** Asks the API as the demo manager, or as whoever's `token` is given. */
  async function api<T>(path: string, parse: { parse(v: unknown): T }, init: RequestInit = {}, token = managerToken): Promise<T> {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return parse.parse(await res.json());
  }

  it('the manager signs in with a one-time link and reads the SLA figures the report API answers', async () => {
    const demoManager = server.credentials.find((c) => c.role === 'manager')!;
    const signedIn = await signIn(demoManager.email, demoManager.name);
    manager = signedIn.context;
    const page = signedIn.page;
    await page.getByRole('heading', { name: 'Marketing delivered' }).waitFor();
    // The page asks for the last 30 days up to now; the API is asked for the very period the page shows (every figure
    // links to its leads over it), so both count the same leads.
    const href = await stat(page, 'Leads delivered').getByRole('link').getAttribute('href');
    const shown = new URL(href!, server.url).searchParams;
    report = await api(`/v1/reports/sla?${new URLSearchParams({ from: shown.get('from')!, to: shown.get('to')! })}`, SlaReport);
    const m = report.marketing;
    const s = report.sales;
    expect(s.openLeads.breached).toBeGreaterThan(0);
    expect(await stat(page, 'Leads delivered').textContent()).toBe(count(m.delivered));
    expect(await stat(page, 'MQLs').textContent()).toBe(count(m.mqls));
    expect(await stat(page, 'Accepted by sales').textContent()).toBe(count(m.quality.accepted));
    expect(await stat(page, 'Recycled').textContent()).toBe(count(m.quality.recycled));
    expect(await stat(page, 'First touch within SLA').textContent()).toBe(count(s.firstTouch.withinSla));
    expect(await stat(page, 'Missed the first touch').textContent()).toBe(count(s.firstTouch.judged - s.firstTouch.withinSla));
    expect(await stat(page, 'Time to first touch').textContent()).toBe(minutes(s.firstTouch.medianBusinessMinutes));
    expect(await stat(page, 'Cadence completion').textContent()).toBe(share(s.cadenceCompletion.share));
    expect(await stat(page, 'Breaches open now').textContent()).toBe(count(s.openLeads.breached));
    // One row per rep of the report, in its order, each with its breaches now.
    const rows = page.getByRole('region', { name: 'Per rep' }).getByRole('row');
    expect(await rows.count()).toBe(report.reps.length + 1);
    for (const [i, r] of report.reps.entries()) {
      const cells = rows.nth(i + 1);
      expect(await cells.getByRole('rowheader').textContent()).toBe(r.active ? r.name : `${r.name} (inactive)`);
      expect(await cells.getByRole('cell').last().textContent()).toBe(count(r.openLeads.breached));
    }
    // The README's picture of the SLA page, once the lazily loaded charts are drawn.
    await expect.poll(() => page.locator('.chart .recharts-wrapper').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByText('Drawing the charts…').count()).toBe(0);
    await screenshotForReadme(page, 'dashboard-sla');
  }, 60_000);

  it('a figure opens the leads behind it, as many as the figure says, each a link to write to the lead', async () => {
    const page = manager.pages()[0]!;
    await stat(page, 'Breaches open now').getByRole('link').click();
    await page.getByRole('heading', { name: 'Breached leads open now' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/app/sla/leads');
    expect(Object.fromEntries(url.searchParams)).toEqual({ figure: 'breached', from: report.period.from, to: report.period.to });
    await page.getByTestId('leads-count').waitFor();
    expect(await page.getByTestId('leads-count').textContent()).toBe(count(report.sales.openLeads.breached));
    // The first page of the list is the API's, lead for lead.
    const q = new URLSearchParams({ figure: 'breached', from: report.period.from, to: report.period.to });
    const first = await api(`/v1/reports/sla/leads?${q}`, SlaLeadsPage);
    expect(first.count).toBe(report.sales.openLeads.breached);
    const links = page.getByRole('table').getByRole('rowheader').getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(first.items.map((l) => `mailto:${l.email}`));
    await page.getByRole('link', { name: 'Back to the SLA page' }).click();
    await page.getByRole('heading', { name: 'Marketing delivered' }).waitFor();
  }, 60_000);

  it('the funnel planner reads our users’ worked example as they wrote it, and refuses a bad rate inline', async () => {
    const page = manager.pages()[0]!;
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Funnel planner' }).click();
    await page.getByRole('heading', { name: 'The plan' }).waitFor();
    await page.getByLabel('Revenue goal for the year').fill('100,000');
    await page.getByLabel('Average deal size').fill('1,000');
    await page.getByLabel('One rate for every stage').check();
    // A rate above 1 is refused in the core's own words, beside the field.
    await page.getByLabel('Rate at each stage').fill('1.5');
    const refusal = (() => {
      try {
        planFunnel({ revenueGoal: 100_000, averageDealSize: 1000, rates: 1.5 });
      } catch (err) {
        if (err instanceof FunnelInputError) return err.message;
      }
      throw new Error('the core took a rate of 1.5');
    })();
    expect(await page.getByLabel('Rate at each stage').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field', { has: page.getByLabel('Rate at each stage') }).getByRole('alert').textContent()).toBe(refusal);
    expect(await page.getByTestId('plan-customers').count()).toBe(0);
    await page.getByLabel('Rate at each stage').fill('0.5');
    await page.getByLabel('Working weeks in the year').fill('48');
    await page.getByLabel('MQLs a rep can review a week').fill('8');
    const shown = async (key: string) => page.getByTestId(`plan-${key}`).textContent();
    expect(await shown('customers')).toBe('100');
    expect(await shown('opportunities')).toBe('200');
    expect(await shown('sqls')).toBe('400');
    expect(await shown('mqls')).toBe('800');
    expect(await shown('leads')).toBe('1,600');
    expect(await shown('visitors')).toBe('3,200');
    expect(await shown('mqlsPerWeek')).toBe('16.7');
    expect(await shown('repsNeeded')).toBe('2.08');
    expect(await page.getByText('MQLs a week over 48 weeks', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Reps needed at 8 reviews a week', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The picture without the last field's focus ring.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshotForReadme(page, 'dashboard-funnel');
  }, 60_000);

  it('a shared screen opens signed out with the figures, and once revoked is refused', async () => {
    const screen = await api('/v1/shared-screens', NewSharedScreen, { method: 'POST', body: JSON.stringify({ name: 'Weekly pipeline meeting' }) });
    signedOut = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await signedOut.newPage();
    await page.goto(screen.url);
    await page.getByRole('heading', { name: 'Marketing delivered' }).waitFor();
    expect(await stat(page, 'Leads delivered').textContent()).toBe(count(report.marketing.delivered));
    expect(await stat(page, 'Breaches open now').textContent()).toBe(count(report.sales.openLeads.breached));
    // Names and counts, no lead lists, and nobody signed in.
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(report.reps.map((r) => r.name)));
    expect(await page.getByRole('main').getByRole('link').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await signedOut.cookies(server.url)).toEqual([]);

    const revoked = await fetch(`${server.url}/v1/shared-screens/${screen.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${managerToken}` } });
    expect(revoked.status).toBe(204);
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Could not load the shared screen\. This shared screen was revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC: ask for a new link\.$/);
    expect(await page.getByRole('heading', { name: 'Marketing delivered' }).count()).toBe(0);
  }, 60_000);

  it('signing out ends the session: the dashboard asks for a new link', async () => {
    const page = manager.pages()[0]!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect((await manager.request.get(`${server.url}/v1/session`)).status()).toBe(401);
    await page.goto(`${server.url}/app/`);
    await page.getByRole('heading', { name: 'Ask your admin for a sign-in link' }).waitFor();
  }, 60_000);

  it('a rep signed in sees only the pages a rep may open', async () => {
    const maya = server.credentials.find((c) => c.role === 'rep')!;
    const signedIn = await signIn(maya.email, maya.name);
    rep = signedIn.context;
    const page = signedIn.page;
    const allowed = pagesFor('rep');
    const nav = page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link');
    expect(await nav.allTextContents()).toEqual(allowed.filter((p) => p.inNav).map((p) => p.title));
    if (allowed.length === 0) await page.getByRole('heading', { name: 'Nothing here for your role yet' }).waitFor();
    // Every other page, typed as an address, is not there for a rep (the shell titles it "Not found").
    const refused = PAGES.filter((p) => !allowed.includes(p));
    expect(refused.length).toBeGreaterThan(0);
    for (const p of refused) {
      await page.goto(`${server.url}/app/${p.path}`);
      await page.locator('.app__who').getByText(maya.name).waitFor();
      expect(await page.title()).toBe('Not found · Leadside');
      expect(await page.getByRole('heading', { name: 'Marketing delivered' }).count()).toBe(0);
    }
  }, 60_000);

  it('the README’s picture of Settings, as the demo manager opens it', async () => {
    const demoManager = server.credentials.find((c) => c.role === 'manager')!;
    const { context, page } = await signIn(demoManager.email, demoManager.name);
    manager = context;
    await page.goto(`${server.url}/app/settings`);
    await page.getByRole('region', { name: 'Cadence policies' }).waitFor();
    // The page is thirteen screens long: the picture is its first screen, the shell and the first parts.
    await screenshotForReadme(page, 'dashboard-settings', { fullPage: false });
  }, 60_000);

  it('the manager changes the cadence policy of Dana’s lead type, and Maya’s panel plans that many attempts after sync', async () => {
    // Maya's panel on Dana Reyes (a content download: the default policy, 5 attempts, one done) before the change.
    extensionDir = buildE2eExtension();
    hosts = await serveDemoPages(0);
    ext = await launchWithExtension(extensionDir);
    const maya = server.credentials.find((c) => c.role === 'rep' && c.email === 'maya.chen@northwind.example')!;
    await signInThroughOptions(ext, server.url, maya.token);
    const { tabId } = await openHostTab(ext, hosts.urls.gmail);
    const panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    const attemptsPlanned = panel.locator('.cadence__facts > span').first();
    await expect.poll(() => attemptsPlanned.textContent(), { timeout: 30_000 }).toBe('1 of 5 attempts');

    const page = manager.pages()[0]!;
    await page.goto(`${server.url}/app/settings`);
    const policies = page.getByRole('region', { name: 'Cadence policies' });
    const standard = policies.getByRole('group', { name: /^Policy 1: Standard/ });
    await standard.getByLabel('Attempts', { exact: true }).fill('7');
    await standard.getByLabel('Spacing: business hours before each follow-up').fill('16, 16, 24, 24, 24, 24');
    await policies.getByRole('button', { name: 'Save cadence policies' }).click();
    await policies.getByText('Saved.', { exact: true }).waitFor();
    const saved = (await api('/v1/settings', WorkspaceSettings)).policies.find((p) => p.id === 'default')!;
    expect([saved.attempts, saved.followUpBusinessHours]).toEqual([7, [16, 16, 24, 24, 24, 24]]);

    // Opening the panel again asks for a sync; the settings come down with it and the plan is the new policy's.
    await panel.reload();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    await syncAtRest(panel);
    await expect.poll(() => panel.locator('.cadence__facts > span').first().textContent(), { timeout: 30_000 }).toBe('1 of 7 attempts');
  }, 240_000);

  it('the marketer raises the MQL fit threshold: the preview shows the API’s counts for that model, and saving stores it', async () => {
    const marketer = server.credentials.find((c) => c.role === 'marketing')!;
    const { context, page } = await signIn(marketer.email, marketer.name);
    marketing = context;
    const before = (await api('/v1/settings', WorkspaceSettings)).scoring;
    const raised = before.mqlFitThreshold + 20;
    await page.goto(`${server.url}/app/settings`);
    const scoring = page.getByRole('region', { name: 'Scoring model' });
    await scoring.getByLabel('MQL fit threshold').fill(String(raised));
    await scoring.getByRole('button', { name: 'Preview the change' }).click();
    await scoring.getByRole('heading', { name: 'Preview: what saving this model would change' }).waitFor({ timeout: 30_000 });
    const preview = await api('/v1/settings/scoring/preview', ScoringPreview, { method: 'POST', body: JSON.stringify({ scoring: { ...before, mqlFitThreshold: raised } }) }, marketer.token);
    // A raised bar must stop some MQLs qualifying, or the comparison says nothing.
    expect(preview.mql.stopping).toBeGreaterThan(0);
    const cell = (id: string) => scoring.getByTestId(id).textContent();
    expect(await cell('preview-changed')).toBe(count(preview.changed));
    expect(await cell('preview-scored')).toBe(count(preview.scored));
    expect(await cell('preview-mql-starting')).toBe(count(preview.mql.starting));
    expect(await cell('preview-mql-stopping')).toBe(count(preview.mql.stopping));
    expect(await cell('preview-mql-total')).toBe(`${count(preview.mql.current)} → ${count(preview.mql.proposed)}`);
    for (const g of ['A', 'B', 'C', 'D'] as const) {
      expect(await cell(`preview-grade-${g}-current`)).toBe(count(preview.grades.current[g]));
      expect(await cell(`preview-grade-${g}-proposed`)).toBe(count(preview.grades.proposed[g]));
    }
    // Previewing saved nothing; saving stores the raised threshold and leaves the rest of the model as it was.
    expect((await api('/v1/settings', WorkspaceSettings)).scoring).toEqual(before);
    await scoring.getByRole('button', { name: 'Save scoring model' }).click();
    await scoring.getByText('Saved.', { exact: true }).waitFor();
    expect((await api('/v1/settings', WorkspaceSettings)).scoring).toEqual({ ...before, mqlFitThreshold: raised });
  }, 60_000);

  it('the manager accepts a lead Maya suggested, with Jordan as owner and a lead type: the contact is Jordan’s', async () => {
    const maya = server.credentials.find((c) => c.email === 'maya.chen@northwind.example')!;
    const email = 'ines.duarte@lumenforge.example';
    const suggested = await fetch(`${server.url}/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${maya.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ id: 'm_e2e_suggest_ines', type: 'contact.suggest', at: new Date().toISOString(), email, name: 'Inês Duarte', company: 'Lumenforge' }] }),
    });
    expect(suggested.status).toBe(200);
    const page = manager.pages()[0]!;
    await page.goto(`${server.url}/app/review`);
    const form = page.getByRole('form', { name: 'Accept Inês Duarte' });
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel('Owner').selectOption({ label: 'Jordan Okafor' });
    await form.getByLabel('Lead type').fill('inbound_demo');
    await form.getByRole('button', { name: 'Accept' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Accepted:' });
    await done.waitFor();
    expect(await done.textContent()).toBe('Accepted: Inês Duarte is now a lead owned by Jordan Okafor.');
    const [contact] = await server.store.db.select().from(contacts).where(eq(contacts.email, email));
    expect([contact?.ownerId, contact?.leadType, contact?.stage]).toEqual(['u_demo_jordan', 'inbound_demo', 'lead']);
  }, 60_000);
});
