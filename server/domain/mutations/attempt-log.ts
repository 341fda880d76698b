import { and, eq, inArray } from 'drizzle-orm';
import { ApiError, notFound } from '../../http/errors';
import type { Tx } from '../../store/db';
import { attempts, content } from '../../store/schema';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import { assertNotAhead } from './clock';
import type { MutationContext, MutationOf } from './context';
import { attemptLoggedWebhookEvent } from '../../webhooks/events';

/** Records an attempt by the caller on a contact they may work. */
export async function logAttempt(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'attempt.log'>): Promise<void> {
  const { attempt } = m;
  const at = new Date(attempt.at);
  assertNotAhead(m.id, 'attempt.at', at, now);
  const contact = await findVisibleContact(tx, caller, attempt.contactId);
  assertCanWorkContact(caller, contact);
  const contentIds = [...new Set(attempt.contentIds)];
  await assertContentInWorkspace(tx, caller.workspace.id, contentIds);

  // The id is the client's, unique within the workspace (another workspace's same id is simply another row): "do
  // nothing" turns an id this workspace already used into a conflict instead of an aborted write.
  const inserted = await tx
    .insert(attempts)
    .values({
      id: attempt.id,
      workspaceId: caller.workspace.id,
      contactId: contact.id,
      userId: caller.user.id,
      channel: attempt.channel,
      outcome: attempt.outcome,
      note: attempt.note,
      contentIds,
      at,
    })
    .onConflictDoNothing({ target: [attempts.workspaceId, attempts.id] })
    .returning({ id: attempts.id });
  if (inserted.length === 0) {
    throw new ApiError('conflict', `attempt ${attempt.id} already exists: log it under a new attempt id`);
  }
  await attemptLoggedWebhookEvent(tx, caller.workspace.id, { ...attempt, at, contactId: contact.id, userId: caller.user.id }, now);
}

/**
 * Content sent with an attempt must be this workspace's (archived or deleted items still count: they stay as rows), so
 * an attempt never points into another tenant's library.
 */
async function assertContentInWorkspace(tx: Tx, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: content.id })
    .from(content)
    .where(and(eq(content.workspaceId, workspaceId), inArray(content.id, ids)));
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound(`content ${missing}`);
}
