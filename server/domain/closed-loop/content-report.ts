import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { contentPerformance, type ContentAudience } from '../../../lib/core/closed-loop';
import type { Activity } from '../../../lib/core/model/activity';
import type { ContentReport } from '../../../lib/core/model/closed-loop';
import type { ContentItem } from '../../../lib/core/model/content';
import type { ReportPeriod } from '../../../lib/core/model/reports';
import { attributionOf, type WorkspaceSettings } from '../../../lib/core/model/settings';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { groupByContact } from '../../../lib/core/lead/by-contact';
import { DAY_MS } from '../../../lib/core/time-units';
import { readSnapshot, type Db } from '../../store/db';
import { activities, attempts, contacts, content, stageChanges } from '../../store/schema';

const READING_TYPES: Activity['type'][] = ['page_view', 'content_download', 'email_click'];

/**
 * Content performance for the period (lib/core contentPerformance decides what counts). Read in one snapshot: the
 * library (not deleted), the attempts of the period that named an item, the wins of the period, the reading activity
 * of the period and, for the customers won in it, back to the assist window before it (they may have read before the
 * period), then the people behind any of these (deleted contacts left out, as in the other reports) with their history.
 */
export async function contentReport(db: Db, workspaceId: string, settings: WorkspaceSettings, period: ReportPeriod): Promise<ContentReport> {
  const assistWindowDays = attributionOf(settings).assistWindowDays;
  const from = new Date(period.from);
  const to = new Date(period.to);
  const readingSince = new Date(from.getTime() - assistWindowDays * DAY_MS);

  const { library, sends, reading, people, history } = await readSnapshot(db, async (tx) => {
    const library = await tx
      .select({ id: content.id, title: content.title, url: content.url, kind: content.kind, journeyStage: content.journeyStage, archived: content.archived, assists: content.assists })
      .from(content)
      .where(and(eq(content.workspaceId, workspaceId), isNull(content.deletedAt)));
    const sends = await tx
      .select({ contactId: attempts.contactId, at: attempts.at, contentIds: attempts.contentIds })
      .from(attempts)
      .where(and(eq(attempts.workspaceId, workspaceId), isNull(attempts.undoneAt), gte(attempts.at, from), lt(attempts.at, to), sql`jsonb_array_length(${attempts.contentIds}) > 0`));
    const wonInPeriod = tx
      .selectDistinct({ contactId: stageChanges.contactId })
      .from(stageChanges)
      .where(
        and(
          eq(stageChanges.workspaceId, workspaceId),
          eq(stageChanges.toStage, 'customer'),
          gte(stageChanges.at, from),
          lt(stageChanges.at, to),
          // A win put back with Undo was no win (server/domain/reports/history.ts leaves it out the same way).
          sql`not exists (select 1 from stage_changes undo where undo.undoes = ${stageChanges.id})`,
        ),
      );
    const wins = await wonInPeriod;
    // Reading in the period, and before it (back to the assist window) only for the customers won in it.
    const reading = await tx
      .select({ contactId: activities.contactId, type: activities.type, at: activities.at, url: activities.url, contentId: activities.contentId, trustLabel: activities.trustLabel, trustReason: activities.trustReason })
      .from(activities)
      .where(
        and(
          eq(activities.workspaceId, workspaceId),
          inArray(activities.type, READING_TYPES),
          or(isNotNull(activities.contentId), isNotNull(activities.url)),
          lt(activities.at, to),
          or(gte(activities.at, from), and(gte(activities.at, readingSince), inArray(activities.contactId, wonInPeriod))),
        ),
      );
    const ids = [...new Set([...sends, ...reading, ...wins].map((r) => r.contactId))];
    if (ids.length === 0) return { library, sends, reading, people: [], history: [] };
    const people = await tx
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, stage: contacts.stage })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt), inArray(contacts.id, ids)));
    const history = await tx
      .select({ contactId: stageChanges.contactId, from: stageChanges.fromStage, to: stageChanges.toStage, at: stageChanges.at })
      .from(stageChanges)
      // By contact alone (the ids are the workspace's): see server/domain/contacts/scoring-inputs.ts.
      .where(inArray(stageChanges.contactId, ids));
    return { library, sends, reading, people, history };
  });

  const sendsOf = groupByContact(sends);
  const readingOf = groupByContact(reading);
  const historyOf = groupByContact(history);
  const audience: ContentAudience[] = people.map((p) => ({
    ...p,
    stage: p.stage as LifecycleStage,
    history: (historyOf.get(p.id) ?? []).map((h) => ({ from: h.from as LifecycleStage | null, to: h.to as LifecycleStage, at: h.at.toISOString() })),
    activities: (readingOf.get(p.id) ?? []).map((r) => ({
      type: r.type as Activity['type'],
      at: r.at.toISOString(),
      url: r.url,
      contentId: r.contentId,
      trust: { label: r.trustLabel as Activity['trust']['label'], reason: r.trustReason },
    })),
    sends: (sendsOf.get(p.id) ?? []).map((s) => ({ at: s.at.toISOString(), contentIds: s.contentIds })),
  }));
  const items = contentPerformance({
    library: library.map((item) => ({ ...item, kind: item.kind as ContentItem['kind'], journeyStage: item.journeyStage as ContentItem['journeyStage'] })),
    people: audience,
    period: { from: from.getTime(), to: to.getTime() },
    assistWindowDays,
  });
  return { period, assistWindowDays, items };
}

