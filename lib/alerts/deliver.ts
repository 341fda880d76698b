import { Alert } from '../core/model/alerts';
import type { LeadsideDatabase } from '../db/database';
import type { SeenAlert } from '../db/types';

/** An alert first seen this long after its deliverAt is old news (the browser was closed): kept as seen, not shown. */
export const ALERT_STALE_MS = 24 * 60 * 60_000;
/**
 * Seen alerts are forgotten this long after they were seen. Longer than ALERT_STALE_MS on purpose: an alert sent
 * again after it was pruned (a pull from an empty cursor) is stale by then, so it is still never shown twice.
 */
export const SEEN_ALERT_KEEP_MS = 7 * 24 * 60 * 60_000;

export interface AlertDelivery {
  db: LeadsideDatabase;
  /** Whether the rep turned alerts on here and the browser granted `notifications`. */
  enabled: () => Promise<boolean>;
  /** Shows one alert (lib/alerts/notifications.ts). */
  show: (alert: Alert) => Promise<void>;
  now: () => Date;
}

/** What a newly seen alert becomes: waiting for its deliverAt (or due now), or skipped as old news. */
export function admitAlert(alert: Pick<Alert, 'deliverAt'>, now: Date): SeenAlert['status'] {
  return now.getTime() - Date.parse(alert.deliverAt) > ALERT_STALE_MS ? 'skipped' : 'waiting';
}

/**
 * Takes alerts from the live stream (raw JSON, parsed here) or a sync page, whichever brings an id first: an id this
 * browser has seen is ignored, so the second sight changes nothing. Then shows what is due. Returns the ids shown.
 */
export async function receiveAlerts(d: AlertDelivery, incoming: readonly unknown[]): Promise<string[]> {
  const alerts = incoming.flatMap((raw) => {
    const parsed = Alert.safeParse(raw);
    if (!parsed.success) console.warn('Leadside: an alert that does not parse was ignored', parsed.error.issues);
    return parsed.success ? [parsed.data] : [];
  });
  await admitAlerts(d.db, alerts, d.now());
  return showDueAlerts(d);
}

/**
 * Records alerts not seen before (an id already kept is left as it is), in the caller's transaction when there is one:
 * a sync page's alerts are kept with the page and its cursor (lib/sync/apply-server-changes.ts), so none is lost
 * between pulling it and showing it.
 */
export async function admitAlerts(db: LeadsideDatabase, alerts: readonly Alert[], now: Date): Promise<void> {
  if (alerts.length === 0) return;
  await db.transaction('rw', db.alerts, async () => {
    const known = new Set((await db.alerts.bulkGet(alerts.map((a) => a.id))).flatMap((row) => (row ? [row.id] : [])));
    const fresh = new Map<string, SeenAlert>();
    for (const alert of alerts) {
      if (known.has(alert.id) || fresh.has(alert.id)) continue;
      fresh.set(alert.id, { id: alert.id, alert, status: admitAlert(alert, now), seenAt: now.toISOString() });
    }
    await db.alerts.bulkAdd([...fresh.values()]);
  });
}

/**
 * Shows every waiting alert whose deliverAt has come (the minute alarm calls it too, for alerts held back by quiet
 * hours), each once: it is marked shown in the same transaction that picks it, before the notification is made, so two
 * callers at once never both show it. With alerts off here a due alert is skipped, not kept for later: turning alerts
 * on never floods the rep with old ones. Prunes what was seen long ago.
 */
export async function showDueAlerts(d: AlertDelivery): Promise<string[]> {
  const enabled = await d.enabled();
  const now = d.now();
  const due = await d.db.transaction('rw', d.db.alerts, async () => {
    const rows = await d.db.alerts
      .where('status')
      .equals('waiting')
      .filter((row) => Date.parse(row.alert.deliverAt) <= now.getTime())
      .toArray();
    await d.db.alerts.bulkPut(rows.map((row) => ({ ...row, status: enabled ? ('shown' as const) : ('skipped' as const) })));
    await d.db.alerts.where('seenAt').below(new Date(now.getTime() - SEEN_ALERT_KEEP_MS).toISOString()).delete();
    return enabled ? rows : [];
  });
  for (const row of due.sort((a, b) => Date.parse(a.alert.deliverAt) - Date.parse(b.alert.deliverAt))) {
    await d.show(row.alert).catch((error: unknown) => console.warn('Leadside: a notification failed', error));
  }
  return due.map((row) => row.id);
}
