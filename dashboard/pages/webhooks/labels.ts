import type { WebhookDelivery, WebhookEventType } from '../../../lib/core/model/webhooks';

/** Each event in the words of the form's checkboxes. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'lead.created': 'A lead is created',
  'lead.stage_changed': 'A lead changes stage',
  'attempt.logged': 'An attempt is logged',
  'sla.breached': 'A lead’s SLA is breached',
  'lead.won': 'A lead is won',
};

const DELIVERY_STATE_LABELS: Record<WebhookDelivery['state'], string> = {
  pending: 'waiting to retry',
  delivered: 'delivered',
  failed: 'given up',
};

/** A delivery's state in words: one not tried yet is queued, not "retrying". */
export function deliveryStateLabel(d: Pick<WebhookDelivery, 'state' | 'attempts'>): string {
  return d.state === 'pending' && d.attempts === 0 ? 'queued' : DELIVERY_STATE_LABELS[d.state];
}
