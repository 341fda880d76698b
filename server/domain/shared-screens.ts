import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { NewSharedScreen, NewSharedScreenRequest, SharedScreen } from '../../lib/core/model/sessions';
import { tokenState, utcMinute } from '../../lib/core/token-state';
import { DAY_MS } from '../../lib/core/time-units';
import { hashToken, newId } from '../auth/tokens';
import type { Caller } from '../context';
import { ApiError, notFound } from '../http/errors';
import { writeInWorkspace, type Db } from '../store/db';
import { sharedScreens, workspaces } from '../store/schema';
import { sharedScreenCreated, sharedScreenRevoked } from './audit/changes';
import { actorOf, recordAudit } from './audit/record';

// Read-only links to a workspace's SLA page (`/shared/<secret>`), for a team screen or a weekly meeting. The secret is
// 256 random bits whose SHA-256 is kept, like a token: a link nobody made matches nothing (404), and one revoked or
// past its expiry is refused as gone (410). The URL is shown once, when made; a lost one is revoked and made again.

type Row = typeof sharedScreens.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const asSharedScreen = (row: Row): SharedScreen => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
  expiresAt: iso(row.expiresAt),
  revokedAt: iso(row.revokedAt),
});

export const sharedScreenUrl = (publicUrl: string, secret: string) => `${publicUrl}/shared/${secret}`;

export async function createSharedScreen(db: Db, caller: Caller, request: NewSharedScreenRequest, publicUrl: string, now: Date): Promise<NewSharedScreen> {
  const secret = `lsv_${randomBytes(32).toString('base64url')}`;
  const expiresAt = request.expiresInDays === undefined ? null : new Date(now.getTime() + request.expiresInDays * DAY_MS);
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const [row] = await tx
      .insert(sharedScreens)
      .values({ id: newId('shs'), workspaceId: caller.workspace.id, name: request.name, hash: hashToken(secret), createdBy: caller.user.id, createdAt: now, expiresAt })
      .returning();
    if (!row) throw new Error('the shared screen was not stored');
    const screen = asSharedScreen(row);
    await recordAudit(tx, actorOf(caller), sharedScreenCreated(now, screen));
    return { ...screen, url: sharedScreenUrl(publicUrl, secret) };
  });
}

/** Every shared screen of the workspace, newest first, revoked and expired ones too (so a manager sees what was out there). */
export async function listSharedScreens(db: Db, workspaceId: string): Promise<SharedScreen[]> {
  const rows = await db
    .select()
    .from(sharedScreens)
    .where(eq(sharedScreens.workspaceId, workspaceId))
    .orderBy(desc(sharedScreens.createdAt), desc(sharedScreens.id));
  return rows.map(asSharedScreen);
}

/** Revokes a screen of the caller's workspace (another workspace's id answers like an unknown one); again changes nothing. */
export async function revokeSharedScreen(db: Db, caller: Caller, id: string, now: Date): Promise<void> {
  await writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const [revoked] = await tx
      .update(sharedScreens)
      .set({ revokedAt: now })
      .where(and(eq(sharedScreens.id, id), eq(sharedScreens.workspaceId, caller.workspace.id), isNull(sharedScreens.revokedAt)))
      .returning({ id: sharedScreens.id });
    if (revoked) {
      await recordAudit(tx, actorOf(caller), sharedScreenRevoked(now, id));
      return;
    }
    const [exists] = await tx
      .select({ id: sharedScreens.id })
      .from(sharedScreens)
      .where(and(eq(sharedScreens.id, id), eq(sharedScreens.workspaceId, caller.workspace.id)));
    if (!exists) throw notFound(`shared screen ${id}`);
  });
}

/** The workspace a shared link shows, with its settings; refuses a link nobody made, or one revoked or expired. */
export async function openSharedScreen(db: Db, secret: string, now: Date) {
  const [row] = await db
    .select({ screen: sharedScreens, workspace: { id: workspaces.id, name: workspaces.name, settings: workspaces.settings } })
    .from(sharedScreens)
    .innerJoin(workspaces, eq(workspaces.id, sharedScreens.workspaceId))
    .where(eq(sharedScreens.hash, hashToken(secret)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'this shared screen link is not one we made: check that it was copied whole');
  const state = tokenState(row.screen, now);
  if (state === 'revoked') throw new ApiError('gone', `this shared screen was revoked on ${utcMinute(row.screen.revokedAt!)}: ask for a new link`);
  if (state === 'expired') throw new ApiError('gone', `this shared screen expired on ${utcMinute(row.screen.expiresAt!)}: ask for a new link`);
  return { screen: asSharedScreen(row.screen), workspace: row.workspace };
}
