import { postSignedWebhook } from '../../http/standard-webhooks';
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

/** Posts it; throws unless the receiver answered 2xx within CHAT_TIMEOUT_MS. */
export async function postChat(fetcher: typeof fetch, p: ChatPayload, headers: Record<string, string>): Promise<void> {
  await postSignedWebhook(fetcher, { url: p.url, body: p.body, headers, userAgent: 'Leadside-Alerts', timeoutMs: CHAT_TIMEOUT_MS, receiver: 'the chat' });
}
