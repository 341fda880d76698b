import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSecret } from '../../lib/core/model/alert-delivery';
import { deliveredAlert, freePort, recordingLog, setAlertSettings, testChatReceiver, type ReceivedPost } from './alert-delivery-support';
import { makeWorkspace, STORE_KINDS, startTestServer, type TestServer, type TestWorkspace } from './harness';

// Chat alerts to a real HTTP receiver the test starts: the incoming-webhook JSON for the chosen rules, signed per the
// Standard Webhooks spec (verified here independently), retried with backoff from the durable queue when the receiver
// is down, and never making the hand-over wait.

const PUBLIC_URL = 'https://leadside.example.com';
const MONDAY_10_ET = '2026-01-19T15:00:00Z';

/** The Standard Webhooks check a receiver makes: HMAC-SHA256 over id.timestamp.body with the base64 key after "whsec_". */
function verifies(post: ReceivedPost, secret: string): boolean {
  const id = String(post.headers['webhook-id']);
  const timestamp = String(post.headers['webhook-timestamp']);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${post.body}`).digest('base64');
  return String(post.headers['webhook-signature'])
    .split(' ')
    .some((s) => s === `v1,${expected}`);
}

describe.each(STORE_KINDS)('alerts in chat on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  const recorded = recordingLog();
  const dana = { id: 'ct_dana', email: 'dana@brightwave.example', name: 'Dana Reyes', company: 'Brightwave' };

  beforeAll(async () => {
    server = await startTestServer(kind, { now: MONDAY_10_ET, publicUrl: PUBLIC_URL, log: recorded.log });
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);
  afterAll(() => server?.close());

  const secret = async (who = 'manager') => {
    const res = await server.api(acme.users[who]!.token, '/v1/alerts/webhook-secret');
    expect(res.status).toBe(200);
    return WebhookSecret.parse(await res.json()).secret;
  };

  it('posts a signed incoming-webhook message for the chosen rules only', async () => {
    const receiver = await testChatReceiver();
    try {
      await setAlertSettings(server, acme, { chat: { url: receiver.url, rules: ['key_page', 'sla_breached'] } });
      const keyPage = deliveredAlert(acme, dana, 'key_page', MONDAY_10_ET, { title: 'Dana Reyes viewed Pricing', body: 'Viewed Pricing · Brightwave' });
      await server.alertChannels.delivered([keyPage, deliveredAlert(acme, dana, 'active_now', MONDAY_10_ET)]);
      await server.alertChannels.delivered([keyPage]);
      await server.alertChannels.runDue();

      expect(receiver.posts).toHaveLength(1);
      const post = receiver.posts[0]!;
      expect(post.headers['content-type']).toBe('application/json');
      expect(verifies(post, await secret())).toBe(true);
      expect(Number(post.headers['webhook-timestamp'])).toBe(Date.parse(MONDAY_10_ET) / 1000);
      const body = JSON.parse(post.body) as { text: string; blocks: { type: string }[] };
      expect(body.text).toBe(
        `Dana Reyes viewed Pricing: Viewed Pricing · Brightwave (Dana Reyes <dana@brightwave.example> · Brightwave; owner rep rep) ${PUBLIC_URL}/app/?lead=ct_dana`,
      );
      expect(body.blocks.map((b) => b.type)).toEqual(['section', 'context']);
      // A body changed on the way no longer verifies.
      expect(verifies({ ...post, body: post.body.replace('Pricing', 'Careers') }, await secret())).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('shows the secret to the alerts’ owners only; after a rotation signs with both for a day, then the new one only', async () => {
    expect((await server.api(acme.users.rep!.token, '/v1/alerts/webhook-secret')).status).toBe(403);
    expect((await server.api(acme.users.rep!.token, '/v1/alerts/webhook-secret/rotate', { method: 'POST' })).status).toBe(403);
    const old = await secret('marketing');
    expect(await secret('admin')).toBe(old);
    server.clock.advance(60_000);
    const rotated = await server.api(acme.users.admin!.token, '/v1/alerts/webhook-secret/rotate', { method: 'POST' });
    expect(rotated.status).toBe(200);
    const fresh = WebhookSecret.parse(await rotated.json()).secret;
    expect(fresh).not.toBe(old);
    expect(await secret()).toBe(fresh);
    const audit = (await (await server.api(acme.users.admin!.token, '/v1/audit?action=alert_webhook_secret')).json()) as { events: { action: string; changes: object }[] };
    expect(audit.events).toEqual([
      expect.objectContaining({
        action: 'alert_webhook_secret.rotate',
        changes: { secretCreatedAt: { before: '2026-01-19T15:00:00.000Z', after: '2026-01-19T15:01:00.000Z' } },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(fresh.slice(6));

    const receiver = await testChatReceiver();
    try {
      await setAlertSettings(server, acme, { chat: { url: receiver.url, rules: ['reply'] } });
      await server.alertChannels.delivered([deliveredAlert(acme, dana, 'reply', MONDAY_10_ET)]);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(1);
      // Within a day of the rotation both verify (two signatures, the new one first); after it, only the new one.
      expect(String(receiver.posts[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifies(receiver.posts[0]!, fresh)).toBe(true);
      expect(verifies(receiver.posts[0]!, old)).toBe(true);
      server.clock.advance(24 * 60 * 60_000);
      await server.alertChannels.delivered([deliveredAlert(acme, dana, 'reply', MONDAY_10_ET)]);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(2);
      expect(verifies(receiver.posts[1]!, fresh)).toBe(true);
      expect(verifies(receiver.posts[1]!, old)).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('retries a receiver that is down, with backoff, and delivers once it is back, under the same webhook-id', async () => {
    const port = await freePort();
    await setAlertSettings(server, acme, { chat: { url: `http://127.0.0.1:${port}/hooks/T000/B000`, rules: ['sla_breached'] } });
    await server.alertChannels.delivered([deliveredAlert(acme, dana, 'sla_breached', MONDAY_10_ET, { title: 'Dana Reyes: first touch breached' })]);
    await server.alertChannels.runDue();
    expect(recorded.lines.filter((l) => l.level === 'warn' && l.msg === 'alert send failed; will retry' && l.fields.attempts === 1)).toHaveLength(1);

    const receiver = await testChatReceiver(port);
    try {
      // Back, but answering 503 on the next try: still a failure, and the wait doubles.
      receiver.state.status = 503;
      server.clock.advance(30_000);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(1);
      expect(recorded.lines.some((l) => l.level === 'warn' && l.fields.attempts === 2 && String(l.fields.err).includes('503'))).toBe(true);

      receiver.state.status = 200;
      server.clock.advance(59_000);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(1);
      server.clock.advance(1_000);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(2);
      const [refused, taken] = receiver.posts as [ReceivedPost, ReceivedPost];
      expect(taken.headers['webhook-id']).toBe(refused.headers['webhook-id']);
      expect(JSON.parse(taken.body)).toMatchObject({ text: expect.stringContaining('Dana Reyes: first touch breached') });
      expect(verifies(taken, await secret())).toBe(true);

      server.clock.advance(10 * 60_000);
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('never makes the hand-over wait for a slow receiver', async () => {
    const receiver = await testChatReceiver();
    let release!: () => void;
    receiver.state.hold = new Promise<void>((resolve) => (release = resolve));
    try {
      await setAlertSettings(server, acme, { chat: { url: receiver.url, rules: ['content_download'] } });
      // Resolves with the post still unanswered (the receiver holds every answer until released).
      await server.alertChannels.delivered([deliveredAlert(acme, dana, 'content_download', MONDAY_10_ET)]);
      release();
      await server.alertChannels.runDue();
      expect(receiver.posts).toHaveLength(1);
    } finally {
      release();
      await receiver.close();
    }
  });
});
