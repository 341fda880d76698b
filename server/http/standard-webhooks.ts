import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com), as both the chat alerts and the workspace's webhook endpoints
 * send them: the signing headers and the one way a signed post goes out.
 */

/**
 * The headers: `webhook-signature` is "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), the key being
 * the base64 after "whsec_", one per secret, space apart (the current secret first; the one before a rotation during
 * its grace). The id stays the same on every retry of one message (receivers dedupe on it); the timestamp is the
 * attempt's, in whole seconds.
 */
export function standardWebhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  });
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}

/** The receiver answered, but not 2xx: its status, and the start of what it said (for the delivery log). */
export class WebhookRefused extends Error {
  constructor(
    readonly status: number,
    who: string,
    answer: string,
  ) {
    super(`${who} answered ${status}${answer ? `: ${answer}` : ''}`);
  }
}

export interface SignedPost {
  url: string;
  /** The JSON body, exactly as signed. */
  body: string;
  headers: Record<string, string>;
  userAgent: string;
  timeoutMs: number;
  /** Who is posted to, for the refusal's words ("the chat", "the endpoint"). */
  receiver: string;
}

/** Posts it without following redirects; answers the status, or throws WebhookRefused (non-2xx) or the fetch error. */
export async function postSignedWebhook(fetcher: typeof fetch, p: SignedPost): Promise<number> {
  const response = await fetcher(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': p.userAgent, ...p.headers },
    body: p.body,
    redirect: 'error',
    signal: AbortSignal.timeout(p.timeoutMs),
  });
  // The body is read so the connection can be reused; its words help the log when it refused.
  const answer = (await response.text().catch(() => '')).slice(0, 200);
  if (!response.ok) throw new WebhookRefused(response.status, p.receiver, answer);
  return response.status;
}
