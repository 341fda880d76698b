import { and, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Trust } from '../../lib/core/model/activity';
import { IDENTIFY_PARAM } from '../../lib/core/model/tracking';
import { openRecordingFor } from '../../lib/core/privacy';
import { classifyActivityTrust, isPersonActivity, linkScanBurst, TRUST_THRESHOLDS, type RecordedClick } from '../../lib/core/trust';
import { newId } from '../auth/tokens';
import type { ServerDeps } from '../context';
import type { Tx } from '../store/db';
import { activities, contacts, trackedEmails, workspaces } from '../store/schema';
import type { ActivityRow } from '../store/rows';
import { writeTracked, type Announce } from './ingest';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { isOnSite } from './policy';
import { signToken, type TokenClaims } from './tokens';

type OpenClaims = Extract<TokenClaims, { kind: 'open' }>;
type ClickClaims = Extract<TokenClaims, { kind: 'click' }>;
type Deps = Pick<ServerDeps, 'db' | 'activityBus'>;

/** What the pixel or the redirect saw of the request: trust is judged from it. */
export interface Hit {
  at: Date;
  userAgent: string | null;
  ip: string | null;
  /** The HTTP method: a HEAD is never a person. */
  method: string;
}

/**
 * Records an open for a genuine pixel token, labelled by lib/core's trust rules with the email's send time, as the
 * workspace's `tracking.emailOpens` and the contact's consent say (lib/core/privacy): per person (an activity of the
 * contact, and a count on the email) or per email only (the count alone). Nothing is recorded when tracking or email
 * opens are off, the contact opted out or was deleted, or the email is not the token's. Answers whether it recorded.
 */
export async function recordOpen(deps: Deps, claims: OpenClaims, hit: Hit): Promise<boolean> {
  return writeTracked(deps, claims.workspaceId, hit.at, async (tx, announce) => {
    const target = await contactWithPolicy(tx, claims.workspaceId, claims.contactId);
    if (!target) return false;
    const recording = openRecordingFor(target.policy, target);
    if (recording.as === 'nothing') return false;
    const email = await emailOf(tx, claims.workspaceId, claims.contactId, claims.emailId);
    if (!email) return false;
    const trust = classifyActivityTrust({ type: 'email_open', at: hit.at, userAgent: hit.userAgent, ip: hit.ip, method: hit.method, sentAt: email.sentAt });
    await countOpen(tx, claims.workspaceId, email.id, trust);
    if (recording.as !== 'per_person') return true;
    announce(
      await tx
        .insert(activities)
        .values({
          id: newId('a'),
          workspaceId: claims.workspaceId,
          contactId: claims.contactId,
          type: 'email_open',
          at: hit.at,
          title: email.subject,
          emailId: email.id,
          trustLabel: trust.label,
          trustReason: trust.reason,
        })
        .returning(),
    );
    return true;
  });
}

/** One more open on the email's counts: by a person (human or proxy) or by a machine. */
async function countOpen(tx: Tx, workspaceId: string, emailId: string, trust: Trust): Promise<void> {
  const counted = isPersonActivity({ trust }) ? { openCount: sql`${trackedEmails.openCount} + 1` } : { machineOpenCount: sql`${trackedEmails.machineOpenCount} + 1` };
  await tx
    .update(trackedEmails)
    .set(counted)
    .where(and(eq(trackedEmails.workspaceId, workspaceId), eq(trackedEmails.id, emailId)));
}

/**
 * Records a click for a genuine link token and answers where to send the browser: always the URL the token signed
 * (never anything from the request). A link to a library item records its download too. When the destination is on
 * the workspace's own site and a person clicked, it carries a signed identification parameter, so the website
 * snippet can put the visit on the contact. Tracking off, opt-out or a deleted contact: nothing recorded, plain URL.
 */
export async function recordClick(deps: Deps, claims: ClickClaims, hit: Hit): Promise<string> {
  const identify = await writeTracked(deps, claims.workspaceId, hit.at, async (tx, announce) => {
    const target = await trackingTarget(tx, claims.workspaceId, claims.contactId);
    if (!target) return false;
    const email = claims.emailId ? await emailOf(tx, claims.workspaceId, claims.contactId, claims.emailId) : null;
    const trust = await insertClick(tx, claims, email, hit, announce);
    return trust.label !== 'machine' && isOnSite(target.policy, claims.url);
  });
  if (!identify) return claims.url;
  const token = await signToken(deps.db, { kind: 'identify', workspaceId: claims.workspaceId, contactId: claims.contactId, issuedAt: hit.at }, hit.at);
  const url = new URL(claims.url);
  url.searchParams.set(IDENTIFY_PARAM, token);
  return url.toString();
}

interface EmailRow {
  id: string;
  sentAt: Date;
  subject: string | null;
  linkCount: number;
}

