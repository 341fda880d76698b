// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebhookEndpointList } from '../../lib/core/model/webhooks';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { testChatReceiver } from '../server/alert-delivery-support';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);
const SLOW = 30_000;

describe.each(STORE_KINDS)('the Webhooks page (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await makeWorkspace(server, 'Hookco');
  }, 60_000);

  const endpoints = async () => WebhookEndpointList.parse(await (await server.api(ws.users.admin!.token, '/v1/webhooks')).json()).endpoints;
  const open = async () => {
    renderApp(apiAs(server.url, ws.users.admin!.token), { path: 'webhooks', now: server.clock.now });
    await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
  };

  it('is for admins only: a manager has it neither in the nav nor at its address', async () => {
    renderApp(apiAs(server.url, ws.users.manager!.token), { path: 'webhooks', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No such page' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Webhooks' })).toBeNull();
  });

  it('refuses a URL that is not http(s) at its field and adds nothing', async () => {
    await open();
    await screen.findByText('No webhook endpoints yet');
    const form = screen.getByRole('form', { name: 'New webhook endpoint' });
    fireEvent.change(within(form).getByLabelText('Endpoint URL'), { target: { value: 'ftp://hooks.example/in' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /A lead is created/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(form).findByText('URL must be an http:// or https:// address')).toBeTruthy();
    expect(within(form).getByLabelText('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
    expect(await endpoints()).toEqual([]);
  }, SLOW);

  it('adds an endpoint and shows its secret once, rotates it, sends a test event, shows the log, turns it off', async () => {
    const receiver = await testChatReceiver();
    try {
      await open();
      const form = screen.getByRole('form', { name: 'New webhook endpoint' });
      fireEvent.change(within(form).getByLabelText('Endpoint URL'), { target: { value: receiver.url } });
      fireEvent.click(within(form).getByRole('checkbox', { name: /A lead is created/ }));
      fireEvent.click(within(form).getByRole('checkbox', { name: /A lead is won/ }));
      fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }));
      const shown = (await screen.findByRole('group', { name: `Signing secret for ${receiver.url}` })).querySelector('input')!;
      expect(shown.value).toMatch(/^whsec_/);
      const [made] = await endpoints();
      expect(made).toMatchObject({ url: receiver.url, events: ['lead.created', 'lead.won'], enabled: true });
      const card = await screen.findByTestId(`endpoint-${made!.id}`);
      expect(card.textContent).toContain('sends a lead is created, a lead is won');
      // The list never carries the secret: only the once-shown box does.
      expect(card.textContent).not.toContain(shown.value);

      fireEvent.click(within(card).getByRole('button', { name: 'Rotate secret' }));
      const rotated = (await within(card).findByRole('group', { name: `New signing secret for ${receiver.url}` })).querySelector('input')!;
      expect(rotated.value).toMatch(/^whsec_/);
      expect(rotated.value).not.toBe(shown.value);

      // A lead created and a test event: both in the log once the worker has sent them.
      await writeInWorkspace(server.store.db, ws.id, (tx) => insertContact(tx, ws.id, { email: 'nia@buyer.example', stage: 'lead' }, server.clock.now(), { kind: 'import' }));
      fireEvent.click(within(card).getByRole('button', { name: 'Send a test event' }));
      await within(card).findByText(/Test event queued/);
      await server.webhooks.runDue();
      expect(receiver.posts.map((p) => (JSON.parse(p.body) as { type: string }).type).sort()).toEqual(['lead.created', 'webhook.test']);
      fireEvent.click(within(card).getByRole('button', { name: 'Delivery log' }));
      const log = await within(card).findByRole('table', { name: 'Delivery log' });
      await waitFor(() => expect(within(log).getAllByRole('rowheader').map((h) => h.textContent).sort()).toEqual(['lead.created', 'webhook.test']));
      expect(within(log).getAllByText('delivered')).toHaveLength(2);

      fireEvent.click(within(card).getByRole('button', { name: 'Turn off' }));
      // The list loads again: the card is drawn anew, now off.
      await waitFor(() => expect(within(screen.getByTestId(`endpoint-${made!.id}`)).getByRole('button', { name: 'Turn on' })).toBeTruthy());
      expect((await endpoints())[0]!.enabled).toBe(false);
    } finally {
      await receiver.close();
    }
  }, SLOW);

  it('shows the notice of an endpoint the server turned off', async () => {
    const [e] = await endpoints();
    const { webhookEndpoints } = await import('../../server/store/schema');
    const { eq } = await import('drizzle-orm');
    await server.store.db.update(webhookEndpoints).set({ enabled: false, disabledReason: 'every delivery failed since 2026-01-20T15:00:00.000Z (last: fetch failed)', disabledAt: server.clock.now() }).where(eq(webhookEndpoints.id, e!.id));
    await open();
    const card = await screen.findByTestId(`endpoint-${e!.id}`);
    expect(within(card).getByRole('status').textContent).toContain('Turned off by Leadside');
    expect(within(card).getByRole('status').textContent).toContain('every delivery failed since 2026-01-20T15:00:00.000Z');
  });
});
