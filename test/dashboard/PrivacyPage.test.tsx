// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

const SLOW = 30_000;

describe.each(STORE_KINDS)('Privacy requests page (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let acme: TestWorkspace;
  let danaId: string;

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', {
      method: 'POST',
      json: { email: 'dana@brightwave.example', name: 'Dana Reyes', company: 'Brightwave', ownerId: acme.users.rep!.id },
    });
    danaId = ((await res.json()) as { id: string }).id;
  }, 60_000);

  const find = async (email: string) => {
    fireEvent.change(await screen.findByLabelText('Contact’s email address'), { target: { value: email } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
  };

  it('is in the nav of managers and admins only', async () => {
    for (const [who, shown] of [['manager', true], ['admin', true], ['rep', false], ['marketing', false]] as const) {
      cleanup();
      renderApp(apiAs(server.url, acme.users[who]!.token), { now: server.clock.now });
      const nav = await screen.findByRole('navigation', { name: 'Dashboard' });
      expect(within(nav).getAllByRole('link').map((l) => l.textContent).includes('Privacy requests'), who).toBe(shown);
    }
  }, SLOW);

  it('finds a contact, downloads the export, refuses a wrong confirmation, then erases', async () => {
    renderApp(apiAs(server.url, acme.users.manager!.token), { path: 'privacy', now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy requests' })).toBeTruthy();
    await find('nobody@brightwave.example');
    expect((await screen.findByRole('alert')).textContent).toBe('No contact with the email nobody@brightwave.example in this workspace.');

    await find('Dana@Brightwave.example');
    const card = await screen.findByRole('region', { name: 'Dana Reyes' });
    const counts = within(card).getByRole('table', { name: 'What is held about them' });
    expect(within(counts).getByRole('row', { name: 'Contact record 1' })).toBeTruthy();
    expect(within(counts).getByRole('row', { name: 'Stage history 1' })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Download CSV' }));
    expect(await within(card).findByText(`Downloaded leadside-privacy-${danaId}.csv.`)).toBeTruthy();

    const confirm = within(card).getByLabelText('Type dana@brightwave.example to confirm');
    fireEvent.change(confirm, { target: { value: 'dana@elsewhere.example' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Erase for good' }));
    expect((await within(card).findByRole('alert')).textContent).toBe("The confirmation must be the contact's email address, typed again.");
    expect((await server.api(acme.users.manager!.token, `/v1/privacy/subject?contactId=${danaId}`)).status).toBe(200);

    fireEvent.change(confirm, { target: { value: 'dana@brightwave.example' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Erase for good' }));
    expect((await screen.findByText(/^Erased contact /)).textContent).toContain(danaId);
    expect(screen.queryByRole('region', { name: 'Dana Reyes' })).toBeNull();
    expect((await server.api(acme.users.manager!.token, `/v1/privacy/subject?contactId=${danaId}`)).status).toBe(404);
  }, SLOW);
});
