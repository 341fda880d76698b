import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALERT_STALE_MS, alertNotifier, alertOfNotification, receiveAlerts, SEEN_ALERT_KEEP_MS, showDueAlerts, type AlertDelivery } from '../../../lib/alerts';
import type { Alert } from '../../../lib/core/model/alerts';
import type { LeadsideDatabase } from '../../../lib/db/database';
import { alertSwitch } from '../../../lib/stored';
import { applyServerChanges } from '../../../lib/sync/apply-server-changes';
import { dropDb, testDb } from '../../components/support/data';

const NOW = Date.parse('2026-01-19T15:00:00Z');

function alert(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    userId: 'rep1',
    contactId: 'dana',
    rule: 'key_page',
    at: '2026-01-19T14:59:50.000Z',
    deliverAt: '2026-01-19T14:59:50.000Z',
    title: 'Dana Reyes is on the pricing page',
    body: 'Viewed Pricing · Brightwave',
    digestOf: null,
    ...overrides,
  };
}

function emptyPage(alerts: Alert[]) {
  return {
    contacts: [],
    activities: [],
    attempts: [],
    questions: [],
    content: [],
    answers: [],
    stageChanges: [],
    settings: null,
    people: [],
    alerts,
    removed: { contacts: [], content: [] },
    cursor: 'c1',
    more: false,
  };
}

let db: LeadsideDatabase;
let now: number;
let delivery: AlertDelivery;

beforeEach(async () => {
  fakeBrowser.reset();
  db = testDb();
  now = NOW;
  delivery = {
    db,
    enabled: async () => (await alertSwitch().get()).on,
    show: alertNotifier(fakeBrowser.notifications as never, { iconUrl: 'chrome-extension://x/icon/128.png', buttons: true }),
    now: () => new Date(now),
  };
  await alertSwitch().set({ on: true });
});
afterEach(async () => {
  await dropDb(db);
});

const shown = async () => fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string; buttons?: { title: string }[] }>>;

describe('alerts shown as notifications', () => {
  it('shows an alert once, whichever of the stream and the sync page brings it first', async () => {
    expect(await receiveAlerts(delivery, [alert('a1')])).toEqual(['a1']);
    // The sync page brings the same alert, and the stream replays it: nothing more.
    await applyServerChanges(db, emptyPage([alert('a1')]), new Date(now));
    expect(await showDueAlerts(delivery)).toEqual([]);
    expect(await receiveAlerts(delivery, [alert('a1'), alert('a1')])).toEqual([]);
    const all = await shown();
    expect(Object.keys(all)).toEqual(['leadside-alert|a1|dana']);
    expect(all['leadside-alert|a1|dana']).toMatchObject({
      title: 'Dana Reyes is on the pricing page',
      message: 'Viewed Pricing · Brightwave',
      buttons: [{ title: 'Open lead' }],
    });
  });

  it('the sync page first, then the stream: shown after the sync, not again from the stream', async () => {
    await applyServerChanges(db, emptyPage([alert('a2')]), new Date(now));
    expect(await db.alerts.get('a2')).toMatchObject({ status: 'waiting' });
    expect(await showDueAlerts(delivery)).toEqual(['a2']);
    expect(await receiveAlerts(delivery, [alert('a2')])).toEqual([]);
    expect(Object.keys(await shown())).toEqual(['leadside-alert|a2|dana']);
  });

  it('with alerts off shows nothing, and turning them on later does not bring the old ones back', async () => {
    await alertSwitch().set({ on: false });
    expect(await receiveAlerts(delivery, [alert('a3')])).toEqual([]);
    expect(await db.alerts.get('a3')).toMatchObject({ status: 'skipped' });
    await alertSwitch().set({ on: true });
    expect(await showDueAlerts(delivery)).toEqual([]);
    expect(await receiveAlerts(delivery, [alert('a3')])).toEqual([]);
    expect(await shown()).toEqual({});
  });

  it('an alert for later (quiet hours) waits until its deliverAt, then shows once', async () => {
    const later = alert('a4', { deliverAt: '2026-01-20T14:00:00.000Z' });
    expect(await receiveAlerts(delivery, [later])).toEqual([]);
    now = Date.parse('2026-01-20T13:59:59Z');
    expect(await showDueAlerts(delivery)).toEqual([]);
    now = Date.parse('2026-01-20T14:00:00Z');
    expect(await showDueAlerts(delivery)).toEqual(['a4']);
    expect(await showDueAlerts(delivery)).toEqual([]);
    expect(Object.keys(await shown())).toEqual(['leadside-alert|a4|dana']);
  });

  it('an alert for a lead the cache does not know still shows its words; a digest opens the queue', async () => {
    await receiveAlerts(delivery, [
      alert('a5', { contactId: 'unknown1', title: 'Lee Park opened your email' }),
      alert('a6', { title: '4 of your leads are on the site', body: 'Dana Reyes, Lee Park and 2 more', digestOf: { count: 4, contactIds: ['dana', 'lee', 'x', 'y'] } }),
    ]);
    const all = await shown();
    expect(all['leadside-alert|a5|unknown1']).toMatchObject({ title: 'Lee Park opened your email' });
    expect(all['leadside-alert|a6|']).toMatchObject({ buttons: [{ title: 'Open queue' }] });
    expect(alertOfNotification('leadside-alert|a5|unknown1')).toEqual({ alertId: 'a5', contactId: 'unknown1' });
    expect(alertOfNotification('leadside-alert|a6|')).toEqual({ alertId: 'a6', contactId: null });
    expect(alertOfNotification('someone-else')).toBeNull();
  });

  it('ignores what does not parse, and old news (first seen a day after it was due) is kept but not shown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const old = alert('a7', { at: '2026-01-17T10:00:00.000Z', deliverAt: new Date(NOW - ALERT_STALE_MS - 1).toISOString() });
    expect(await receiveAlerts(delivery, [{ id: 'broken' }, 'text', old])).toEqual([]);
    expect(await db.alerts.get('a7')).toMatchObject({ status: 'skipped' });
    expect(await db.alerts.count()).toBe(1);
    expect(await shown()).toEqual({});
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('forgets alerts seen a week ago; one sent again after that is old news and still not shown', async () => {
    await receiveAlerts(delivery, [alert('a8')]);
    await fakeBrowser.notifications.clear('leadside-alert|a8|dana');
    now = NOW + SEEN_ALERT_KEEP_MS + 1;
    await showDueAlerts(delivery);
    expect(await db.alerts.get('a8')).toBeUndefined();
    expect(await receiveAlerts(delivery, [alert('a8')])).toEqual([]);
    expect(await shown()).toEqual({});
  });
});
