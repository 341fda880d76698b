import type { Alert } from '../../lib/core/model/alerts';
import type { alerts } from '../store/schema';

export type AlertRow = typeof alerts.$inferSelect;

/** A stored alert as every channel carries it. */
export function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    userId: r.userId,
    contactId: r.contactId,
    rule: r.rule as Alert['rule'],
    at: r.at.toISOString(),
    deliverAt: r.deliverAt.toISOString(),
    title: r.title,
    body: r.body,
    digestOf: r.digestOf ?? null,
  };
}
