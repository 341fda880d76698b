import { eq } from 'drizzle-orm';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { recordStageChange } from '../../server/domain/contacts/stage-history';
import { writeInWorkspace, type Db, type Tx } from '../../server/store/db';
import { activities, attempts, contacts, stageChanges, workspaces } from '../../server/store/schema';
import type { TestWorkspace } from './harness';

/**
 * A hand-built closed loop for the funnel and SLA reports (test/server/closed-loop-reports.test.ts works every figure
 * out from it by hand). Acme works Mon–Fri 09:00–17:00 in New York (EST, UTC−5, all before the 8 March change). The
 * standard cadence: first touch in 4 business hours, 5 attempts in 14 days; lead type `trial` has its own: 2 attempts
 * in 3 days. Times below are New York wall time, then UTC.
 */
export const NOW = '2026-03-06T20:00:00Z'; // Fri 6 Mar 15:00
/** Mon 23 Feb 00:00 up to Fri 6 Mar 12:00: 11.5 days, weeks of 23 Feb (7 days) and 2 Mar (4.5 days). */
export const FROM = '2026-02-23T05:00:00Z';
export const TO = '2026-03-06T17:00:00Z';

export const TRIAL_POLICY = {
  id: 'trial',
  name: 'Trial: 2 attempts in 3 days',
  leadTypes: ['trial'],
  isDefault: false,
  firstTouchBusinessHours: 4,
  attempts: 2,
  windowDays: 3,
  followUpBusinessHours: [8],
  stepChannels: [],
  dueSoonBusinessMinutes: 60,
  version: 0,
};

interface Lead {
  stage: LifecycleStage;
  at: string;
  owner: 'rep' | 'rep2' | null;
  source: string | null;
  leadType: string | null;
}

