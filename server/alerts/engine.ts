import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';
import {
  activityAlerts,
  DIGEST_SPAN_MS,
  digestWords,
  heldAlertOutcome,
  paceForPerson,
  recipientHears,
  slaAlerts,
  whoOf,
  type AlertDecision,
  type AlertLead,
  type PriorAlert,
} from '../../lib/core/alerts';
import { cadenceState } from '../../lib/core/cadence';
import { groupByContact } from '../../lib/core/lead/by-contact';
import { exitActivitiesOf } from '../domain/contacts/cadence';
import type { Activity } from '../../lib/core/model/activity';
import { AlertPreferences, AlertSettings, type Alert } from '../../lib/core/model/alerts';
import { policyForLeadType } from '../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { isPersonActivity } from '../../lib/core/trust';
import { MINUTE_MS, DAY_MS } from '../../lib/core/time-units';
import { newId } from '../auth/tokens';
import type { Logger } from '../http/logger';
import { writeInWorkspace, type Db, type Tx } from '../store/db';
import { toAlert, toAttempt, toContact, type AlertRow } from '../store/rows';
import { activities, alerts, attempts, contacts, users, workspaces } from '../store/schema';
import type { ActivityBus, ActivityNotice } from '../tracking/bus';
import type { AlertBus } from './bus';
import type { AlertChannels, DeliveredAlert } from './channels';
import { slaBreachOf } from '../../lib/core/webhooks';
import { hearsSlaBreaches, slaBreachedWebhookEvent } from '../webhooks/events';

/** The minute timer: SLA due-soon and breached, and held alerts whose working moment came. */
export const ALERT_TICK_MS = MINUTE_MS;
const ON_SITE_TYPES = ['page_view', 'content_download', 'form_submit'] as const;
const PERSON_LABELS = ['human', 'proxy'] as const;
const SLA_RULES = ['sla_due_soon', 'sla_breached'] as const;

export interface AlertEngineDeps {
  db: Db;
  log: Logger;
  now: () => Date;
  activityBus: ActivityBus;
  alertBus: AlertBus;
  channels: AlertChannels;
}

export interface AlertEngine {
  /** The minute's work, now (the timer runs the same): SLA alerts and held alerts that came due, in every workspace. */
  tick(): Promise<void>;
  /** Resolves once everything queued so far is done: tests wait on it, never on time. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Decides, stores and delivers alerts (docs/vocabulary.md § Alerts): after each ingest commits (the activity bus, so
 * never inside or in the way of /v1/collect) and each minute. Work runs one piece at a time in this process; several
 * processes on one PostgreSQL each do the same work, and the alerts table's unique window key and the workspace lock
 * make the result exactly one alert, delivered once.
 */
export function startAlertEngine(deps: AlertEngineDeps, options: { everyMs?: number } = {}): AlertEngine {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const enqueue = (what: string, work: () => Promise<unknown>): Promise<void> => {
    const next = chain.then(work).then(
      () => undefined,
      (err: unknown) => deps.log.error(`alerts: ${what} failed`, { err: String(err) }),
    );
    chain = next;
    return next;
  };
  const unsubscribe = deps.activityBus.subscribe((notice) => {
    if (closed || !notice.activities.some(isPersonActivity)) return;
    void enqueue('deciding from activity', async () => {
      await decideFromActivity(deps, notice);
      await deliverDue(deps, notice.workspaceId);
    });
  });
  const tick = () =>
    enqueue('the minute check', async () => {
      const rows = await deps.db.select({ id: workspaces.id }).from(workspaces);
      for (const { id } of rows) {
        if (closed) return;
        await decideFromCadence(deps, id);
        await deliverDue(deps, id);
      }
    });
  const timer = setInterval(() => void tick(), options.everyMs ?? ALERT_TICK_MS);
  timer.unref();
  return {
    tick,
    settled: () => enqueue('waiting', async () => {}),
    close: async () => {
      closed = true;
      clearInterval(timer);
      unsubscribe();
      await chain;
    },
  };
}

/** Settings stored before alerts (or unreadable by this version) mean the defaults. */
function alertSettingsOf(settings: WorkspaceSettings): AlertSettings {
  const parsed = AlertSettings.safeParse((settings as Partial<WorkspaceSettings>).alerts ?? {});
  return parsed.success ? parsed.data : AlertSettings.parse({});
}

async function workspaceSettings(tx: Tx, workspaceId: string): Promise<WorkspaceSettings | null> {
  const [row] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.settings ?? null;
}

/** The preferences of the recipients who can receive alerts (disabled people hear nothing). */
async function recipientPreferences(tx: Tx, workspaceId: string, userIds: readonly string[]): Promise<Map<string, AlertPreferences>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, stored: users.alertPreferences })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(userIds)]), eq(users.disabled, false)));
  return new Map(
    rows.map((r) => {
      const parsed = AlertPreferences.safeParse(r.stored ?? {});
      return [r.id, parsed.success ? parsed.data : AlertPreferences.parse({})];
    }),
  );
}

