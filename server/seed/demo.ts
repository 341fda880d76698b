import { and, asc, count, eq } from 'drizzle-orm';
import type { InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import { CadencePolicy, policyForLeadType } from '../../lib/core/model/policy';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { ROLES, type AttemptChannel, type LifecycleStage, type Role } from '../../lib/core/model/vocabulary';
import { addUser, createWorkspace } from '../domain/admin';
import { createToken } from '../domain/tokens';
import { writeInWorkspace, type Db, type Tx } from '../store/db';
import { activities, attempts, contacts, content, scopeEntries, stageChanges, tokens, users, workspaces } from '../store/schema';
import { hashToken } from '../auth/tokens';
import { tokenState } from '../../lib/core/token-state';
import { DEMO_LIBRARY } from './content';
import { buildHistory, newsletterIssues, type ContactHistory } from './history';
import { DEMO_DOMAIN, DEMO_SITE, DEMO_TEAM } from './people';
import { seedDemoQuestions } from './questions';
import { Random } from './random';
import { buildRoster, type RosterEntry } from './roster';
import { stagePath, type SeedMove } from './stage-path';
import { recordStageChange } from '../domain/contacts/stage-history';

export const DEMO_WORKSPACE_ID = 'ws_demo';
export const DEMO_WORKSPACE_NAME = 'Northwind Demo';
export const DEMO_TIME_ZONE = 'America/New_York';
/** What the demo's tokens are called in a token list. */
const DEMO_TOKEN_NAME = 'demo sign-in';

export interface DemoCredential {
  role: Role;
  name: string;
  email: string;
  token: string;
}

export interface SeededDemo {
  workspaceId: string;
  workspaceName: string;
  credentials: DemoCredential[];
}

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(workspaces);
  return (row?.n ?? 0) > 0;
}

/** Demo requests and contact-us forms are hot: a first touch within the hour, and a tighter first follow-up. */
export const HOT_INBOUND_POLICY: CadencePolicy = CadencePolicy.parse({
  id: 'hot_inbound',
  name: 'Hot inbound: first touch in 1 business hour, 6 attempts in 14 days',
  leadTypes: ['demo_request', 'contact_us'],
  firstTouchBusinessHours: 1,
  attempts: 6,
  windowDays: 14,
  followUpBusinessHours: [4, 16, 16, 24, 24],
  dueSoonBusinessMinutes: 30,
  stepChannels: ['call', 'email', 'call', 'social', 'call', 'email'],
});

/** A planned channel per step, so the demo panel says what to do next ("Step 2 of 5 · Email · by …"). */
const alternatingChannels = (attempts: number): AttemptChannel[] => Array.from({ length: attempts }, (_, i) => (i % 2 === 0 ? 'call' : 'email'));

/** The defaults, plus the hot-inbound policy, the website as a tracking origin and a goal a 3-rep team can meet. */
export function demoSettings(): WorkspaceSettings {
  const base = defaultWorkspaceSettings(DEMO_TIME_ZONE, [DEMO_DOMAIN]);
  return WorkspaceSettings.parse({
    ...base,
    policies: [...base.policies.map((p) => ({ ...p, stepChannels: alternatingChannels(p.attempts) })), HOT_INBOUND_POLICY],
    sla: { ...base.sla, mqlsPerRepPerMonth: 40 },
    tracking: { ...base.tracking, siteOrigins: [DEMO_SITE] },
  });
}

/** Rows go in this many at a time: few round trips, and far below PostgreSQL's limit on query parameters. */
const CHUNK = 500;

/**
 * Creates the demo workspace "Northwind Demo" (docs/running.md § npm start and the demo): its team with a fresh token each, the content library,
 * ~300 contacts across the funnel with 60 days of history up to `now`, in one transaction. The same seed and `now`
 * give the same rows; only tokens and the site key differ.
 */
