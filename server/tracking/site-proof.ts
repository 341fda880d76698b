import type { CollectBatch, VisitorProofResponse } from '../../lib/core/model/tracking';
import { HOUR_MS } from '../../lib/core/time-units';
import type { Db, Queryable } from '../store/db';
import type { Site } from './collect';
import { signToken, verifyToken, VISITOR_PROOF_HOURS } from './tokens';

/**
 * The site key is public: anyone can post a batch with it. Page views are cheap to take from anyone, but naming a
 * visitor by email creates a lead or moves a contact's history (and score), so that needs proof the batch comes from
 * the site: a page of one of its origins (the browser's `Origin`), or a visitor proof, signed with the workspace's
 * tracking key for one visitor id and good for VISITOR_PROOF_HOURS, which t.js gets from such a page ahead of time
 * (`GET /v1/collect/proof`) for the moments a beacon leaves without an Origin.
 */

/** Whether the event would tie the visitor to a contact by an email address (an identify or a form with one). */
export function namesByEmail(event: CollectBatch['events'][number]): boolean {
  return event.email !== undefined && (event.type === 'identify' || event.type === 'form_submit');
}

export async function issueVisitorProof(db: Db, site: Site, visitorId: string, now: Date): Promise<VisitorProofResponse> {
  const proof = await signToken(db, { kind: 'visitor', workspaceId: site.id, visitorId, issuedAt: now }, now);
  // Signed times are whole seconds: the proof ends VISITOR_PROOF_HOURS after the second it was issued in.
  const issued = Math.floor(now.getTime() / 1000) * 1000;
  return { proof, expiresAt: new Date(issued + VISITOR_PROOF_HOURS * HOUR_MS).toISOString() };
}

/** Whether the batch may name its visitor by email: from a page of the site, or with that visitor's proof. */
export async function mayNameByEmail(db: Queryable, site: Site, batch: CollectBatch, fromSitePage: boolean, now: Date): Promise<boolean> {
  if (fromSitePage || !batch.events.some(namesByEmail)) return true;
  if (batch.proof === undefined) return false;
  const claims = await verifyToken(db, batch.proof, 'visitor', now);
  return claims !== null && claims.workspaceId === site.id && claims.visitorId === batch.visitorId;
}
