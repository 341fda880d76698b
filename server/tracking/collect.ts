import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { IDENTIFY_PARAM, type CollectBatch, type CollectEvent, type CollectResult } from '../../lib/core/model/tracking';
import type { ServerDeps } from '../context';
import type { ContactRow } from '../store/rows';
import { findByEmail } from '../domain/contacts/create';
import { insertContact } from '../domain/contacts/create';
import { isWorkspaceAddress } from '../domain/contacts/workspace-domains';
import type { Queryable, Tx } from '../store/db';
import { activities, contacts, content, visitorEvents, visitors, workspaces } from '../store/schema';
import { storeAnonymous } from './anonymous';
import { writeTracked, type NewActivityRow } from './ingest';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { verifyToken } from './tokens';

/** The workspace a site key belongs to. */
export interface Site {
  id: string;
  settings: WorkspaceSettings;
}

export async function findSite(db: Queryable, siteKey: string): Promise<Site | null> {
  const [row] = await db.select({ id: workspaces.id, settings: workspaces.settings }).from(workspaces).where(eq(workspaces.siteKey, siteKey)).limit(1);
  return row ?? null;
}

/** Website activity is a person browsing: the snippet runs in a real page, and nothing here could tell a bot apart. */
export const WEBSITE_TRUST = { label: 'human', reason: 'seen on your website' } as const;
/** How much of an anonymous visitor's history comes over to the contact when they identify (newest first). */
export const MERGED_HISTORY_CAP = 1000;

/** What the request said about privacy, and when it arrived. */
export interface CollectRequest {
  /** `Sec-GPC: 1`: the browser asks not to be tracked. t.js sends nothing then; the server checks again. */
  globalPrivacyControl: boolean;
  now: Date;
}

/**
 * Stores a website batch: each event once (by its id), for the visitor; an identifying event (a form with an email, a
 * tracked link's token) ties the visitor to the contact, creating a lead when the policy allows, and brings the
 * visitor's earlier anonymous history over as the contact's activity. Nothing at all is kept under Global Privacy
 * Control, with tracking off, under `consent` without it, or for a visitor who is an opted-out contact.
 */