export async function buildClosedLoop(db: Db, ws: TestWorkspace): Promise<void> {
  const ownerId = (who: Lead['owner']) => (who === null ? null : ws.users[who]!.id);
  await writeInWorkspace(db, ws.id, async (tx) => {
    const [row] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws.id));
    const settings = row!.settings as WorkspaceSettings;
    await tx.update(workspaces).set({ settings: { ...settings, policies: [...settings.policies, TRIAL_POLICY] } }).where(eq(workspaces.id, ws.id));

    const lead = (id: string, l: Lead) =>
      insertContact(
        tx,
        ws.id,
        { id, email: `${id}@buyer.example`, name: id, stage: l.stage, ownerId: ownerId(l.owner), source: l.source, leadType: l.leadType },
        new Date(l.at),
        { kind: 'system' },
      );
    const move = (id: string, from: LifecycleStage, to: LifecycleStage, at: string, reason: string | null = null) => moveStage(tx, ws, id, from, to, at, reason);
    let n = 0;
    const attempt = (contactId: string, who: 'rep' | 'rep2', at: string) =>
      tx.insert(attempts).values({ id: `at${++n}`, workspaceId: ws.id, contactId, userId: ws.users[who]!.id, channel: 'call', outcome: 'no_answer', at: new Date(at) });

    // jay: a form fill at Mon 23 Feb 00:00, exactly `from`. First touch Mon 12:30 (210 business minutes: within).
    // Next due Wed 25 12:30: overdue now.
    await lead('jay', { stage: 'lead', at: FROM, owner: 'rep2', source: 'website', leadType: 'content_download' });
    await attempt('jay', 'rep2', '2026-02-23T17:30:00Z');

    // dana: lead Mon 23 09:00, MQL 10:00, touched 11:00 (120: within) and Tue 09:30, accepted Tue 10:00, opportunity
    // Wed 12:00 (the cadence exits: 2 attempts before it), called again Thu 26 10:00, won Thu 5 Mar 11:00.
    await lead('dana', { stage: 'lead', at: '2026-02-23T14:00:00Z', owner: 'rep', source: 'website', leadType: 'demo_request' });
    await move('dana', 'lead', 'mql', '2026-02-23T15:00:00Z');
    await attempt('dana', 'rep', '2026-02-23T16:00:00Z');
    await attempt('dana', 'rep', '2026-02-24T14:30:00Z');
    await move('dana', 'mql', 'sql', '2026-02-24T15:00:00Z');
    await move('dana', 'sql', 'opportunity', '2026-02-25T17:00:00Z');
    await attempt('dana', 'rep', '2026-02-26T15:00:00Z');
    await move('dana', 'opportunity', 'customer', '2026-03-05T16:00:00Z');

    // quinn: a known visitor (Mon 23 12:00) who became a lead Tue 24 09:00; nobody owns it.
    await lead('quinn', { stage: 'visitor', at: '2026-02-23T17:00:00Z', owner: null, source: 'website', leadType: null });
    await move('quinn', 'visitor', 'lead', '2026-02-24T14:00:00Z');

    // eli: created as an MQL Tue 24 16:00 (skips lead), touched Wed 11:00 (Tue 16–17 + Wed 9–11 = 180: within),
    // recycled Thu 26 10:00 "Not the buyer.".
    await lead('eli', { stage: 'mql', at: '2026-02-24T21:00:00Z', owner: 'rep2', source: 'event', leadType: 'event' });
    await attempt('eli', 'rep2', '2026-02-25T16:00:00Z');
    await move('eli', 'mql', 'recycled', '2026-02-26T15:00:00Z', 'Not the buyer.');

    // fay: lead Wed 25 09:00, MQL 10:00, first touch Thu 26 14:00 (480 + 300 = 780: missed), disqualified Fri 27 11:00.
    await lead('fay', { stage: 'lead', at: '2026-02-25T14:00:00Z', owner: 'rep', source: 'website', leadType: 'content_download' });
    await move('fay', 'lead', 'mql', '2026-02-25T15:00:00Z');
    await attempt('fay', 'rep', '2026-02-26T19:00:00Z');
    await move('fay', 'mql', 'disqualified', '2026-02-27T16:00:00Z', 'Student');

    // gus: lead Thu 26 13:00, touched 14:00 (60: within), MQL Fri 27 09:00, all 5 attempts made: complete, not reviewed.
    await lead('gus', { stage: 'lead', at: '2026-02-26T18:00:00Z', owner: 'rep2', source: 'partner', leadType: 'referral' });
    await attempt('gus', 'rep2', '2026-02-26T19:00:00Z');
    await move('gus', 'lead', 'mql', '2026-02-27T14:00:00Z');
    for (const at of ['2026-02-27T15:00:00Z', '2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-04T15:00:00Z']) await attempt('gus', 'rep2', at);

    // hal: lead Fri 27 16:00, never touched: the deadline Mon 2 Mar 12:00 passed; breached now.
    await lead('hal', { stage: 'lead', at: '2026-02-27T21:00:00Z', owner: 'rep', source: 'website', leadType: 'demo_request' });

    // ivy: created as an MQL Mon 2 Mar 09:00, touched 15:00 (360: missed), replied Tue 11:00 (the cadence exits with
    // 1 attempt), called Wed 10:00 after it.
    await lead('ivy', { stage: 'mql', at: '2026-03-02T14:00:00Z', owner: 'rep', source: 'event', leadType: 'event' });
    await attempt('ivy', 'rep', '2026-03-02T20:00:00Z');
    await tx.insert(activities).values({ id: 'ivy_reply', workspaceId: ws.id, contactId: 'ivy', type: 'email_reply', at: new Date('2026-03-03T16:00:00Z'), trustLabel: 'human', trustReason: 'a reply' });
    await attempt('ivy', 'rep', '2026-03-04T15:00:00Z');

    // rae: a trial lead Mon 2 Mar 09:00 (the same instant as ivy), touched 10:00 (60: within); its 3-day window closed
    // Thu 5 with 1 of 2 attempts: breached, cadence not completed.
    await lead('rae', { stage: 'lead', at: '2026-03-02T14:00:00Z', owner: 'rep2', source: 'website', leadType: 'trial' });
    await attempt('rae', 'rep2', '2026-03-02T15:00:00Z');

    // kim: lead Tue 3 Mar 09:00, MQL 09:30, touched 09:45 (45: within), recycled Wed 10:00 "not the  buyer".
    await lead('kim', { stage: 'lead', at: '2026-03-03T14:00:00Z', owner: 'rep2', source: 'website', leadType: 'demo_request' });
    await move('kim', 'lead', 'mql', '2026-03-03T14:30:00Z');
    await attempt('kim', 'rep2', '2026-03-03T14:45:00Z');
    await move('kim', 'mql', 'recycled', '2026-03-04T15:00:00Z', 'not the  buyer');

    // lia: a lead since Tue 10 Feb (assigned then, touched once, window closed: breached), MQL Wed 4 Mar 09:00.
    await lead('lia', { stage: 'lead', at: '2026-02-10T15:00:00Z', owner: 'rep', source: 'website', leadType: 'content_download' });
    await attempt('lia', 'rep', '2026-02-10T16:00:00Z');
    await move('lia', 'lead', 'mql', '2026-03-04T14:00:00Z');

    // max: no source or lead type recorded; lead Thu 5 Mar 10:00, touched 10:30 (30: within); on track.
    await lead('max', { stage: 'lead', at: '2026-03-05T15:00:00Z', owner: 'rep', source: null, leadType: null });
    await attempt('max', 'rep', '2026-03-05T15:30:00Z');

    // ned: lead Fri 6 Mar 11:00; its deadline is 15:00, now: still first touch due, not judged.
    await lead('ned', { stage: 'lead', at: '2026-03-06T16:00:00Z', owner: 'rep2', source: 'event', leadType: 'event' });

    // ora: created as an MQL at Fri 6 Mar 12:00, exactly `to`: outside the period, open (first touch due).
    await lead('ora', { stage: 'mql', at: TO, owner: 'rep', source: 'website', leadType: 'demo_request' });

    // pam: an SQL since 1 Feb whose entry is reconstructed; opportunity Tue 24 Feb 10:00, won Thu 5 Mar 14:00, the win
    // corrected by a manager Fri 6 Mar 09:00.
    await lead('pam', { stage: 'sql', at: '2026-02-01T15:00:00Z', owner: 'rep2', source: 'partner', leadType: 'referral' });
    await tx.update(stageChanges).set({ reconstructed: true }).where(eq(stageChanges.contactId, 'pam'));
    await move('pam', 'sql', 'opportunity', '2026-02-24T15:00:00Z');
    await move('pam', 'opportunity', 'customer', '2026-03-05T19:00:00Z');
    await move('pam', 'customer', 'opportunity', '2026-03-06T14:00:00Z');
  });
}

async function moveStage(tx: Tx, ws: TestWorkspace, contactId: string, from: LifecycleStage, to: LifecycleStage, at: string, reason: string | null): Promise<void> {
  await tx.update(contacts).set({ stage: to, stageReason: reason, updatedAt: new Date(at) }).where(eq(contacts.id, contactId));
  await recordStageChange(tx, { workspaceId: ws.id, contactId, from, to, at: new Date(at), by: { kind: 'user', userId: ws.users.rep!.id }, reason });
}