async function leadsOf(tx: Tx, workspaceId: string, contactIds: readonly string[]): Promise<Map<string, AlertLead>> {
  if (contactIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: contacts.id, ownerId: contacts.ownerId, name: contacts.name, email: contacts.email, company: contacts.company })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, [...new Set(contactIds)]), isNull(contacts.deletedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The windows already opened for (recipient, lead), from `from` on. */
async function priorAlerts(tx: Tx, workspaceId: string, userId: string, contactId: string, from: Date, to: Date): Promise<PriorAlert[]> {
  const rows = await tx
    .select({ rule: alerts.rule, windowStart: alerts.windowStart })
    .from(alerts)
    .where(
      and(
        eq(alerts.workspaceId, workspaceId),
        eq(alerts.userId, userId),
        eq(alerts.contactId, contactId),
        isNull(alerts.digestOf),
        gte(alerts.windowStart, from),
        lte(alerts.windowStart, to),
      ),
    );
  return rows.map((r) => ({ rule: r.rule as PriorAlert['rule'], windowStart: r.windowStart.toISOString() }));
}

/** Stores decisions; one that another process (or an earlier run) already stored is skipped by the window key. */
async function store(tx: Tx, workspaceId: string, decisions: readonly AlertDecision[], now: Date): Promise<void> {
  if (decisions.length === 0) return;
  await tx
    .insert(alerts)
    .values(
      decisions.map((d) => ({
        id: newId('al'),
        workspaceId,
        userId: d.userId,
        contactId: d.contactId,
        rule: d.rule,
        at: new Date(d.at),
        deliverAt: new Date(d.deliverAt),
        windowStart: new Date(d.windowStart),
        title: d.title,
        body: d.body,
        state: 'held' as const,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** The activity rules, for the leads that just had activity; the owner now is the recipient. */
async function decideFromActivity(deps: AlertEngineDeps, notice: ActivityNotice): Promise<void> {
  const now = deps.now();
  const byContact = new Map<string, Activity[]>();
  for (const a of notice.activities) byContact.set(a.contactId, [...(byContact.get(a.contactId) ?? []), a]);
  await writeInWorkspace(deps.db, notice.workspaceId, async (tx) => {
    const settings = await workspaceSettings(tx, notice.workspaceId);
    if (!settings) return;
    const alertSettings = alertSettingsOf(settings);
    const leads = await leadsOf(tx, notice.workspaceId, [...byContact.keys()]);
    const preferences = await recipientPreferences(tx, notice.workspaceId, [...leads.values()].flatMap((l) => (l.ownerId ? [l.ownerId] : [])));
    const span = alertSettings.dedupeMinutes * MINUTE_MS;
    for (const [contactId, recorded] of byContact) {
      const lead = leads.get(contactId);
      if (!lead || lead.ownerId === null) continue;
      const times = recorded.map((a) => Date.parse(a.at));
      const earliest = new Date(Math.min(...times));
      const [previous] = await tx
        .select({ at: max(activities.at) })
        .from(activities)
        .where(
          and(
            eq(activities.contactId, contactId),
            inArray(activities.type, [...ON_SITE_TYPES]),
            inArray(activities.trustLabel, [...PERSON_LABELS]),
            lt(activities.at, earliest),
          ),
        );
      const prior = await priorAlerts(tx, notice.workspaceId, lead.ownerId, contactId, new Date(earliest.getTime() - span), new Date(Math.max(...times) + span));
      const decisions = activityAlerts({
        lead,
        activities: recorded,
        previousOnSiteAt: previous?.at ? previous.at.toISOString() : null,
        settings: alertSettings,
        preferences: preferences.get(lead.ownerId) ?? null,
        prior,
        calendar: settings.calendar,
        now,
      });
      await store(tx, notice.workspaceId, decisions, now);
    }
  });
}

/** The SLA rules, for every owned lead with something due. */
async function decideFromCadence(deps: AlertEngineDeps, workspaceId: string): Promise<void> {
  const now = deps.now();
  await writeInWorkspace(deps.db, workspaceId, async (tx) => {
    const settings = await workspaceSettings(tx, workspaceId);
    if (!settings) return;
    const alertSettings = alertSettingsOf(settings);
    const alerting = SLA_RULES.some((r) => alertSettings.enabled.includes(r));
    // Webhooks hear breaches whatever the alert settings say; the same cadence decides both.
    const hooked = await hearsSlaBreaches(tx, workspaceId);
    if (!alerting && !hooked) return;
    const ownedLeads = and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt), sql`${contacts.ownerId} is not null`, sql`${contacts.assignedAt} is not null`);
    const owned = (await tx.select().from(contacts).where(ownedLeads)).map(toContact);
    if (owned.length === 0) return;
    // Joined on the same filter rather than passing ids (a workspace's leads can outnumber a query's parameters), and
    // grouped by contact once: searching every row for each lead took minutes at 20,000 leads, holding the lock.
    const attemptsOf = groupByContact(
      (await tx.select({ attempt: attempts }).from(attempts).innerJoin(contacts, eq(contacts.id, attempts.contactId)).where(and(eq(attempts.workspaceId, workspaceId), ownedLeads))).map((r) =>
        toAttempt(r.attempt),
      ),
    );
    const exitsOf = groupByContact(await exitActivitiesOf(tx, workspaceId, ownedLeads));
    const priorOf = groupByContact(
      await tx
        .select({ userId: alerts.userId, contactId: alerts.contactId, rule: alerts.rule, windowStart: alerts.windowStart })
        .from(alerts)
        .where(and(eq(alerts.workspaceId, workspaceId), inArray(alerts.rule, [...SLA_RULES]), gt(alerts.windowStart, new Date(now.getTime() - 2 * DAY_MS)))),
    );
    const preferences = await recipientPreferences(tx, workspaceId, owned.map((c) => c.ownerId!));
    const decisions: AlertDecision[] = [];
    for (const contact of owned) {
      const cadence = cadenceState({
        contact,
        policy: policyForLeadType(settings.policies, contact.leadType),
        calendar: settings.calendar,
        attempts: attemptsOf.get(contact.id) ?? [],
        activities: exitsOf.get(contact.id) ?? [],
        now,
      });
      const breach = hooked ? slaBreachOf(cadence, now) : null;
      if (breach) await slaBreachedWebhookEvent(tx, workspaceId, contact.id, breach, now);
      if (!alerting) continue;
      const prior = (priorOf.get(contact.id) ?? [])
        .filter((p) => p.userId === contact.ownerId)
        .map((p) => ({ rule: p.rule as PriorAlert['rule'], windowStart: p.windowStart.toISOString() }));
      decisions.push(
        ...slaAlerts({ lead: contact, cadence, settings: alertSettings, preferences: preferences.get(contact.ownerId!) ?? null, prior, calendar: settings.calendar, now }),
      );
    }
    await store(tx, workspaceId, decisions, now);
  });
}

/**
 * Delivers the workspace's held alerts whose time came: each is checked against what is true now (dropped when it no
 * longer holds, readdressed to the lead's owner now), paced per person (a digest past the per-minute limit), marked
 * delivered (which gives it the version sync pages follow), announced to the streams, and handed to the channels, once.
 */
async function deliverDue(deps: AlertEngineDeps, workspaceId: string): Promise<void> {
  const now = deps.now();
  const delivered = await writeInWorkspace(deps.db, workspaceId, async (tx): Promise<AlertRow[]> => {
    const due = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.workspaceId, workspaceId), eq(alerts.state, 'held'), lte(alerts.deliverAt, now)))
      .orderBy(asc(alerts.deliverAt), asc(alerts.version));
    if (due.length === 0) return [];
    const settings = await workspaceSettings(tx, workspaceId);
    if (!settings) return [];
    const alertSettings = alertSettingsOf(settings);
    const contactIds = [...new Set(due.map((a) => a.contactId))];
    const leads = await leadsOf(tx, workspaceId, contactIds);
    const lastOnSite = new Map(
      (
        await tx
          .select({ contactId: activities.contactId, at: max(activities.at) })
          .from(activities)
          .where(and(inArray(activities.contactId, contactIds), inArray(activities.type, [...ON_SITE_TYPES]), inArray(activities.trustLabel, [...PERSON_LABELS])))
          .groupBy(activities.contactId)
      ).map((r) => [r.contactId, r.at]),
    );
    const lastAttempt = new Map(
      (
        await tx
          .select({ contactId: attempts.contactId, at: max(attempts.at) })
          .from(attempts)
          .where(and(eq(attempts.workspaceId, workspaceId), inArray(attempts.contactId, contactIds), isNull(attempts.undoneAt)))
          .groupBy(attempts.contactId)
      ).map((r) => [r.contactId, r.at]),
    );
    const newOwners = [...leads.values()].flatMap((l) => (l.ownerId ? [l.ownerId] : []));
    const preferences = await recipientPreferences(tx, workspaceId, newOwners);

    const deliverable: AlertRow[] = [];
    const drop = (ids: string[]) => (ids.length ? tx.update(alerts).set({ state: 'dropped' }).where(inArray(alerts.id, ids)) : Promise.resolve());
    const dropped: string[] = [];
    for (const row of due) {
      const lead = leads.get(row.contactId);
      const outcome = heldAlertOutcome({
        rule: row.rule as Alert['rule'],
        userId: row.userId,
        at: row.at.toISOString(),
        lead: { ownerId: lead?.ownerId ?? null, deleted: !lead },
        lastOnSiteAt: lastOnSite.get(row.contactId)?.toISOString() ?? null,
        lastAttemptAt: lastAttempt.get(row.contactId)?.toISOString() ?? null,
        now,
      });
      if (outcome.kind === 'drop') dropped.push(row.id);
      else if (outcome.kind === 'deliver') {
        // Muted (or turned off) while it was held: the person's latest choice wins.
        if (recipientHears(alertSettings, preferences.get(row.userId) ?? null, row.rule as Alert['rule'], row.contactId) && preferences.has(row.userId)) deliverable.push(row);
        else dropped.push(row.id);
      } else {
        // The lead changed hands: its new owner hears it (if they would), under their own window key.
        dropped.push(row.id);
        if (!recipientHears(alertSettings, preferences.get(outcome.userId) ?? null, row.rule as Alert['rule'], row.contactId) || !preferences.has(outcome.userId)) continue;
        const [moved] = await tx
          .insert(alerts)
          .values({ ...row, id: newId('al'), userId: outcome.userId, version: 0, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (moved) deliverable.push(moved);
      }
    }
    await drop(dropped);

    const out: AlertRow[] = [];
    const byUser = new Map<string, AlertRow[]>();
    for (const row of deliverable) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    for (const [userId, rows] of byUser) {
      const [recent] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(alerts)
        .where(and(eq(alerts.userId, userId), eq(alerts.state, 'delivered'), gt(alerts.deliveredAt, new Date(now.getTime() - DIGEST_SPAN_MS))));
      const paced = paceForPerson(rows, recent?.n ?? 0, alertSettings.digestAbove);
      if (paced.singles.length > 0) {
        out.push(
          ...(await tx
            .update(alerts)
            .set({ state: 'delivered', deliveredAt: now })
            .where(inArray(alerts.id, paced.singles.map((r) => r.id)))
            .returning()),
        );
      }
      if (paced.digest) {
        const parts = paced.digest;
        await tx
          .update(alerts)
          .set({ state: 'digested', deliveredAt: now })
          .where(inArray(alerts.id, parts.map((r) => r.id)));
        const words = digestWords(parts.map((p) => ({ contactId: p.contactId, title: p.title, who: whoOf(leads.get(p.contactId) ?? { name: 'a lead', email: '', company: null }) })));
        const first = parts[0]!;
        const [digest] = await tx
          .insert(alerts)
          .values({
            id: newId('al'),
            workspaceId,
            userId,
            contactId: first.contactId,
            rule: first.rule,
            at: first.at,
            deliverAt: parts.reduce((latest, p) => (p.deliverAt > latest ? p.deliverAt : latest), first.deliverAt),
            windowStart: first.windowStart,
            title: words.title,
            body: words.body,
            digestOf: { count: parts.length, contactIds: words.contactIds },
            state: 'delivered',
            deliveredAt: now,
            createdAt: now,
          })
          .returning();
        if (digest) out.push(digest);
      }
    }
    await deps.alertBus.inTransaction(
      tx,
      workspaceId,
      out.map((r) => r.id),
    );
    return out;
  });
  if (delivered.length === 0) return;
  deps.alertBus.committed({ workspaceId, alerts: delivered.map(toAlert) });
  await handToChannels(deps, workspaceId, delivered);
}

/** Email and chat: each alert handed over once, after the delivering transaction committed. */
async function handToChannels(deps: AlertEngineDeps, workspaceId: string, delivered: readonly AlertRow[]): Promise<void> {
  const people = new Map(
    (
      await deps.db
        .select({ id: users.id, email: users.email, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(delivered.map((a) => a.userId))])))
    ).map((u) => [u.id, u]),
  );
  const leads = new Map(
    (
      await deps.db
        .select({ id: contacts.id, email: contacts.email, name: contacts.name, company: contacts.company })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, [...new Set(delivered.map((a) => a.contactId))])))
    ).map((c) => [c.id, c]),
  );
  const batch: DeliveredAlert[] = delivered.flatMap((row) => {
    const recipient = people.get(row.userId);
    const contact = leads.get(row.contactId);
    return recipient && contact ? [{ workspaceId, alert: toAlert(row), recipient, contact }] : [];
  });
  try {
    await deps.channels.delivered(batch);
  } catch (err) {
    // The browser has it already (stream and sync); a channel that failed to queue is logged, never retried twice here.
    deps.log.error('alert channels failed to take alerts', { err: String(err), alerts: batch.length });
  }
}
