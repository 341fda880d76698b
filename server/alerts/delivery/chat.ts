import { createHmac } from 'node:crypto';
import type { DeliveredAlert } from '../channels';
import type { ChatPayload } from './outbox';
import { leadUrl, whoLine } from './words';

/**
 * Chat alerts: a post to the workspace's Slack- or Teams-compatible incoming webhook (`alerts.chat.url`). The body
 * has `text` (what Teams and every Slack-compatible receiver show) and Slack `blocks`; it is signed per the Standard
 * Webhooks spec so a receiver that checks can tell it came from this workspace's Leadside.
 */

/** How long one post may take before it counts as failed (and is retried). */
export const CHAT_TIMEOUT_MS = 10_000;

/** The post for one alert, composed when it is queued. */
export function chatPost(d: DeliveredAlert, url: string, publicUrl: string): ChatPayload {
  const link = leadUrl(publicUrl, d.contact.id);
  const text = `${d.alert.title}: ${d.alert.body} (${whoLine(d.contact)}; owner ${d.recipient.name}) ${link}`;
  const body = {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(d.alert.title)}*\n${slackEscape(d.alert.body)}` } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${slackEscape(whoLine(d.contact))} · owner ${slackEscape(d.recipient.name)} · <${link}|Open lead>` }],
      },
    ],
  };
  return { kind: 'chat', url, body: JSON.stringify(body) };
}

/** Slack's three control characters in mrkdwn. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The Standard Webhooks headers: `webhook-signature` is "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." +
 * body)), the key being the base64 after "whsec_", one per secret, space apart (the current secret first; the one
 * before a rotation during its grace). The id stays the same on every retry of one post (receivers dedupe on it); the
 * timestamp is the attempt's, in whole seconds.
 */
export function standardWebhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  });
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}

/** Posts it; throws unless the receiver answered 2xx within CHAT_TIMEOUT_MS. */
export async function postChat(fetcher: typeof fetch, p: ChatPayload, headers: Record<string, string>): Promise<void> {
  const response = await fetcher(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Leadside-Alerts', ...headers },
    body: p.body,
    redirect: 'error',
    signal: AbortSignal.timeout(CHAT_TIMEOUT_MS),
  });
  // The body is read so the connection can be reused; its words help the log when it refused.
  const answer = (await response.text().catch(() => '')).slice(0, 200);
  if (!response.ok) throw new Error(`the chat answered ${response.status}${answer ? `: ${answer}` : ''}`);
}
