import { eq } from 'drizzle-orm';
import type { PatchContactRequest } from '../../../lib/core/model/contact-requests';
import type { Role } from '../../../lib/core/model/vocabulary';
import type { Caller } from '../../context';
import { ApiError } from '../../http/errors';
import { writeInWorkspace, type Db } from '../../store/db';
import { contacts } from '../../store/schema';
import type { ContactRow } from '../../store/rows';
import { actorOf } from '../audit/record';
import { findVisibleContact } from './access';
import { reassignContact } from './owners';
import { assertAssignableOwner } from './owners';

type PatchField = keyof PatchContactRequest;

/** Who may change what: reassigning is a manager's call; the profile is marketing's data too; pauses are the owner's. */
const REASSIGNERS: readonly Role[] = ['manager', 'admin'];
const PROFILE_EDITORS: readonly Role[] = ['manager', 'marketing', 'admin'];
const PAUSERS: readonly Role[] = ['manager', 'admin'];

function rolesFor(field: PatchField): readonly Role[] {
  if (field === 'ownerId') return REASSIGNERS;
  if (field === 'pauses') return PAUSERS;
  // The profile fields, `optedOut` and `openTrackingConsent`: what the person told marketing.
  return PROFILE_EDITORS;
}

/** The fields of the patch the caller may not change on this contact; the owner may always change its pauses. */
export function fieldsBeyondCaller(caller: Caller, contact: Pick<ContactRow, 'ownerId'>, patch: PatchContactRequest): PatchField[] {
  const sent = (Object.keys(patch) as PatchField[]).filter((field) => patch[field] !== undefined);
  return sent.filter((field) => {
    if (field === 'pauses' && contact.ownerId === caller.user.id) return false;
    return !rolesFor(field).includes(caller.user.role);
  });
}

/**
 * Applies a patch in one transaction: 404 for a contact the caller cannot see, 403 naming every field they may not
 * change (nothing is applied then), 400 for an owner who cannot own leads. Reassigning goes through
 * `reassignContact`, which restarts the SLA clock and moves the contact between sync scopes.
 */
export function patchContact(db: Db, caller: Caller, contactId: string, patch: PatchContactRequest, now: Date): Promise<ContactRow> {
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    let contact = await findVisibleContact(tx, caller, contactId);
    const beyond = fieldsBeyondCaller(caller, contact, patch);
    if (beyond.length > 0) {
      throw new ApiError('forbidden', `a ${caller.user.role} may not change ${beyond.join(', ')} of contact ${contact.id}`);
    }
    if (patch.ownerId !== undefined && patch.ownerId !== contact.ownerId) {
      if (patch.ownerId !== null) await assertAssignableOwner(tx, caller.workspace.id, patch.ownerId);
      contact = await reassignContact(tx, actorOf(caller), contact, patch.ownerId, now);
    }
    const { ownerId: _ownerId, openTrackingConsent, ...fields } = patch;
    const changes = { ...definedOnly(fields), ...consentChange(contact, openTrackingConsent, now) };
    if (Object.keys(changes).length === 0) return contact;
    const [row] = await tx
      .update(contacts)
      .set({ ...changes, updatedAt: now })
      .where(eq(contacts.id, contact.id))
      .returning();
    if (!row) throw new Error(`contact ${contact.id} vanished while being changed`);
    return row;
  });
}

/**
 * The consent columns when the answer changes: stamped now, so the record says since when it holds (null forgets
 * both). The same answer again keeps the first time it was given.
 */
function consentChange(contact: Pick<ContactRow, 'openTrackingConsent'>, consent: PatchContactRequest['openTrackingConsent'], now: Date) {
  if (consent === undefined || consent === contact.openTrackingConsent) return {};
  return { openTrackingConsent: consent, openTrackingConsentAt: consent === null ? null : now };
}

/** The entries that are set: each remaining patch field is the contacts column of the same name and type. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
