import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TrackingPolicy } from '../../lib/core/model/settings';
import type { EmailRegistration, EmailRegistrationResponse, TrackedLinkRequest, TrackedLinkResponse } from '../../lib/core/model/tracking';
import { carriesPixel } from '../../lib/core/privacy';
import { newId } from '../auth/tokens';
import type { Caller, ServerDeps } from '../context';
import { findVisibleContact } from '../domain/contacts/access';
import { ApiError, notFound } from '../http/errors';
import type { Db } from '../store/db';
import { content, trackedEmails, workspaces } from '../store/schema';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { signTokens, type TokenClaims } from './tokens';

type Deps = Pick<ServerDeps, 'db' | 'publicUrl'>;

/** The pixel's and the redirect's public URLs for signed tokens. */
export const pixelUrlOf = (publicUrl: string, token: string) => `${base(publicUrl)}/o/${token}`;
export const clickUrlOf = (publicUrl: string, token: string) => `${base(publicUrl)}/c/${token}`;
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/**
 * Registers an email a rep is sending to a contact they can see, and answers its open pixel and each link rewritten
 * to a signed redirect. A link to a library item's URL records a download when clicked. Registering the same `id`
 * again (a retry) answers the same email; the id of someone else's email in the workspace is a 409. Ids are the
 * workspace's own: another workspace's id is taken like an unused one.
 *
 * The send time is the client's, but never later than now: an open "before sending" would read as a machine. No pixel
 * when the email's opens would record nothing (`tracking.emailOpens` off); its links are tracked all the same.
 */
export async function registerEmail(deps: Deps, caller: Caller, request: EmailRegistration, now: Date): Promise<EmailRegistrationResponse> {
  const { db } = deps;
  const workspaceId = caller.workspace.id;
  const contact = await findVisibleContact(db, caller, request.contactId);
  const emailId = request.id ?? newId('em');
  const sentAt = new Date(Math.min(Date.parse(request.sentAt), now.getTime()));
  const links = [...new Set(request.links)];

  const [stored] = await db
    .insert(trackedEmails)
    .values({ id: emailId, workspaceId, contactId: contact.id, userId: caller.user.id, subject: request.subject, sentAt, linkCount: links.length, createdAt: now })
    .onConflictDoNothing({ target: [trackedEmails.workspaceId, trackedEmails.id] })
    .returning({ id: trackedEmails.id });
  if (!stored) {
    const [existing] = await db
      .select()
      .from(trackedEmails)
      .where(and(eq(trackedEmails.workspaceId, workspaceId), eq(trackedEmails.id, emailId)))
      .limit(1);
    if (!existing || existing.userId !== caller.user.id || existing.contactId !== contact.id) {
      throw new ApiError('conflict', `email id ${emailId} is already taken; make a new one`);
    }
  }

  const policy = await freshPolicy(db, workspaceId);
  if (!mayTrack(policy, contact.optedOut)) {
    return { emailId, tracked: false, pixelUrl: null, links: request.links.map((url) => ({ url, trackedUrl: url })) };
  }
  const contentByUrl = await libraryItemsAt(db, workspaceId, links);
  const withPixel = carriesPixel(policy, contact);
  const claims: TokenClaims[] = [
    ...(withPixel ? [{ kind: 'open', workspaceId, contactId: contact.id, emailId } as const] : []),
    ...request.links.map((url): TokenClaims => ({ kind: 'click', workspaceId, contactId: contact.id, emailId, url, contentId: contentByUrl.get(url) ?? null })),
  ];
  const tokens = await signTokens(db, workspaceId, claims, now);
  const clickTokens = withPixel ? tokens.slice(1) : tokens;
  return {
    emailId,
    tracked: true,
    pixelUrl: withPixel ? pixelUrlOf(deps.publicUrl, tokens[0]!) : null,
    links: request.links.map((url, i) => ({ url, trackedUrl: clickUrlOf(deps.publicUrl, clickTokens[i]!) })),
  };
}

/**
 * A tracked link for a contact the caller can see, to a URL or to one of the workspace's library items (its URL).
 * With `emailId` (an email registered for that contact), its clicks are judged with the email's other clicks.
 */
export async function trackedLink(deps: Deps, caller: Caller, request: TrackedLinkRequest, now: Date): Promise<TrackedLinkResponse> {
  const { db } = deps;
  const workspaceId = caller.workspace.id;
  const contact = await findVisibleContact(db, caller, request.contactId);
  let url = request.url;
  let contentId: string | null = null;
  if (request.contentId !== undefined) {
    const [item] = await db
      .select({ id: content.id, url: content.url })
      .from(content)
      .where(and(eq(content.id, request.contentId), eq(content.workspaceId, workspaceId), isNull(content.deletedAt)))
      .limit(1);
    if (!item) throw notFound(`content ${request.contentId}`);
    url = item.url;
    contentId = item.id;
  }
  if (url === undefined) throw new Error('a tracked link request without url or contentId passed validation');
  if (request.emailId !== undefined) {
    const [email] = await db
      .select({ id: trackedEmails.id })
      .from(trackedEmails)
      .where(and(eq(trackedEmails.id, request.emailId), eq(trackedEmails.workspaceId, workspaceId), eq(trackedEmails.contactId, contact.id)))
      .limit(1);
    if (!email) throw notFound(`email ${request.emailId}`);
  }
  if (contentId === null) contentId = (await libraryItemsAt(db, workspaceId, [url])).get(url) ?? null;
  if (!mayTrack(await freshPolicy(db, workspaceId), contact.optedOut)) return { url, tracked: false };
  const [token] = await signTokens(db, workspaceId, [{ kind: 'click', workspaceId, contactId: contact.id, emailId: request.emailId ?? null, url, contentId }], now);
  return { url: clickUrlOf(deps.publicUrl, token!), tracked: true };
}

/** Whether clicks (and perhaps opens) would be recorded: the workspace's tracking is on and the contact has not opted out. */
function mayTrack(policy: TrackingPolicy, optedOut: boolean): boolean {
  return !optedOut && policy.mode !== 'off';
}

/** Read fresh, not from the caller's row: a marketer may have just turned tracking off. */
async function freshPolicy(db: Db, workspaceId: string): Promise<TrackingPolicy> {
  const [row] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return trackingPolicyOf(row?.settings);
}

/** Library items (not deleted) by URL, for the links that point at one. */
async function libraryItemsAt(db: Db, workspaceId: string, urls: readonly string[]): Promise<Map<string, string>> {
  if (urls.length === 0) return new Map();
  const rows = await db
    .select({ id: content.id, url: content.url })
    .from(content)
    .where(and(eq(content.workspaceId, workspaceId), inArray(content.url, [...urls]), isNull(content.deletedAt)));
  return new Map(rows.map((r) => [r.url, r.id]));
}
