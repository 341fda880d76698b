import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../lib/alerts';
import type { LeadsideDatabase } from '../../../lib/db/database';
import { BADGE_BREACHED_COLOR, BADGE_OVERDUE_COLOR } from '../../../lib/view-model/badge';
import { attempt, dropDb, lead, MONDAY_10AM, seedSession, testDb } from '../../components/support/data';

/** The badge as the browser holds it: text, colour (RGBA) and the button's tooltip. */
async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    color: await fakeBrowser.action.getBadgeBackgroundColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

let db: LeadsideDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = testDb();
  await seedSession(db);
});
afterEach(async () => {
  await dropDb(db);
});

const monday = new Date(MONDAY_10AM);

describe('the toolbar badge', () => {
  it('counts the queue’s breached and overdue leads, red when one is breached', async () => {
    // As in the queue's test (Monday 10:00 New York): Ana's first touch breached, Ben's follow-up overdue, Cho due soon
    // (not counted), Eve new, and Zed someone else's.
    await db.contacts.bulkPut([
      lead('ana', { assignedAt: '2026-01-15T14:00:00Z' }),
      lead('ben', { assignedAt: '2026-01-14T14:00:00Z' }),
      lead('cho', { assignedAt: '2026-01-14T14:00:00Z' }),
      lead('eve', { assignedAt: '2026-01-19T14:30:00Z' }),
      lead('zed', { ownerId: 'rep2', assignedAt: '2026-01-15T14:00:00Z' }),
    ]);
    await db.attempts.bulkPut([attempt('2026-01-15T14:00:00Z', { contactId: 'ben' }), attempt('2026-01-15T15:30:00Z', { contactId: 'cho' })]);
    await refreshBadge(db, fakeBrowser.action as never, monday);
    expect(await badge()).toEqual({ text: '2', color: rgba(BADGE_BREACHED_COLOR), title: '2 leads breached or overdue' });
  });

  it('amber when the worst is overdue, and it follows a logged attempt down to no badge', async () => {
    await db.contacts.put(lead('ben', { assignedAt: '2026-01-14T14:00:00Z' }));
    await db.attempts.put(attempt('2026-01-15T14:00:00Z', { contactId: 'ben', id: 'first' }));
    await refreshBadge(db, fakeBrowser.action as never, monday);
    expect(await badge()).toEqual({ text: '1', color: rgba(BADGE_OVERDUE_COLOR), title: '1 lead breached or overdue' });

    // Maya calls Ben now: the follow-up is done, nothing is late.
    await db.attempts.put(attempt('2026-01-19T15:00:00Z', { contactId: 'ben', id: 'second' }));
    await refreshBadge(db, fakeBrowser.action as never, monday);
    expect(await badge()).toMatchObject({ text: '', title: 'Open Leadside' });
  });

  it('is cleared when signed out', async () => {
    await db.contacts.put(lead('ana', { assignedAt: '2026-01-15T14:00:00Z' }));
    await refreshBadge(db, fakeBrowser.action as never, monday);
    expect((await badge()).text).toBe('1');
    await db.meta.delete('connection');
    await refreshBadge(db, fakeBrowser.action as never, monday);
    expect(await badge()).toMatchObject({ text: '', title: 'Open Leadside' });
  });
});
