import type { Alert } from '../core/model/alerts';

/** The part of `browser.notifications` Leadside uses (Chrome's; Firefox has no buttons). */
export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; contextMessage?: string; buttons?: { title: string }[] }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

const PREFIX = 'leadside-alert';

/**
 * A notification's id carries the alert and its lead (`leadside-alert|<alert id>|<contact id>`, no contact for a
 * digest), so the click handler knows which lead to open without reading the cache first: any await before
 * `sidePanel.open` would lose the click's user gesture. Ids are at most 64 characters and never hold "|".
 */
export function notificationIdOf(alert: Pick<Alert, 'id' | 'contactId' | 'digestOf'>): string {
  return [PREFIX, alert.id, alert.digestOf ? '' : alert.contactId].join('|');
}

/** The alert and lead a notification id names; null for a notification that is not an alert of ours. */
export function alertOfNotification(notificationId: string): { alertId: string; contactId: string | null } | null {
  const [prefix, alertId, contactId] = notificationId.split('|');
  if (prefix !== PREFIX || !alertId || contactId === undefined) return null;
  return { alertId, contactId: contactId === '' ? null : contactId };
}

/** "Open lead", or for a digest (several leads at once) the queue. */
export function openActionOf(alert: Pick<Alert, 'digestOf'>): string {
  return alert.digestOf ? 'Open queue' : 'Open lead';
}

/**
 * Shows an alert: who and what (its title, written by the server so a lead the cache does not know still reads), the
 * detail line, and the one action. Firefox shows no buttons; clicking the notification itself does the same there.
 */
export function alertNotifier(api: NotificationsApi, options: { iconUrl: string; buttons: boolean }): (alert: Alert) => Promise<void> {
  return async (alert) => {
    await api.create(notificationIdOf(alert), {
      type: 'basic',
      iconUrl: options.iconUrl,
      title: alert.title,
      message: alert.body,
      contextMessage: 'Leadside',
      ...(options.buttons && { buttons: [{ title: openActionOf(alert) }] }),
    });
  };
}
