import type { Alert } from '../../lib/core/model/alerts';

/**
 * The seam between deciding alerts (the alert engine: server/alerts/engine.ts) and sending them beyond the browser
 * (email, chat: server/alerts/delivery/*). The engine hands each alert over once, when it becomes due (its
 * `deliverAt`), after the transaction that stored it committed; the channels queue what they send durably and never
 * make the engine wait on a mail server or a chat.
 */
export interface DeliveredAlert {
  workspaceId: string;
  alert: Alert;
  recipient: { id: string; email: string; name: string };
  contact: { id: string; email: string; name: string | null; company: string | null };
}

export interface AlertChannels {
  /** Alerts that just became due, in the order they were decided. Resolves once they are queued, not sent. */
  delivered(batch: readonly DeliveredAlert[]): Promise<void>;
  close(): Promise<void>;
}

/** No email or chat configured: alerts reach the browser only. */
export const noAlertChannels: AlertChannels = {
  delivered: async () => {},
  close: async () => {},
};