export async function seedDemo(db: Db, options: { now: Date; seed?: number }): Promise<SeededDemo> {
  const { now } = options;
  const rng = new Random(options.seed ?? 1);
  const settings = demoSettings();
  // Who the contacts are never depends on now; their histories are drawn per contact, each from its own stream.
  const roster = buildRoster(rng.fork(1));
  const histories = rng.fork(2);
  const newsletters = newsletterIssues(now);
  const lives = roster.map((entry) => ({
    entry,
    history: buildHistory(entry, {
      now,
      calendar: settings.calendar,
      policy: policyForLeadType(settings.policies, entry.leadType),
      newsletters,
      rng: histories.fork(entry.index + 1),
    }),
  }));

  return writeInWorkspace(db, DEMO_WORKSPACE_ID, async (tx) => {
    await createWorkspace(tx, { id: DEMO_WORKSPACE_ID, name: DEMO_WORKSPACE_NAME, timeZone: DEMO_TIME_ZONE, domains: [DEMO_DOMAIN] });
    await tx.update(workspaces).set({ settings }).where(eq(workspaces.id, DEMO_WORKSPACE_ID));
    const credentials: DemoCredential[] = [];
    for (const member of DEMO_TEAM) {
      await addUser(tx, { id: member.id, workspaceId: DEMO_WORKSPACE_ID, email: member.email, name: member.name, role: member.role });
      credentials.push({ role: member.role, name: member.name, email: member.email, token: (await createToken(tx, null, member.id, { name: DEMO_TOKEN_NAME }, now)).secret });
    }
    // The library as marketing wrote it: its assists are counted from the customers' wins below, never written here.
    await insertInChunks(tx, content, libraryRows(now));
    const paths = lives.map((life) => ({ ...life, path: stagePath(life.entry, life.history, now) }));
    // A customer starts as the opportunity it was before its win: the win is recorded last, like any writer's.
    await insertInChunks(tx, contacts, paths.map(({ entry, history }) => contactRow(entry, history, entry.stage === 'customer' ? 'opportunity' : entry.stage)));
    await insertInChunks(
      tx,
      stageChanges,
      paths.flatMap(({ entry, path }) => (entry.stage === 'customer' ? path.slice(0, -1) : path).map((move, i) => stageChangeRow(entry, move, i))),
    );
    await insertInChunks(
      tx,
      scopeEntries,
      lives.flatMap(({ entry }) => (entry.owner ? [{ userId: entry.owner.id, contactId: entry.id, lookedUpAt: null }] : [])),
    );
    await insertInChunks(tx, attempts, lives.flatMap(({ entry, history }) => history.attempts.map((a) => ({ ...a, workspaceId: DEMO_WORKSPACE_ID, contactId: entry.id }))));
    await insertInChunks(
      tx,
      activities,
      lives.flatMap(({ entry, history }) =>
        history.activities.map(({ trust, ...a }) => ({ ...a, workspaceId: DEMO_WORKSPACE_ID, contactId: entry.id, trustLabel: trust.label, trustReason: trust.reason })),
      ),
    );
    // Now that what the customers read is on record, each is won the way a rep wins one: the stage written, then
    // recorded through recordStageChange, which counts the content assists.
    for (const { entry, history, path } of paths) {
      if (entry.stage !== 'customer') continue;
      const win = path[path.length - 1]!;
      await tx
        .update(contacts)
        .set({ stage: 'customer', updatedAt: new Date(Math.max(history.updatedAt.getTime(), win.at.getTime())) })
        .where(eq(contacts.id, entry.id));
      await recordStageChange(tx, { workspaceId: DEMO_WORKSPACE_ID, contactId: entry.id, from: win.from, to: win.to, at: win.at, by: win.by, id: stageChangeId(entry, path.length - 1) });
    }
    await seedDemoQuestions(tx, lives, { id: DEMO_WORKSPACE_ID, name: DEMO_WORKSPACE_NAME, settings }, now);
    return { workspaceId: DEMO_WORKSPACE_ID, workspaceName: DEMO_WORKSPACE_NAME, credentials };
  });
}

