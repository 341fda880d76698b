import { and, eq } from 'drizzle-orm';
import type { ContactProfile } from '../../../lib/core/model/contact';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { newId } from '../../auth/tokens';
import type { Caller } from '../../context';
import { ApiError } from '../../http/errors';
import type { Queryable, Tx } from '../../store/db';
import { contacts } from '../../store/schema';
import type { ContactRow } from '../../store/rows';
import { assertAssignableOwner } from './owners';
import { enterScope, enterScopes } from '../scope/entries';
import { recordStageChange, recordStageChanges, type StageActor } from './stage-history';

export interface NewContact extends Partial<ContactProfile> {
  id?: string;
  email: string;
  name?: string | null;
  stage: LifecycleStage;
  leadType?: string | null;
  source?: string | null;
  ownerId?: string | null;
}

/** Inserts a new contact row (no duplicate check: callers hold the workspace lock or know the address is new); an owner gets it in their sync scope at once and the SLA clock starts now. */
export async function insertContact(tx: Tx, workspaceId: string, input: NewContact, now: Date, by: StageActor): Promise<ContactRow> {
  const [row] = await insertContacts(tx, workspaceId, [input], now, by);
  if (!row) throw new Error('insert returned no contact');
  return row;
}

/** `insertContact` for many at once (an import's batch): three statements, whatever the count. */
export async function insertContacts(tx: Tx, workspaceId: string, inputs: readonly NewContact[], now: Date, by: StageActor, reason: string | null = null): Promise<ContactRow[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(contacts)
    .values(
      inputs.map((input) => {
        const ownerId = input.ownerId ?? null;
        return {
          ...input,
          id: input.id ?? newId('c'),
          workspaceId,
          email: input.email.trim().toLowerCase(),
          ownerId,
          assignedAt: ownerId ? now : null,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .returning();
  if (rows.length !== inputs.length) throw new Error('insert returned fewer contacts than it was given');
  await recordStageChanges(
    tx,
    rows.map((row) => ({ workspaceId, contactId: row.id, from: null, to: row.stage as LifecycleStage, at: now, by, reason })),
  );
  const owned = rows.filter((row) => row.ownerId !== null);
  if (owned.length > 0) await enterScopes(tx, owned.map((row) => ({ userId: row.ownerId!, contactId: row.id })));
  return rows;
}

/** 409 for an address the workspace already has; `error.contactId` names the contact so the client can open it. */
export class DuplicateContactError extends ApiError {
  constructor(
    readonly contactId: string,
    email: string,
  ) {
    super('conflict', `${email} is already a contact in this workspace (${contactId})`);
  }

  override get body() {
    const { error } = super.body;
    return { error: { ...error, contactId: this.contactId } };
  }
}

/**
 * Adds a contact for a person (a manager's form, an accepted suggestion): the owner must be an active rep or manager
 * of the workspace, and the address must be new to it. Run inside `writeInWorkspace`, whose lock makes the
 * duplicate check and the insert one step.
 *
 * An address whose contact was deleted comes back as that contact, revived with the new details: the unique address
 * per workspace stays true, and the person's earlier history is theirs again. Its opt-out is kept, so deleting and
 * re-adding never turns tracking back on behind a person's back.
 */
export async function addOrReviveContact(tx: Tx, caller: Caller, input: NewContact, now: Date): Promise<ContactRow> {
  const workspaceId = caller.workspace.id;
  if (input.ownerId) await assertAssignableOwner(tx, workspaceId, input.ownerId);
  const email = input.email.trim().toLowerCase();
  const existing = await findByEmail(tx, workspaceId, email);
  if (existing && existing.deletedAt === null) throw new DuplicateContactError(existing.id, email);
  const by: StageActor = { kind: 'user', userId: caller.user.id };
  if (existing) return reviveContact(tx, existing, { ...input, email }, now, by);
  return insertContact(tx, workspaceId, { ...input, email }, now, by);
}

/** The workspace's contact with this address, deleted or not. */
export async function findByEmail(db: Queryable, workspaceId: string, email: string): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.email, email)))
    .limit(1);
  return row ?? null;
}

export async function reviveContact(tx: Tx, deleted: ContactRow, input: NewContact, now: Date, by: StageActor, reason = 'added again after deletion'): Promise<ContactRow> {
  const ownerId = input.ownerId ?? null;
  const [row] = await tx
    .update(contacts)
    .set({
      name: input.name ?? null,
      title: input.title ?? null,
      company: input.company ?? null,
      seniority: input.seniority ?? null,
      country: input.country ?? null,
      companySize: input.companySize ?? null,
      industry: input.industry ?? null,
      businessModel: input.businessModel ?? null,
      phone: input.phone ?? null,
      stage: input.stage,
      stageReason: null,
      leadType: input.leadType ?? null,
      source: input.source ?? null,
      ownerId,
      assignedAt: ownerId ? now : null,
      pauses: [],
      deletedAt: null,
      updatedAt: now,
    })
    .where(eq(contacts.id, deleted.id))
    .returning();
  if (!row) throw new Error(`contact ${deleted.id} vanished while being revived`);
  await recordStageChange(tx, { workspaceId: row.workspaceId, contactId: row.id, from: deleted.stage as LifecycleStage, to: input.stage, at: now, by, reason, revives: true });
  if (ownerId) await enterScope(tx, ownerId, row.id, null);
  return row;
}
