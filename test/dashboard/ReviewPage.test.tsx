// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SuggestionPage } from '../../lib/core/model/contact-requests';
import { RecycledReport } from '../../lib/core/model/reports';
import { seedDemo } from '../../server/seed/demo';
import { writeInWorkspace } from '../../server/store/db';
import { contacts, stageChanges, suggestedLeads, users } from '../../server/store/schema';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

function rowTexts(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
}

/** What the page says for a refusal: the server's message as a sentence (dashboard/shell/states.tsx messageOf). */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.');
}

describe.each(STORE_KINDS)('the Leads to review page, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let manager: string;
  let marketing: string;
  let workspaceId: string;
  let reps: { id: string; name: string }[];
  let recycled: RecycledReport;
  let empty: TestWorkspace;
  let coded: { name: string };
  const get = async (token: string, path: string) => {
    const res = await server.api(token, path);
    expect(res.status).toBe(200);
    return res.json();
  };
  const suggestion = async (id: string) => (await server.store.db.select().from(suggestedLeads).where(eq(suggestedLeads.id, id)))[0]!;
  const itemOf = async (name: string) => (await screen.findByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).parentElement!;

  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    workspaceId = demo.workspaceId;
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    marketing = demo.credentials.find((c) => c.role === 'marketing')!.token;
    reps = await server.store.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'rep'), eq(users.disabled, false)))
      .orderBy(users.email);
    expect(reps.length).toBeGreaterThan(1);
    const at = (day: number) => new Date(`2026-01-${day}T15:00:00Z`);
    await server.store.db.insert(suggestedLeads).values([
      { id: 's-olga', workspaceId, email: 'olga@prospect.example', name: 'Olga Ortiz', company: 'Prospect Co', title: 'CTO', suggestedBy: reps[0]!.id, suggestedAt: at(20), note: 'asked for a demo' },
      { id: 's-bea', workspaceId, email: 'bea@prospect.example', name: 'Bea Brown', suggestedBy: reps[0]!.id, suggestedAt: at(19) },
      { id: 's-cal', workspaceId, email: 'cal@prospect.example', name: 'Cal Cole', suggestedBy: reps[1]!.id, suggestedAt: at(18) },
    ]);
    // The demo's recycles carry words only; one more, by code, to filter on: a rep recycles an MQL of theirs.
    const [mql] = await server.store.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.stage, 'mql'), eq(contacts.ownerId, reps[0]!.id)))
      .orderBy(contacts.id)
      .limit(1);
    coded = { name: mql!.name ?? mql!.email };
    await writeInWorkspace(server.store.db, workspaceId, async (tx) => {
      await tx.insert(stageChanges).values({
        workspaceId,
        id: 'sc-coded',
        contactId: mql!.id,
        fromStage: 'mql',
        toStage: 'recycled',
        at: new Date('2026-01-20T16:00:00Z'),
        actorKind: 'user',
        actorId: reps[0]!.id,
        reasonCode: 'bad_timing',
        reason: 'Bad timing',
      });
      await tx.update(contacts).set({ stage: 'recycled' }).where(eq(contacts.id, mql!.id));
    });
    recycled = RecycledReport.parse(await get(manager, '/v1/reports/recycled'));
    empty = await makeWorkspace(server, 'Quietco');
  }, 60_000);

  it('lists the pending suggestions newest first, with who suggested each', async () => {
    const page = SuggestionPage.parse(await get(manager, '/v1/suggestions'));
    renderApp(apiAs(server.url, manager), { path: 'review', now: server.clock.now });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Leads reps suggested' })).parentElement!;
    await within(section).findAllByRole('heading', { level: 3 });
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => within(h).getByRole('link').textContent)).toEqual(page.suggestions.map((s) => s.name ?? s.email));
    const olga = await itemOf('Olga Ortiz');
    expect(within(olga).getByText(`CTO at Prospect Co · suggested by ${reps[0]!.name} on Jan 20, 2026`)).toBeTruthy();
    expect(within(olga).getByText('“asked for a demo”')).toBeTruthy();
  });

  it('accepts a suggestion with another rep as owner and a lead type: the contact is theirs', async () => {
    renderApp(apiAs(server.url, manager), { path: 'review', now: server.clock.now });
    const olga = await itemOf('Olga Ortiz');
    const owner = within(olga).getByLabelText('Owner');
    // The suggester first, every other active rep, then nobody.
    await waitFor(() => expect(within(owner).getAllByRole('option')).toHaveLength(reps.length + 1));
    fireEvent.change(owner, { target: { value: reps[1]!.id } });
    fireEvent.change(within(olga).getByLabelText('Lead type'), { target: { value: 'inbound_demo' } });
    fireEvent.click(within(olga).getByRole('button', { name: 'Accept' }));
    expect((await within(olga).findByRole('status')).textContent).toBe(`Accepted: Olga Ortiz is now a lead owned by ${reps[1]!.name}.`);
    const stored = await suggestion('s-olga');
    expect(stored.status).toBe('accepted');
    const [contact] = await server.store.db.select().from(contacts).where(eq(contacts.id, stored.contactId!));
    expect(contact).toMatchObject({ email: 'olga@prospect.example', ownerId: reps[1]!.id, leadType: 'inbound_demo', stage: 'lead' });
  });

  it('shows a refused lead type and a too-short reason in the server’s words, changing nothing', async () => {
    // The server's own words for the same refusals (a 400 changes nothing, so asking first costs nothing).
    const badType = await server.api(manager, '/v1/suggestions/s-bea/accept', { method: 'POST', json: { leadType: 'Inbound Demo!' } });
    expect(badType.status).toBe(400);
    const shortReason = await server.api(manager, '/v1/suggestions/s-bea/reject', { method: 'POST', json: { reason: 'no' } });
    expect(shortReason.status).toBe(400);
    renderApp(apiAs(server.url, manager), { path: 'review', now: server.clock.now });
    const bea = await itemOf('Bea Brown');
    fireEvent.change(within(bea).getByLabelText('Lead type'), { target: { value: 'Inbound Demo!' } });
    fireEvent.click(within(bea).getByRole('button', { name: 'Accept' }));
    expect((await within(bea).findByRole('alert')).textContent).toBe(sentence(((await badType.json()) as { error: { message: string } }).error.message));
    fireEvent.change(within(bea).getByLabelText('Reason to reject'), { target: { value: 'no' } });
    fireEvent.click(within(bea).getByRole('button', { name: 'Reject' }));
    const shortMessage = sentence(((await shortReason.json()) as { error: { message: string } }).error.message);
    await waitFor(() => expect(within(bea).getByRole('alert').textContent).toBe(shortMessage));
    expect(shortMessage).toMatch(/reason/);
    expect(await suggestion('s-bea')).toMatchObject({ status: 'pending', contactId: null, reviewReason: null });
  });

  it('rejects a suggestion with a reason, kept for the rep', async () => {
    renderApp(apiAs(server.url, manager), { path: 'review', now: server.clock.now });
    const bea = await itemOf('Bea Brown');
    fireEvent.change(within(bea).getByLabelText('Reason to reject'), { target: { value: 'a competitor’s employee' } });
    fireEvent.click(within(bea).getByRole('button', { name: 'Reject' }));
    expect((await within(bea).findByRole('status')).textContent).toBe('Rejected: a competitor’s employee');
    expect(await suggestion('s-bea')).toMatchObject({ status: 'rejected', reviewReason: 'a competitor’s employee' });
  });

  it('for marketing (who may not list users) the owner is the suggester or nobody; nobody leaves it unassigned', async () => {
    renderApp(apiAs(server.url, marketing), { path: 'review', now: server.clock.now });
    const cal = await itemOf('Cal Cole');
    const owner = within(cal).getByLabelText('Owner');
    expect(within(owner).getAllByRole('option').map((o) => o.textContent)).toEqual([`${reps[1]!.name} (who suggested it)`, 'Nobody yet']);
    fireEvent.change(owner, { target: { value: 'nobody' } });
    fireEvent.click(within(cal).getByRole('button', { name: 'Accept' }));
    expect((await within(cal).findByRole('status')).textContent).toBe('Accepted: Cal Cole is now a lead owned by nobody yet.');
    const [contact] = await server.store.db.select().from(contacts).where(eq(contacts.id, (await suggestion('s-cal')).contactId!));
    expect(contact!.ownerId).toBeNull();
  });

  it('lists the recycled leads with their reasons ranked, and filters by a reason', async () => {
    expect(recycled.count).toBeGreaterThan(0);
    renderApp(apiAs(server.url, manager), { path: 'review', now: server.clock.now });
    expect((await screen.findByTestId('recycled-count')).textContent).toBe(String(recycled.count));
    const reasons = screen.getByRole('list', { name: 'Reasons, most given first' });
    const entries = within(reasons).getAllByRole('listitem');
    expect(entries.map((li) => li.textContent)).toEqual(recycled.reasons.map((r) => `${r.text ?? r.code?.replace(/_/g, ' ')} (${r.count})`));
    const table = screen.getByRole('table', { name: 'Leads sent back to marketing' });
    expect(within(table).getAllByRole('row')).toHaveLength(Math.min(recycled.count, 50) + 1);
    // The filter offers each code once: the worded reasons share "no code", the coded one stands alone (ranked reasons read in their normalised words).
    const filter = screen.getByLabelText('Only the moves with reason') as HTMLSelectElement;
    expect(within(filter).getAllByRole('option').map((o) => [(o as HTMLOptionElement).value, o.textContent])).toEqual([
      ['', 'Every reason'],
      ['-', `No code recorded (${recycled.count - 1})`],
      ['bad_timing', 'bad timing (1)'],
    ]);
    fireEvent.change(filter, { target: { value: 'bad_timing' } });
    await waitFor(() => expect(screen.getByTestId('recycled-count').textContent).toBe('1'));
    const rows = within(screen.getByRole('table', { name: 'Leads sent back to marketing' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => rowTexts(r))).toEqual([[coded.name, expect.any(String), 'Recycled', 'Jan 20, 2026', reps[0]!.name, 'Bad timing', 'Recycled']]);
    // The ranked reasons stay the period's, whatever the filter.
    expect(within(screen.getByRole('list', { name: 'Reasons, most given first' })).getAllByRole('listitem')).toHaveLength(recycled.reasons.length);
    fireEvent.change(screen.getByLabelText('Only the moves with reason'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('recycled-count').textContent).toBe(String(recycled.count)));
  });

  it('a workspace with nothing to review: both sections say so', async () => {
    renderApp(apiAs(server.url, empty.users.manager!.token), { path: 'review', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'Nothing to review' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No leads sent back in this period' })).toBeTruthy();
  });

  it('a list that fails to load shows the server’s words and a way to try again', async () => {
    const made = (await (await server.api(manager, '/v1/me/tokens', { method: 'POST', json: { name: 'about to be revoked' } })).json()) as { id: string; token: string };
    renderApp(apiAs(server.url, made.token), { path: 'review', now: server.clock.now });
    await screen.findByTestId('recycled-count');
    expect((await server.api(manager, `/v1/me/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
    fireEvent.click(screen.getByRole('radio', { name: 'This quarter' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the recycled leads.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