export async function collect(deps: Pick<ServerDeps, 'db' | 'activityBus'>, site: Site, batch: CollectBatch, request: CollectRequest): Promise<CollectResult> {
  const policy = trackingPolicyOf(site.settings);
  const total = batch.events.length;
  const nothing: CollectResult = { stored: 0, duplicates: 0, ignored: total };
  if (request.globalPrivacyControl || policy.mode === 'off' || (policy.mode === 'consent' && batch.consent !== true)) return nothing;

  const { now } = request;
  const unique = [...new Map(batch.events.map((e) => [e.id, e] as const)).values()];
  const events = unique.map((event) => arrived(event, batch.sentAt, now));
  const knownContent = await contentIdsOf(deps.db, site.id, events);
  const contentIdOf = (e: Arrived) => (e.contentId && knownContent.has(e.contentId) ? e.contentId : null);

  if (!events.some(identifies)) {
    // Most batches are page views of someone nobody knows yet: no activity to write, so no workspace lock to wait for.
    const rows = events.map((e) => ({ id: e.id, type: e.type, at: e.at, url: e.url, title: e.title ?? null, contentId: contentIdOf(e) }));
    const anonymous = await storeAnonymous(deps.db, site.id, batch.visitorId, rows, now);
    if ('stored' in anonymous) return { stored: anonymous.stored, duplicates: total - anonymous.stored, ignored: 0 };
  }

  return writeTracked(deps, site.id, now, async (tx, announce) => {
    const [visitor] = await tx
      .insert(visitors)
      .values({ workspaceId: site.id, visitorId: batch.visitorId, firstSeen: new Date(Math.min(...events.map((e) => e.at.getTime()))), lastSeen: now })
      .onConflictDoUpdate({ target: [visitors.workspaceId, visitors.visitorId], set: { lastSeen: now } })
      .returning();
    let contact = visitor?.contactId ? await liveContact(tx, site.id, visitor.contactId) : null;
    if (contact?.optedOut) return nothing;

    const fresh = new Set(
      (
        await tx
          .insert(visitorEvents)
          .values(
            events.map((e) => ({
              workspaceId: site.id,
              eventId: e.id,
              visitorId: batch.visitorId,
              type: e.type,
              at: e.at,
              url: e.url,
              title: e.title ?? null,
              contentId: contentIdOf(e),
              receivedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ eventId: visitorEvents.eventId })
      ).map((r) => r.eventId),
    );
    const duplicates = total - fresh.size;
    const freshEvents = events.filter((e) => fresh.has(e.id));

    for (const event of freshEvents) {
      if (!identifies(event)) continue;
      const person = await whoIs(tx, site, event, now);
      if (!person || person.id === contact?.id) continue;
      await tx
        .update(visitors)
        .set({ contactId: person.id, identifiedAt: now })
        .where(and(eq(visitors.workspaceId, site.id), eq(visitors.visitorId, batch.visitorId)));
      contact = person;
      if (person.optedOut) {
        // The visitor is someone who asked not to be tracked: forget what was kept about them anonymously too.
        await tx.delete(visitorEvents).where(and(eq(visitorEvents.workspaceId, site.id), eq(visitorEvents.visitorId, batch.visitorId)));
        return { stored: 0, duplicates, ignored: total - duplicates };
      }
      const history = await tx
        .select()
        .from(visitorEvents)
        .where(and(eq(visitorEvents.workspaceId, site.id), eq(visitorEvents.visitorId, batch.visitorId), ne(visitorEvents.type, 'identify')))
        .orderBy(desc(visitorEvents.at))
        .limit(MERGED_HISTORY_CAP);
      announce(await insertActivities(tx, history.map((e) => activityOf(site.id, person.id, e))));
    }

    if (contact) {
      const contactId = contact.id;
      const shown = freshEvents
        .filter((e) => e.type !== 'identify')
        .map((e) => activityOf(site.id, contactId, { ...e, title: e.title ?? null, contentId: contentIdOf(e), eventId: e.id }));
      announce(await insertActivities(tx, shown));
    }
    return { stored: fresh.size, duplicates, ignored: 0 };
  });
}

type Arrived = Omit<CollectEvent, 'at'> & { at: Date };

/**
 * The event as stored: its time moved by how far the visitor's clock was off when the batch left (never later than
 * now), and the page URL without the identification token (it is a credential, not part of the page).
 */
function arrived(event: CollectEvent, sentAt: string | undefined, now: Date): Arrived {
  const skew = sentAt ? now.getTime() - Date.parse(sentAt) : 0;
  const at = new Date(Math.min(Date.parse(event.at) + skew, now.getTime()));
  return { ...event, at, url: withoutIdentifyParam(event.url) };
}

export function withoutIdentifyParam(raw: string): string {
  const url = new URL(raw);
  if (!url.searchParams.has(IDENTIFY_PARAM)) return raw;
  url.searchParams.delete(IDENTIFY_PARAM);
  return url.toString();
}

const identifies = (e: Arrived) => e.token !== undefined || (e.email !== undefined && (e.type === 'identify' || e.type === 'form_submit'));

/**
 * The contact an identifying event names: a token's (if it is this workspace's and genuine), or the address's. An
 * unknown address becomes a lead (source `website`) when the policy allows. Addresses on the workspace's own domains
 * are colleagues, never leads; a deleted contact stays deleted.
 */
async function whoIs(tx: Tx, site: Site, event: Arrived, now: Date): Promise<ContactRow | null> {
  if (event.token !== undefined) {
    const claims = await verifyToken(tx, event.token, 'identify', now);
    if (claims && claims.workspaceId === site.id) return liveContact(tx, site.id, claims.contactId);
    if (event.email === undefined) return null;
  }
  const email = event.email;
  if (email === undefined || isWorkspaceAddress(email, site.settings.domains ?? [])) return null;
  const existing = await findByEmail(tx, site.id, email);
  if (existing) return existing.deletedAt === null ? existing : null;
  if (!trackingPolicyOf(site.settings).createLeadsFromForms) return null;
  // A form fill on the site makes the lead: the server's move, not a person's.
  return insertContact(tx, site.id, { email, stage: 'lead', source: 'website', leadType: event.leadType ?? null }, now, { kind: 'system' });
}

async function liveContact(tx: Tx, workspaceId: string, contactId: string): Promise<ContactRow | null> {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt)))
    .limit(1);
  return row ?? null;
}

async function contentIdsOf(db: Queryable, workspaceId: string, events: readonly Arrived[]): Promise<Set<string>> {
  const ids = [...new Set(events.flatMap((e) => (e.contentId ? [e.contentId] : [])))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: content.id })
    .from(content)
    .where(and(eq(content.workspaceId, workspaceId), inArray(content.id, ids), isNull(content.deletedAt)));
  return new Set(rows.map((r) => r.id));
}

interface StoredEvent {
  eventId: string;
  type: string;
  at: Date;
  url: string;
  title: string | null;
  contentId: string | null;
}

function activityOf(workspaceId: string, contactId: string, e: StoredEvent): NewActivityRow {
  return {
    id: activityIdOf(workspaceId, e.eventId),
    workspaceId,
    contactId,
    type: e.type,
    at: e.at,
    url: e.url,
    title: e.title,
    contentId: e.contentId,
    trustLabel: WEBSITE_TRUST.label,
    trustReason: WEBSITE_TRUST.reason,
  };
}

/** A website event's activity id follows from its event id, so bringing history over twice never doubles it. */
export function activityIdOf(workspaceId: string, eventId: string): string {
  return `w_${createHash('sha256').update(`${workspaceId}\u0000${eventId}`).digest('base64url').slice(0, 24)}`;
}

async function insertActivities(tx: Tx, rows: NewActivityRow[]) {
  if (rows.length === 0) return [];
  return tx.insert(activities).values(rows).onConflictDoNothing().returning();
}