async function insertClick(tx: Tx, claims: ClickClaims, email: EmailRow | null, hit: Hit, announce: Announce): Promise<Trust> {
  const others = await otherClicks(tx, claims, email, hit.at);
  const linkCount = email?.linkCount ?? null;
  const trust = classifyActivityTrust({
    type: 'email_click',
    at: hit.at,
    userAgent: hit.userAgent,
    ip: hit.ip,
    method: hit.method,
    url: claims.url,
    sentAt: email?.sentAt ?? null,
    otherClicks: others,
    linkCount,
  });

  const id = newId('a');
  const common = { workspaceId: claims.workspaceId, contactId: claims.contactId, at: hit.at, emailId: email?.id ?? null, trustLabel: trust.label, trustReason: trust.reason };
  const rows = await tx
    .insert(activities)
    .values([
      { ...common, id, type: 'email_click', url: claims.url, title: email?.subject ?? null, contentId: claims.contentId },
      ...(claims.contentId ? [{ ...common, id: downloadIdOf(id), type: 'content_download', url: claims.url, contentId: claims.contentId }] : []),
    ])
    .returning();
  announce(rows);

  // A scanner walks every link in a burst: the first clicks of the burst looked like a person when they came. With
  // this click known, judge the burst's earlier clicks again (only the burst can change; the request rules already spoke).
  const all: RecordedClick[] = [...others, { at: hit.at, url: claims.url }];
  for (const other of others) {
    if (other.trustLabel === 'machine' || hit.at.getTime() - other.at.getTime() > TRUST_THRESHOLDS.scannerSpanMs) continue;
    const again = linkScanBurst({ at: other.at, url: other.url, otherClicks: all, linkCount });
    if (again === null) continue;
    announce(
      await tx
        .update(activities)
        .set({ trustLabel: again.label, trustReason: again.reason })
        .where(and(eq(activities.contactId, claims.contactId), inArray(activities.id, [other.id, downloadIdOf(other.id)])))
        .returning(),
    );
  }
  return trust;
}

interface OtherClick extends RecordedClick {
  id: string;
  trustLabel: string;
}

/** The clicks already recorded on the same email; for a link sent outside a registered email, the contact's clicks around it. */
async function otherClicks(tx: Tx, claims: ClickClaims, email: EmailRow | null, at: Date): Promise<OtherClick[]> {
  const span = TRUST_THRESHOLDS.scannerSpanMs;
  const rows: Pick<ActivityRow, 'id' | 'at' | 'url' | 'trustLabel'>[] = await tx
    .select({ id: activities.id, at: activities.at, url: activities.url, trustLabel: activities.trustLabel })
    .from(activities)
    .where(
      email
        ? and(
            eq(activities.workspaceId, claims.workspaceId),
            eq(activities.emailId, email.id),
            eq(activities.type, 'email_click'),
            eq(activities.contactId, claims.contactId),
          )
        : and(
            eq(activities.contactId, claims.contactId),
            eq(activities.type, 'email_click'),
            isNull(activities.emailId),
            between(activities.at, new Date(at.getTime() - span), new Date(at.getTime() + span)),
          ),
    );
  return rows.map((r) => ({ id: r.id, at: r.at, url: r.url ?? '', trustLabel: r.trustLabel }));
}

/** The contact (not deleted) with what tracking may record for it, and its workspace's policy. */
async function contactWithPolicy(tx: Tx, workspaceId: string, contactId: string) {
  const [row] = await tx
    .select({ optedOut: contacts.optedOut, openTrackingConsent: contacts.openTrackingConsent, deletedAt: contacts.deletedAt, settings: workspaces.settings })
    .from(contacts)
    .innerJoin(workspaces, eq(workspaces.id, contacts.workspaceId))
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
    .limit(1);
  if (!row || row.deletedAt !== null) return null;
  return { optedOut: row.optedOut, openTrackingConsent: row.openTrackingConsent, policy: trackingPolicyOf(row.settings) };
}

/** The contact's workspace policy, when a click may be recorded for it: tracking on and the contact not opted out. */
async function trackingTarget(tx: Tx, workspaceId: string, contactId: string) {
  const target = await contactWithPolicy(tx, workspaceId, contactId);
  if (!target || target.optedOut || target.policy.mode === 'off') return null;
  return { policy: target.policy };
}

async function emailOf(tx: Tx, workspaceId: string, contactId: string, emailId: string): Promise<EmailRow | null> {
  const [row] = await tx
    .select({ id: trackedEmails.id, sentAt: trackedEmails.sentAt, subject: trackedEmails.subject, linkCount: trackedEmails.linkCount })
    .from(trackedEmails)
    .where(and(eq(trackedEmails.id, emailId), eq(trackedEmails.workspaceId, workspaceId), eq(trackedEmails.contactId, contactId)))
    .limit(1);
  return row ?? null;
}

/** A content link's click and its download are one event: the download's id follows the click's. */
const downloadIdOf = (clickId: string) => `${clickId}_d`;
