// Runs inside the API's process (../support/server-child.ts): workspaces of 2k to 200k contacts in one database, the
// measured rep of each owning the same number.
import { eq, sql } from 'drizzle-orm';
import { addUser, createWorkspace } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts } from '../../server/store/schema';
import type { ChildServer } from '../support/server-child';

export { startTimer, takeTimes } from './sync-load.server';

export interface ScaleWorkspace {
  workspaceId: string;
  token: string;
  repContactIds: string[];
  /** The other reps, who own every contact added to grow the workspace. */
  others: string[];
}

/** A workspace with the measured rep (`repContacts` contacts, each with its visits) and `otherReps` colleagues. */
export async function makeWorkspace(server: ChildServer, args: { tag: string; repContacts: number; otherReps: number; activitiesEach: number }): Promise<ScaleWorkspace> {
  const db = server.store.db;
  const domain = `${args.tag}.example`;
  const ws = await createWorkspace(db, { name: `Scale team ${args.tag}`, timeZone: 'America/New_York', domains: [domain] });
  const rep = await addUser(db, { workspaceId: ws.id, email: `rep@${domain}`, name: 'Measured rep', role: 'rep' });
  const others: string[] = [];
  for (let r = 0; r < args.otherReps; r++) others.push((await addUser(db, { workspaceId: ws.id, email: `other${r}@${domain}`, name: `Other ${r}`, role: 'rep' })).id);
  const token = (await createToken(db, null, rep.id, { name: 'bench' }, new Date())).secret;
  await insertContacts(server, { workspaceId: ws.id, from: 1, to: args.repContacts, owners: [rep.id], activitiesEach: args.activitiesEach });
  const repContactIds = Array.from({ length: args.repContacts }, (_, i) => contactId(ws.id, i + 1));
  return { workspaceId: ws.id, token, repContactIds, others };
}

/** Adds contacts owned by the other reps until the workspace holds `total`, then ANALYZE, as autovacuum would. */
export async function growTo(server: ChildServer, args: { workspaceId: string; total: number; others: string[]; activitiesEach: number }): Promise<number> {
  const [row] = await server.store.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(eq(contacts.workspaceId, args.workspaceId));
  const have = row!.n;
  // In slices, so no single statement holds hundreds of thousands of rows' worth of trigger state.
  for (let from = have + 1; from <= args.total; from += 20_000) {
    await insertContacts(server, { workspaceId: args.workspaceId, from, to: Math.min(args.total, from + 19_999), owners: args.others, activitiesEach: args.activitiesEach });
  }
  await server.store.db.execute(sql`analyze`);
  return args.total;
}

/** One new visit on one of the rep's contacts, written as the API writes (under the workspace lock). */
export async function addVisit(server: ChildServer, args: { workspaceId: string; contactId: string; n: string }): Promise<void> {
  await writeInWorkspace(server.store.db, args.workspaceId, (tx) =>
    tx.insert(activities).values({ id: `scale_visit_${args.n}`, workspaceId: args.workspaceId, contactId: args.contactId, type: 'page_view', at: new Date(), url: 'https://www.scale-team.example/pricing', title: 'Pricing', trustLabel: 'human', trustReason: 'seen on your website' }),
  );
}

const contactId = (workspaceId: string, n: number) => `${workspaceId}_c${n}`;

/**
 * Contacts `from`..`to` (owned in turn by `owners`), each owner's scope entry and `activitiesEach` visits, in three
 * set-based statements (generate_series), not one request each: seeding 200k contacts through the API would take longer
 * than the whole figure may.
 */
async function insertContacts(server: ChildServer, args: { workspaceId: string; from: number; to: number; owners: string[]; activitiesEach: number }): Promise<void> {
  const owners = sql`${`{${args.owners.join(',')}}`}::text[]`;
  const prefix = `${args.workspaceId}_c`;
  await writeInWorkspace(server.store.db, args.workspaceId, async (tx) => {
    await tx.execute(sql`
      insert into contacts (id, workspace_id, email, name, company, stage, lead_type, source, owner_id, assigned_at, created_at, updated_at)
      select ${prefix} || g, ${args.workspaceId}, 'lead' || g || '@prospect' || (g % 997) || '.example', 'Lead ' || g, 'Prospect ' || (g % 997),
             'mql', 'demo_request', 'website', (${owners})[1 + g % ${args.owners.length}], now(), now() - interval '30 days', now() - interval '30 days'
      from generate_series(${args.from}::int, ${args.to}::int) g`);
    await tx.execute(sql`
      insert into scope_entries (user_id, contact_id)
      select (${owners})[1 + g % ${args.owners.length}], ${prefix} || g from generate_series(${args.from}::int, ${args.to}::int) g`);
    await tx.execute(sql`
      insert into activities (id, workspace_id, contact_id, type, at, url, title, trust_label, trust_reason)
      select ${prefix} || g || '_a' || i, ${args.workspaceId}, ${prefix} || g, 'page_view', now() - (i || ' hours')::interval,
             'https://www.scale-team.example/pricing?v=' || i, 'Pricing', 'human', 'seen on your website'
      from generate_series(${args.from}::int, ${args.to}::int) g, generate_series(1, ${args.activitiesEach}::int) i`);
  });
}
