import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { attributeSources, type AttributionContact } from '../../../lib/core/closed-loop';
import { withoutUndoneMoves } from '../../../lib/core/reports';
import type { Activity } from '../../../lib/core/model/activity';
import type { SourcesReport } from '../../../lib/core/model/closed-loop';
import type { ReportPeriod } from '../../../lib/core/model/reports';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { readSnapshot, type Db } from '../../store/db';
import { activities, contacts, content, stageChanges } from '../../store/schema';

const FUNNEL_STAGES: LifecycleStage[] = ['lead', 'mql', 'sql', 'opportunity', 'customer'];
const SALES_STAGES: LifecycleStage[] = ['sql', 'opportunity', 'customer'];

/**
 * Source attribution for the period (lib/core attributeSources decides who is in it and how far they got). Read in
 * one snapshot: the contacts with a move into the funnel in the period (everyone who can have become a lead then),
 * their whole stage history, the library (deleted and archived items too: what was read then keeps its title), and
 * the activity of those that reached `sql` (only their reading before the MQL is reported). Deleted contacts are left
 * out, as in the other reports.
 */
export async function sourcesReport(db: Db, workspaceId: string, period: ReportPeriod): Promise<SourcesReport> {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const { people, changes, reading, library } = await readSnapshot(db, async (tx) => {
    const candidates = tx
      .selectDistinct({ id: stageChanges.contactId })
      .from(stageChanges)
      .where(and(eq(stageChanges.workspaceId, workspaceId), inArray(stageChanges.toStage, FUNNEL_STAGES), gte(stageChanges.at, from), lt(stageChanges.at, to)));
    const people = await tx
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, source: contacts.source, leadType: contacts.leadType, stage: contacts.stage })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt), inArray(contacts.id, candidates)));
    const changes = await tx
      .select({ id: stageChanges.id, contactId: stageChanges.contactId, to: stageChanges.toStage, at: stageChanges.at, undoes: stageChanges.undoes })
      .from(stageChanges)
      // By contact alone here and below (the candidates are the workspace's): see server/domain/contacts/scoring-inputs.ts.
      .where(inArray(stageChanges.contactId, candidates));
    const sales = tx
      .selectDistinct({ id: stageChanges.contactId })
      .from(stageChanges)
      .where(and(inArray(stageChanges.toStage, SALES_STAGES), inArray(stageChanges.contactId, candidates)));
    const reading = await tx
      .select({ contactId: activities.contactId, type: activities.type, at: activities.at, url: activities.url, contentId: activities.contentId, trustLabel: activities.trustLabel, trustReason: activities.trustReason })
      .from(activities)
      .where(inArray(activities.contactId, sales));
    // Live items first, then archived, then deleted: a page that two items share is read as the one
    // the library still offers; then by last change and id, so the order never wobbles.
    const library = await tx
      .select({ id: content.id, url: content.url, title: content.title })
      .from(content)
      .where(eq(content.workspaceId, workspaceId))
      .orderBy(sql`${content.deletedAt} is not null`, asc(content.archived), asc(content.updatedAt), asc(content.id));
    return { people, changes, reading, library };
  });

  const changesOf = groupBy(withoutUndoneMoves(changes), (c) => c.contactId);
  const readingOf = groupBy(reading, (r) => r.contactId);
  const input: AttributionContact[] = people.map((p) => ({
    ...p,
    stage: p.stage as LifecycleStage,
    changes: (changesOf.get(p.id) ?? []).map((c) => ({ to: c.to as LifecycleStage, at: c.at })),
    activities: (readingOf.get(p.id) ?? []).map((r) => ({
      type: r.type as Activity['type'],
      at: r.at.toISOString(),
      url: r.url,
      contentId: r.contentId,
      trust: { label: r.trustLabel as Activity['trust']['label'], reason: r.trustReason },
    })),
  }));
  return { period, basis: 'cohort', ...attributeSources({ contacts: input, library, period: { from, to } }) };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
