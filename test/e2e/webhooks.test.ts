import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookEndpointList } from '../../lib/core/model/webhooks';
import { dashboardSuite } from './support/dashboard-suite';

// The Webhooks page of the built dashboard in real Chromium over the demo workspace: an admin is refused a non-http(s)
// address at the field (and nothing is made), adds an endpoint pointing at a real local receiver, reads the secret the
// page shows once; a contact made through the API reaches the receiver signed with that secret (Standard Webhooks),
// the page's delivery log says delivered, and "Send a test event" reaches the receiver too.

interface ReceivedPost {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback: keeps every post and answers 200. */
async function startReceiver(): Promise<{ url: string; posts: ReceivedPost[]; close(): Promise<void> }> {
  const posts: ReceivedPost[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/leadside-hooks`,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The post's event, if its signature verifies with `secret` (standardwebhooks throws otherwise). */
function verified(post: ReceivedPost, secret: string): { type: string; timestamp: string; data: Record<string, unknown> } {
  const h = (name: string) => String(post.headers[name] ?? '');
  return new Webhook(secret).verify(post.body, { 'webhook-id': h('webhook-id'), 'webhook-timestamp': h('webhook-timestamp'), 'webhook-signature': h('webhook-signature') }) as never;
}

describe('the Webhooks page, in real Chromium', () => {
  const suite = dashboardSuite();
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  /** Runs the worker until the receiver holds `n` posts (the server's own 5 s tick may send them first). */
  async function deliveredUpTo(n: number): Promise<void> {
    await expect
      .poll(
        async () => {
          await suite.server.webhooks.runDue();
          return receiver.posts.length;
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(n);
  }

  /** The endpoint's delivery log as the page shows it, freshly loaded (closed and opened again). */
  async function deliveryLog(page: Page, url: string): Promise<string[][]> {
    const card = page.getByRole('region', { name: url });
    const toggle = card.getByRole('button', { name: /delivery log/i });
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    await toggle.click();
    const table = card.getByRole('table', { name: 'Delivery log' });
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  }

  it('refuses a non-http(s) address, adds an endpoint, and its deliveries verify with the secret the page showed', async () => {
    const { server } = suite;
    const admin = server.credentials.find((c) => c.role === 'admin')!;
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', ...init.headers } });
    const endpointsNow = async () => WebhookEndpointList.parse(await (await api('/v1/webhooks')).json()).endpoints;
    expect(await endpointsNow()).toEqual([]);

    const { page } = await suite.signIn('admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(`${server.url}/app/webhooks`);
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook endpoints yet').waitFor();

    const form = page.getByRole('form', { name: 'New webhook endpoint' });
    const urlField = form.getByLabel('Endpoint URL');
    const created = form.getByRole('checkbox', { name: /lead\.created/ });
    const stageChanged = form.getByRole('checkbox', { name: /lead\.stage_changed/ });

    // ftp: is refused at the field, in the words the server uses for the same address; nothing is made.
    const ftp = 'ftp://127.0.0.1/leadside-hooks';
    await urlField.fill(ftp);
    await created.check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const urlError = form.locator('#webhook-url-error');
    await urlError.waitFor();
    const serverRefusal = await api('/v1/webhooks', { method: 'POST', body: JSON.stringify({ url: ftp, events: ['lead.created'] }) });
    expect(serverRefusal.status).toBe(400);
    const refusal = (await serverRefusal.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(refusal.error.issues).toEqual([{ path: 'url', message: 'must be an http:// or https:// address' }]);
    expect(await urlError.textContent()).toBe(`URL ${refusal.error.issues[0]!.message}`);
    expect(await urlField.getAttribute('aria-invalid')).toBe('true');
    expect(await urlField.getAttribute('aria-describedby')).toBe('webhook-url-error');
    expect(await endpointsNow()).toEqual([]);

    // The real receiver, for lead.created and lead.stage_changed.
    await urlField.fill(receiver.url);
    await stageChanged.check();
    expect(await created.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const secretBox = page.getByRole('group', { name: `Signing secret for ${receiver.url}` });
    const secret = await secretBox.getByRole('textbox').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await expect.poll(() => urlError.count()).toBe(0);
    const [endpoint] = await endpointsNow();
    expect(endpoint).toMatchObject({ url: receiver.url, events: ['lead.created', 'lead.stage_changed'], enabled: true });
    const card = page.getByRole('region', { name: receiver.url });
    await card.getByText('sends a lead is created, a lead changes stage').waitFor();

    // A lead made through the API is sent to the receiver, signed with the page's secret.
    const made = await api('/v1/contacts', { method: 'POST', body: JSON.stringify({ email: 'hook.lead@initech.example', name: 'Hook Lead' }) });
    expect(made.status).toBe(201);
    await deliveredUpTo(1);
    expect(receiver.posts).toHaveLength(1);
    const [post] = receiver.posts;
    expect(post!.headers['user-agent']).toBe('Leadside-Webhooks');
    expect(verified(post!, secret)).toMatchObject({ type: 'lead.created', data: { contact: { email: 'hook.lead@initech.example', name: 'Hook Lead' } } });
    // A secret other than the page's does not verify it.
    expect(() => verified(post!, `whsec_${Buffer.alloc(32, 1).toString('base64')}`)).toThrow();

    expect(await deliveryLog(page, receiver.url)).toEqual([['lead.created', expect.any(String), 'delivered', '1', '200']]);

    // "Send a test event" reaches the receiver too, and the log shows it delivered.
    await card.getByRole('button', { name: 'Send a test event' }).click();
    await card.getByRole('status').filter({ hasText: 'Test event queued' }).waitFor();
    await deliveredUpTo(2);
    expect(verified(receiver.posts[1]!, secret)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint!.id } });
    expect(await deliveryLog(page, receiver.url)).toEqual([
      ['webhook.test', expect.any(String), 'delivered', '1', '200'],
      ['lead.created', expect.any(String), 'delivered', '1', '200'],
    ]);
  }, 120_000);
});
