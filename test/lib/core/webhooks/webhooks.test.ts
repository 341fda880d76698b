import { describe, expect, it } from 'vitest';
import type { CadenceState } from '../../../../lib/core/model/derived';
import { NewWebhookEndpoint, WebhookEndpointPatch } from '../../../../lib/core/model/webhooks';
import { slaBreachOf, webhookEndpointGivesUp, webhookRetryDelayMs, WEBHOOK_RETRY_SCHEDULE_MS } from '../../../../lib/core/webhooks';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the webhook retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up: about a day of tries', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelayMs)).toEqual([5_000, 5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(webhookRetryDelayMs(8)).toBeNull();
    const total = WEBHOOK_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * HOUR);
    expect(total).toBeLessThan(30 * HOUR);
  });

  it('turns an endpoint off once it has failed for a whole day, not a moment before', () => {
    const since = new Date('2026-01-19T15:00:00Z');
    expect(webhookEndpointGivesUp(since, new Date('2026-01-20T14:59:59Z'))).toBe(false);
    expect(webhookEndpointGivesUp(since, new Date('2026-01-20T15:00:00Z'))).toBe(true);
  });
});

describe('the SLA breach a webhook hears', () => {
  const cadence = (over: Partial<CadenceState>): CadenceState =>
    ({ status: 'breached', nextDueAt: '2026-01-19T19:00:00.000Z', attemptsDone: 0, ...over }) as CadenceState;
  const at = (iso: string) => new Date(iso);

  it('is a step past due, named by its due time, within a day of it', () => {
    expect(slaBreachOf(cadence({}), at('2026-01-19T18:59:00Z'))).toBeNull();
    expect(slaBreachOf(cadence({}), at('2026-01-19T19:01:00Z'))).toEqual({ dueAt: '2026-01-19T19:00:00.000Z', step: 'first_touch' });
    expect(slaBreachOf(cadence({ attemptsDone: 2 }), at('2026-01-20T10:00:00Z'))).toEqual({ dueAt: '2026-01-19T19:00:00.000Z', step: 'follow_up' });
    // Older than a day is the queue's business, as for alerts.
    expect(slaBreachOf(cadence({}), at('2026-01-20T19:01:00Z'))).toBeNull();
  });

  it('is nothing for a paused, exited or complete cadence, or a lead nobody owns', () => {
    for (const status of ['paused', 'exited', 'complete'] as const) expect(slaBreachOf(cadence({ status }), at('2026-01-19T20:00:00Z'))).toBeNull();
    expect(slaBreachOf(null, at('2026-01-19T20:00:00Z'))).toBeNull();
  });
});

describe('webhook endpoint input', () => {
  it('takes http and https addresses only, with a precise message', () => {
    expect(NewWebhookEndpoint.parse({ url: 'http://127.0.0.1:9000/in', events: ['lead.won'] })).toEqual({ url: 'http://127.0.0.1:9000/in', events: ['lead.won'], description: '', enabled: true });
    for (const url of ['ftp://x.example/', 'javascript:alert(1)', 'mailto:a@b.example', 'x.example/in', '']) {
      const r = NewWebhookEndpoint.safeParse({ url, events: ['lead.won'] });
      expect(r.success, url).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['url', 'must be an http:// or https:// address']]);
    }
  });

  it('wants one event at least, each once, each a known one; a change must change something', () => {
    expect(NewWebhookEndpoint.safeParse({ url: 'https://x.example', events: ['lead.won', 'lead.won'] }).error!.issues[0]!.message).toBe('must not name an event twice');
    expect(NewWebhookEndpoint.safeParse({ url: 'https://x.example', events: ['webhook.test'] }).success).toBe(false);
    expect(WebhookEndpointPatch.safeParse({}).success).toBe(false);
    expect(WebhookEndpointPatch.safeParse({ secret: 'whsec_x' }).success).toBe(false);
  });
});
