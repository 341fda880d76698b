import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  AcceptSuggestionRequest,
  AcceptedSuggestion,
  RejectedSuggestion,
  SuggestedLead,
  SuggestionPage,
  SuggestionStatus,
} from '../../lib/core/model/contact-requests';
import type { Caller } from '../context';
import { ApiError, notFound } from '../http/errors';
import { writeInWorkspace, type Db, type Queryable, type Tx } from '../store/db';
import { toContact } from '../store/rows';
import { suggestedLeads, users } from '../store/schema';
import { addOrReviveContact } from './contacts/create';
import { isAssignableOwner } from './contacts/owners';
import { decodePagePosition, pageOfRows, type PagePosition } from './page-cursor';

type SuggestionRow = typeof suggestedLeads.$inferSelect;
type Suggester = Pick<typeof users.$inferSelect, 'id' | 'name' | 'email' | 'role' | 'disabled'>;

const suggesterColumns = { id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled };
/** Suggestions have no kind of their own in the cursor: one table, ordered by (suggestedAt, id). */
const KIND = 'suggestion';

/** The workspace's suggestions with one status, newest first, each with who suggested it. */
export async function listLeadSuggestions(
  db: Db,
  caller: Caller,
  query: { status: SuggestionStatus; before?: string | undefined; limit: number },
): Promise<SuggestionPage> {
  const after = query.before === undefined ? null : decodePagePosition(query.before);
  const rows = await db
    .select({ suggestion: suggestedLeads, suggester: suggesterColumns })
    .from(suggestedLeads)
    .innerJoin(users, eq(users.id, suggestedLeads.suggestedBy))
    .where(and(eq(suggestedLeads.workspaceId, caller.workspace.id), eq(suggestedLeads.status, query.status), olderThan(after)))
    .orderBy(desc(suggestedLeads.suggestedAt), desc(sql`${suggestedLeads.id} collate "C"`))
    .limit(query.limit + 1);
  const { page, more, next } = pageOfRows(rows, query.limit, (r) => ({ at: r.suggestion.suggestedAt, id: r.suggestion.id, kind: KIND }));
  return { suggestions: page.map((r) => toSuggestedLead(r.suggestion, r.suggester)), more, next };
}

/**
 * Turns a pending suggestion into a contact (source `rep_suggestion`) and marks it accepted, in one transaction.
 * Without `ownerId` the lead goes to the rep who found it, if they are still an active rep: they know the context and
 * asked for it. A suggester who is a manager, or who has left, leaves it unassigned for the reviewer to route.
 */
export function acceptLeadSuggestion(
  db: Db,
  caller: Caller,
  suggestionId: string,
  request: AcceptSuggestionRequest,
  now: Date,
): Promise<AcceptedSuggestion> {
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const { suggestion, suggester } = await findPending(tx, caller, suggestionId);
    const ownerId = request.ownerId !== undefined ? request.ownerId : await defaultOwner(tx, caller, suggester);
    const contact = await addOrReviveContact(
      tx,
      caller,
      {
        email: suggestion.email,
        name: suggestion.name,
        company: suggestion.company,
        title: suggestion.title,
        stage: request.stage,
        leadType: request.leadType,
        source: 'rep_suggestion',
        ownerId,
      },
      now,
    );
    const reviewed = await markReviewed(tx, caller, suggestion, { status: 'accepted', contactId: contact.id }, now);
    return { suggestion: toSuggestedLead(reviewed, suggester), contact: toContact(contact) };
  });
}

/** Marks a pending suggestion rejected, keeping the reviewer's reason for the rep who suggested it. */
export function rejectLeadSuggestion(db: Db, caller: Caller, suggestionId: string, reason: string, now: Date): Promise<RejectedSuggestion> {
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const { suggestion, suggester } = await findPending(tx, caller, suggestionId);
    const reviewed = await markReviewed(tx, caller, suggestion, { status: 'rejected', contactId: null, reviewReason: reason }, now);
    return { suggestion: toSuggestedLead(reviewed, suggester), reason };
  });
}

/** 404 for an unknown or another workspace's id alike; 409 once someone has reviewed it. */
async function findPending(tx: Queryable, caller: Caller, suggestionId: string): Promise<{ suggestion: SuggestionRow; suggester: Suggester }> {
  const [row] = await tx
    .select({ suggestion: suggestedLeads, suggester: suggesterColumns })
    .from(suggestedLeads)
    .innerJoin(users, eq(users.id, suggestedLeads.suggestedBy))
    .where(and(eq(suggestedLeads.id, suggestionId), eq(suggestedLeads.workspaceId, caller.workspace.id)))
    .limit(1);
  if (!row) throw notFound(`suggestion ${suggestionId}`);
  if (row.suggestion.status !== 'pending') {
    throw new ApiError('conflict', `suggestion ${suggestionId} was already ${row.suggestion.status}`);
  }
  return row;
}

async function defaultOwner(tx: Queryable, caller: Caller, suggester: Suggester): Promise<string | null> {
  if (suggester.role !== 'rep') return null;
  return (await isAssignableOwner(tx, caller.workspace.id, suggester.id)) ? suggester.id : null;
}

async function markReviewed(
  tx: Tx,
  caller: Caller,
  suggestion: SuggestionRow,
  outcome: { status: 'accepted' | 'rejected'; contactId: string | null; reviewReason?: string },
  now: Date,
): Promise<SuggestionRow> {
  const [row] = await tx
    .update(suggestedLeads)
    .set({ ...outcome, reviewedBy: caller.user.id, reviewedAt: now })
    // Still pending: the workspace lock already serialises reviews, this keeps a second review from ever applying.
    .where(and(eq(suggestedLeads.id, suggestion.id), eq(suggestedLeads.status, 'pending')))
    .returning();
  if (!row) throw new ApiError('conflict', `suggestion ${suggestion.id} was reviewed meanwhile`);
  return row;
}

function olderThan(after: PagePosition | null): SQL | undefined {
  if (after === null) return undefined;
  return or(
    lt(suggestedLeads.suggestedAt, after.at),
    and(eq(suggestedLeads.suggestedAt, after.at), sql`${suggestedLeads.id} collate "C" < ${after.id}`),
  );
}

function toSuggestedLead(row: SuggestionRow, suggester: Pick<Suggester, 'id' | 'name' | 'email'>): SuggestedLead {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    company: row.company,
    title: row.title,
    note: row.note,
    seenOn: row.seenOn,
    suggestedBy: { id: suggester.id, name: suggester.name, email: suggester.email },
    suggestedAt: row.suggestedAt.toISOString(),
    status: row.status,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewReason: row.reviewReason,
    contactId: row.contactId,
  };
}
