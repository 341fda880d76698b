import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { digestIsEmpty, digestQueue, morningDigestDay } from '../../../lib/core/alerts/morning-digest';
import { CADENCE_EXIT_ACTIVITY_TYPES, cadenceState } from '../../../lib/core/cadence';
import { groupByContact } from '../../../lib/core/lead';
import { policyForLeadType } from '../../../lib/core/model/policy';
import { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Db } from '../../store/db';
import { toActivity, toAttempt, toContact } from '../../store/rows';
import { activities, attempts, contacts, users, workspaces } from '../../store/schema';
import { digestEmail, type DigestContact } from './email';
import { enqueue, isQueued, type OutboxEntry } from './outbox';
import { alertSecretsOf } from './secrets';
import { signUnsubscribe, unsubscribeUrl } from './unsubscribe';

/**
 * Plans the morning digests due at `now`: for each person with `morningDigest` whose working day (the workspace
 * calendar) has begun, one email with their queue, queued under "digest:<user>:<date>". The key is unique, so a day
 * is done once whatever restarts or processes come; a day with nothing to say is recorded as done and sends nothing.
 * Answers how many digests it queued.
 */
export async function planMorningDigests(db: Db, publicUrl: string, now: Date): Promise<number> {
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name, workspaceId: users.workspaceId, settings: workspaces.settings })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.disabled, false), sql`(${users.alertPreferences} ->> 'morningDigest') = 'true'`));
  let queued = 0;
  for (const person of people) {
    // Read through the schema: settings stored before a field was added get its default.
    const parsed = WorkspaceSettings.safeParse(person.settings);
    const settings = parsed.success ? parsed.data : person.settings;
    const day = morningDigestDay(settings.calendar, now);
    if (day === null) continue;
    const key = `digest:${person.id}:${day.day}`;
    if (await isQueued(db, person.workspaceId, key)) continue;
    const queue = digestQueue(await leadsOf(db, person.workspaceId, person.id, settings, now), settings.calendar, now);
    let entry: OutboxEntry;
    if (digestIsEmpty(queue)) {
      entry = { workspaceId: person.workspaceId, key, payload: { kind: 'nothing', reason: 'nothing breached, overdue or due today' } };
    } else {
      const secrets = await alertSecretsOf(db, person.workspaceId, now);
      const token = signUnsubscribe(secrets.unsubscribeKey, { workspaceId: person.workspaceId, userId: person.id, rule: 'morning_digest' });
      entry = {
        workspaceId: person.workspaceId,
        key,
        payload: digestEmail(person, queue, publicUrl, settings.calendar.timeZone, unsubscribeUrl(publicUrl, token)),
      };
    }
    if ((await enqueue(db, [entry], now)) > 0 && entry.payload.kind === 'email') queued++;
  }
  return queued;
}

/** The person's own leads with their cadence at `now`, computed by lib/core as the panel computes it. */
async function leadsOf(db: Db, workspaceId: string, userId: string, settings: WorkspaceSettings, now: Date) {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.ownerId, userId), isNull(contacts.deletedAt)));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attemptsBy = groupByContact((await db.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), inArray(attempts.contactId, ids)))).map(toAttempt));
  const activitiesBy = groupByContact(
    (await db.select().from(activities).where(and(inArray(activities.contactId, ids), inArray(activities.type, [...CADENCE_EXIT_ACTIVITY_TYPES])))).map(toActivity),
  );
  return rows.map((row) => {
    const contact = toContact(row);
    const digestContact: DigestContact = { id: contact.id, email: contact.email, name: contact.name, company: contact.company };
    const cadence =
      row.assignedAt === null
        ? null
        : cadenceState({
            contact,
            policy: policyForLeadType(settings.policies, contact.leadType),
            calendar: settings.calendar,
            attempts: attemptsBy.get(contact.id) ?? [],
            activities: activitiesBy.get(contact.id) ?? [],
            now,
          });
    return { contact: digestContact, cadence };
  });
}
