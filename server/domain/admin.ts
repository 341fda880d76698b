import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import type { Role } from '../../lib/core/model/vocabulary';
import { newId } from '../auth/tokens';
import type { Db } from '../store/db';
import { users, workspaces } from '../store/schema';

export interface NewWorkspace {
  name: string;
  timeZone?: string;
  domains?: string[];
  id?: string;
}

/** A workspace with the default settings (docs/vocabulary.md § SLA, both ways: 4 business hours, 5 attempts in 14 days, Mon–Fri 9–17). */
export async function createWorkspace(db: Db, input: NewWorkspace): Promise<{ id: string; siteKey: string }> {
  const id = input.id ?? newId('ws');
  const siteKey = `site_${randomBytes(12).toString('base64url')}`;
  await db.insert(workspaces).values({
    id,
    name: input.name,
    siteKey,
    settings: defaultWorkspaceSettings(input.timeZone ?? 'UTC', input.domains ?? []),
  });
  return { id, siteKey };
}

export interface NewUser {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  id?: string;
}

export async function addUser(db: Db, input: NewUser): Promise<{ id: string }> {
  const id = input.id ?? newId('u');
  await db.insert(users).values({ id, workspaceId: input.workspaceId, email: input.email.trim().toLowerCase(), name: input.name, role: input.role });
  return { id };
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user ?? null;
}