/**
 * A token for each enabled user of the demo workspace, so a restart can print working credentials again: the one kept
 * from the last start (`kept`, by email) while it still works, else a fresh one (the old tokens keep working: an
 * extension signed in with one stays signed in). Null when there is no demo workspace.
 */
export async function refreshDemoCredentials(db: Db, now: Date, kept: Readonly<Record<string, string>> = {}): Promise<SeededDemo | null> {
  const [workspace] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, DEMO_WORKSPACE_ID));
  if (!workspace) return null;
  const members = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, DEMO_WORKSPACE_ID), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt), asc(users.id));
  // Reps first, then manager, marketing and admin, as seedDemo printed them.
  members.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const credentials: DemoCredential[] = [];
  for (const m of members) {
    const keep = kept[m.email];
    const token = keep !== undefined && (await tokenWorksFor(db, keep, m.id, now)) ? keep : (await createToken(db, null, m.id, { name: DEMO_TOKEN_NAME }, now)).secret;
    credentials.push({ role: m.role, name: m.name, email: m.email, token });
  }
  return { workspaceId: DEMO_WORKSPACE_ID, workspaceName: workspace.name, credentials };
}

/** Whether the secret is a live token of the user: a kept demo token revoked on the Team page is not printed again. */
async function tokenWorksFor(db: Db, secret: string, userId: string, now: Date): Promise<boolean> {
  const [row] = await db.select().from(tokens).where(and(eq(tokens.hash, hashToken(secret)), eq(tokens.userId, userId)));
  return row !== undefined && tokenState(row, now) === 'active';
}

function contactRow(entry: RosterEntry, history: ContactHistory, stage: LifecycleStage): InferInsertModel<typeof contacts> {
  const { person } = entry;
  return {
    id: entry.id,
    workspaceId: DEMO_WORKSPACE_ID,
    email: entry.email,
    name: entry.name,
    title: person.title,
    company: person.company.name,
    seniority: person.seniority,
    country: person.company.country,
    companySize: person.company.size,
    industry: person.company.industry,
    businessModel: person.company.businessModel,
    phone: entry.phone,
    stage,
    stageReason: entry.stageReason,
    leadType: entry.leadType,
    source: entry.source,
    ownerId: entry.owner?.id ?? null,
    assignedAt: history.assignedAt,
    pauses: history.pauses,
    createdAt: history.createdAt,
    updatedAt: history.updatedAt,
  };
}

/** The library as marketing wrote it, with no assists: those come from the customers' wins. */
function libraryRows(now: Date): InferInsertModel<typeof content>[] {
  return DEMO_LIBRARY.map(({ gated: _gated, ...item }, i) => ({
    ...item,
    workspaceId: DEMO_WORKSPACE_ID,
    // Written over the past months, the newest most recently.
    updatedAt: new Date(now.getTime() - (DEMO_LIBRARY.length - i) * 5 * 24 * 60 * 60 * 1000),
  }));
}

/** Stage change ids follow from the contact and the step, so the same seed and now make the same rows. */
const stageChangeId = (entry: RosterEntry, step: number) => `sc_demo_${entry.id}_${step + 1}`;

function stageChangeRow(entry: RosterEntry, move: SeedMove, step: number): InferInsertModel<typeof stageChanges> {
  return {
    workspaceId: DEMO_WORKSPACE_ID,
    id: stageChangeId(entry, step),
    contactId: entry.id,
    fromStage: move.from,
    toStage: move.to,
    at: move.at,
    actorKind: move.by.kind,
    actorId: move.by.kind === 'user' ? move.by.userId : null,
    rule: move.by.kind === 'rule' ? move.by.rule : null,
    reason: move.reason,
  };
}

async function insertInChunks<T extends PgTable>(tx: Tx, table: T, rows: InferInsertModel<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
}
