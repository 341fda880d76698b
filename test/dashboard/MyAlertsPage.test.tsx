// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { asc } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertPreferences } from '../../lib/core/model/alerts';
import { MutedLeadList } from '../../lib/core/model/muted-leads';
import { seedDemo } from '../../server/seed/demo';
import { contacts } from '../../server/store/schema';
import { serverForSuite, STORE_KINDS } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

const SLOW = 30_000;

describe.each(STORE_KINDS)('My alerts, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let rep: { token: string; name: string };
  let otherRep: string;
  let manager: string;
  let leads: { id: string; name: string | null; email: string }[];
  const preferencesOf = async (token: string) => AlertPreferences.parse(await (await server.api(token, '/v1/me/alerts')).json());
  const put = (token: string, preferences: Partial<AlertPreferences>) => server.api(token, '/v1/me/alerts', { method: 'PUT', json: AlertPreferences.parse(preferences) });

  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    const reps = demo.credentials.filter((c) => c.role === 'rep');
    rep = reps[0]!;
    otherRep = reps[1]!.token;
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    leads = (await server.store.db.select({ id: contacts.id, name: contacts.name, email: contacts.email }).from(contacts).orderBy(asc(contacts.id)).limit(2)).map((c) => ({ ...c }));
  }, 60_000);

  it('names the leads someone muted, and says which ones are no longer in the workspace', async () => {
    expect((await put(rep.token, { mutedContacts: [leads[0]!.id, 'gone_lead'] })).status).toBe(200);
    const answer = MutedLeadList.parse(await (await server.api(rep.token, '/v1/me/alerts/leads')).json());
    expect(answer.leads).toEqual([
      { id: leads[0]!.id, name: leads[0]!.name, email: leads[0]!.email },
      { id: 'gone_lead', name: null, email: null },
    ]);
  }, SLOW);

  it('is in every role’s nav, and says where browser notifications are switched on', async () => {
    for (const token of [rep.token, manager]) {
      cleanup();
      renderApp(apiAs(server.url, token), { now: server.clock.now });
      const nav = await screen.findByRole('navigation', { name: 'Dashboard' });
      expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toContain('My alerts');
    }
    cleanup();
    renderApp(apiAs(server.url, rep.token), { path: 'alerts', now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 1, name: 'My alerts' })).toBeTruthy();
    expect(screen.getByText(/Browser notifications are switched on in the extension’s options, on each computer/)).toBeTruthy();
    // Every control labelled, every group named: axe's serious and critical findings (colours are the browser suite's).
    await screen.findByRole('group', { name: /^Email me at once about/ });
    const { violations } = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }, SLOW);

  it('saves a rep’s own email rules, digest, muted rules and muted leads, and nobody else’s', async () => {
    // Someone else's choices, set before: they must stay as they are.
    const others = { emailRules: ['reply' as const], morningDigest: true, mutedRules: ['key_page' as const], mutedContacts: [leads[1]!.id] };
    expect((await put(otherRep, others)).status).toBe(200);
    expect((await put(manager, { mutedRules: ['active_now'] })).status).toBe(200);
    expect((await put(rep.token, { mutedContacts: [leads[0]!.id, leads[1]!.id] })).status).toBe(200);

    renderApp(apiAs(server.url, rep.token), { path: 'alerts', now: server.clock.now });
    const email = await screen.findByRole('group', { name: /^Email me at once about/ });
    fireEvent.click(within(email).getByRole('checkbox', { name: 'A first touch or follow-up went past due' }));
    fireEvent.click(within(email).getByRole('checkbox', { name: 'The lead replied' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^A morning email with my queue/ }));
    const muted = screen.getByRole('group', { name: /^Never alert me about/ });
    fireEvent.click(within(muted).getByRole('checkbox', { name: 'The lead is on the website now' }));

    const mutedLeads = screen.getByRole('region', { name: 'Muted leads' });
    const label = (l: (typeof leads)[number]) => l.name ?? l.email;
    await within(mutedLeads).findByText(label(leads[0]!));
    expect(within(mutedLeads).getAllByRole('listitem').map((li) => li.querySelector('.muted-lead__name')!.textContent)).toEqual([label(leads[0]!), label(leads[1]!)]);
    fireEvent.click(within(mutedLeads).getByRole('button', { name: `Stop muting ${label(leads[1]!)}` }));
    expect(within(mutedLeads).getAllByRole('listitem')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Save my alerts' }));
    await screen.findByText('Saved.');
    expect(await preferencesOf(rep.token)).toEqual({
      emailRules: ['reply', 'sla_breached'],
      morningDigest: true,
      mutedRules: ['active_now'],
      mutedContacts: [leads[0]!.id],
    });
    expect(await preferencesOf(otherRep)).toEqual(others);
    expect(await preferencesOf(manager)).toEqual(AlertPreferences.parse({ mutedRules: ['active_now'] }));

    // Opened again, the page shows what is stored.
    cleanup();
    renderApp(apiAs(server.url, rep.token), { path: 'alerts', now: server.clock.now });
    expect(within(await screen.findByRole('group', { name: /^Email me at once about/ })).getByRole('checkbox', { name: 'The lead replied' })).toHaveProperty('checked', true);
    const again = screen.getByRole('region', { name: 'Muted leads' });
    await within(again).findByText(label(leads[0]!));
    expect(within(again).getAllByRole('listitem')).toHaveLength(1);
  }, SLOW);

  it('says so when no lead is muted', async () => {
    expect((await put(rep.token, {})).status).toBe(200);
    renderApp(apiAs(server.url, rep.token), { path: 'alerts', now: server.clock.now });
    const mutedLeads = await screen.findByRole('region', { name: 'Muted leads' });
    expect(await within(mutedLeads).findByText(/No muted leads/)).toBeTruthy();
  }, SLOW);
});

