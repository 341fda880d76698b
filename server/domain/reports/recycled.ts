import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { RecycledItem, RecycledQuery, RecycledReport, ReportPeriod } from '../../../lib/core/model/reports';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { recycledMoves } from '../../../lib/core/reports';
import { readSnapshot, type Db } from '../../store/db';
import { contacts, stageChanges, users } from '../../store/schema';
import { decodePagePosition, newestFirst, pageOfRows } from '../page-cursor';
import { toHistoryEntries } from './history';

const KIND = 'sc';
const OUT_OF_FUNNEL: LifecycleStage[] = ['recycled', 'disqualified'];

/**
 * Leads handed back to marketing (or disqualified) in the period: lib/core recycledMoves decides which moves and
 * whether each contact came back; this reads, in one snapshot, the whole history of the contacts with such a move in
 * the period (deleted contacts left out, as in the other reports), their profile and the names of who moved them.
 */
export async function recycledReport(db: Db, workspaceId: string, period: ReportPeriod, query: RecycledQuery): Promise<RecycledReport> {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const { history, people, names } = await readSnapshot(db, async (tx) => {
    const moved = tx
      .selectDistinct({ id: stageChanges.contactId })
      .from(stageChanges)
      .where(and(eq(stageChanges.workspaceId, workspaceId), inArray(stageChanges.toStage, OUT_OF_FUNNEL), gte(stageChanges.at, from), lt(stageChanges.at, to)));
    const people = await tx
      .select({ id: contacts.id, email: contacts.email, name: contacts.name, company: contacts.company, source: contacts.source, leadType: contacts.leadType, ownerId: contacts.ownerId, stage: contacts.stage, deletedAt: contacts.deletedAt })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, moved)));
    // By contact alone (`moved` is the workspace's): a workspace condition lets the planner AND in the workspace's
    // index and read all its history once per contact (server/domain/contacts/scoring-inputs.ts).
    const history = await tx.select().from(stageChanges).where(inArray(stageChanges.contactId, moved));
    const names = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId));
    return { history, people, names };
  });

  const live = new Map(people.filter((p) => p.deletedAt === null).map((p) => [p.id, p]));
  const rowsById = new Map(history.map((r) => [r.id, r]));
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const { moves, reasons } = recycledMoves({
    history: toHistoryEntries(history.filter((r) => live.has(r.contactId))),
    period: { from: from.getTime(), to: to.getTime() },
    kind: query.stage,
    reasonCode: query.reasonCode,
  });

  const after = query.before === undefined ? null : decodePagePosition(query.before);
  const position = (m: (typeof moves)[number]) => ({ at: new Date(m.entry.at), id: m.entry.id, kind: KIND });
  const rest = after === null ? moves : moves.filter((m) => newestFirst(after, position(m)) < 0);
  const { page, more, next } = pageOfRows(rest, query.limit, position);

  const items = page.map(({ entry, cameBack }): RecycledItem => {
    const person = live.get(entry.contactId)!;
    const row = rowsById.get(entry.id)!;
    return {
      id: entry.id,
      contactId: person.id,
      email: person.email,
      name: person.name,
      company: person.company,
      source: person.source,
      leadType: person.leadType,
      ownerId: person.ownerId,
      to: entry.to as RecycledItem['to'],
      from: entry.from,
      at: new Date(entry.at).toISOString(),
      reason: { code: entry.reasonCode, text: entry.reason },
      by: { kind: row.actorKind, userId: row.actorId, name: row.actorId === null ? null : (nameOf.get(row.actorId) ?? null) },
      stage: person.stage as LifecycleStage,
      cameBack: cameBack === null ? null : { to: cameBack.to, at: new Date(cameBack.at).toISOString() },
    };
  });
  return { period, stage: query.stage, count: moves.length, cameBack: moves.filter((m) => m.cameBack !== null).length, reasons, items, more, next };
}
