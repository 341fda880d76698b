// Runs inside the API's process (../support/server-child.ts): a large sales workspace written straight in SQL.
import { eq, sql } from 'drizzle-orm';
import { addUser, createWorkspace, findUserByEmail } from '../../server/domain/admin';
import { signInLinkFor } from '../../server/domain/sign-in';
import { createToken } from '../../server/domain/tokens';
import type { Db } from '../../server/store/db';
import { activities, attempts, contacts, stageChanges, workspaces } from '../../server/store/schema';
import type { ChildServer } from '../support/server-child';

export { startTimer, takeTimes } from './sync-load.server';

export interface SeedSpec {
  contacts: number;
  activitiesPerContact: number;
  /** One reply and one booked meeting in every this many activities (100 unless said): the rest are page views and opens. */
  exitsEvery?: number;
  reps: number;
  /** ISO instant the data is laid out back from (the run's now: the reports' default period is the last 30 days). */
  now: string;
}

export interface Seeded {
  workspaceId: string;
  managerToken: string;
  /** The manager, for a one-time sign-in link (the dashboard figure). */
  managerEmail: string;
  seconds: number;
  rows: Record<'contacts' | 'activities' | 'attempts' | 'stageChanges', number>;
}

/** Rows of activities written per statement: each statement is bounded, and PGlite's memory with it. */
// Ids are zero-padded so that every index on them (and on contact_id) is appended to in order, as COPY of sorted rows.
const ACTIVITY_CHUNK = 250_000;

/**
 * A workspace of `reps` reps, a manager, and `contacts` contacts created evenly over the past year, as a team a year in
 * looks: older contacts mostly closed (opportunity, customer, recycled, disqualified), recent ones mostly open; four in
 * five owned, each owned one with up to three attempts; a stage history that leads to each contact's stage; and
 * `activitiesPerContact` activities each between its creation and now, 1 in `exitsEvery` of them a reply and 1 a booked
 * meeting (the activities that end a cadence, the only ones the SLA report reads). Written with generate_series in multi-row statements, as COPY would, not through
 * the API: versions are drawn from row_version as the triggers would, with the triggers (and foreign-key checks) off
 * for the load (`session_replication_role = replica`). Then ANALYZE, as autovacuum would soon after a load.
 */
export async function seedWorkspace(server: ChildServer, spec: SeedSpec): Promise<Seeded> {
  const started = performance.now();
  const db = server.store.db;
  const ws = await createWorkspace(db, { name: 'Reports bench team', timeZone: 'America/New_York', domains: ['reports-bench.example'] });
  // The workspace id in the local part: a domain may not hold its underscores, and addresses are unique across workspaces.
  const managerEmail = `manager.${ws.id}@reports-bench.example`.toLowerCase();
  const manager = await addUser(db, { workspaceId: ws.id, email: managerEmail, name: 'Morgan Manager', role: 'manager' });
  const managerToken = (await createToken(db, null, manager.id, { name: 'bench' }, new Date())).secret;
  const w = ws.id;
  const n = spec.contacts;
  // Every fragment below is made of numbers and names this function made (the id is newId's), so it is inlined as SQL.
  if (!/^[A-Za-z0-9_-]+$/.test(w) || !Number.isInteger(n) || !Number.isInteger(spec.reps)) throw new Error('unexpected workspace id or counts');
  const now = `'${new Date(spec.now).toISOString()}'::timestamptz`;
  // Contact i, as every statement below derives it (nothing is joined: each table is generated on its own).
  const age = (i: string) => `((${i} + 0.5) * (365.0 / ${Math.max(1, n)}))`; // days before now (no contacts: never read)
  const created = (i: string) => `(${now} - ${age(i)} * interval '1 day')`;
  const bucket = (i: string) => `(abs(hashint4(${i}::int)) % 100)`;
  const owned = (i: string) => `(abs(hashint4((${i}) * 3 + 1)) % 5 <> 0)`;
  const owner = (i: string) => `('u_${w}_rep_' || (abs(hashint4((${i}) * 3 + 2)) % ${spec.reps}))`;
  const stage = (i: string) => {
    const b = bucket(i);
    return `(case when ${age(i)} < 30 then
        case when ${b} < 45 then 'lead' when ${b} < 75 then 'mql' when ${b} < 88 then 'sql' when ${b} < 94 then 'opportunity' when ${b} < 97 then 'recycled' else 'disqualified' end
      else
        case when ${b} < 12 then 'lead' when ${b} < 16 then 'mql' when ${b} < 20 then 'sql' when ${b} < 30 then 'opportunity' when ${b} < 40 then 'customer' when ${b} < 75 then 'recycled' else 'disqualified' end
      end)`;
  };
  const r = sql.raw;

  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into users (id, workspace_id, email, name, role)
      select ${`u_${w}_rep_`} || r, ${w}, lower('rep' || r || '.' || ${w} || '@reports-bench.example'), 'Rep ' || lpad(r::text, 2, '0'), 'rep'
      from generate_series(0, ${r(String(spec.reps - 1))}) r`);
    await tx.execute(sql`
      insert into contacts (id, workspace_id, email, name, company, stage, lead_type, source, owner_id, assigned_at, created_at, updated_at, version)
      select ${`c_${w}_`} || lpad(i::text, 7, '0'), ${w}, 'lead' || i || '@prospect' || (i % 5000) || '.example', 'Lead ' || i, 'Prospect ' || (i % 5000), ${r(stage('i'))},
        (array['demo_request','content_download','trial','event','referral','contact_us'])[1 + abs(hashint4(i * 7 + 3)) % 6],
        (array['website','referral','event','paid','outbound'])[1 + abs(hashint4(i * 7 + 4)) % 5],
        case when ${r(owned('i'))} then ${r(owner('i'))} end,
        case when ${r(owned('i'))} then ${r(created('i'))} + interval '1 hour' * least(1, ${r(age('i'))} * 12) end,
        ${r(created('i'))}, ${r(now)}, nextval('row_version')
      from generate_series(0, ${r(String(n - 1))}) i`);
    // Each contact's history up to its stage: entered as a lead, then mql, then the verdict and what followed.
    await tx.execute(sql`
      insert into stage_changes (workspace_id, id, contact_id, from_stage, to_stage, at, actor_kind, actor_id, rule, reason, reason_code, outcome, deal_value, version)
      select ${w}, 'sc_' || i || '_' || step, ${`c_${w}_`} || lpad(i::text, 7, '0'), prev, next, ${r(created('i'))} + ${r(age('i'))} * frac * interval '1 day',
        case when step = 0 then 'import' when step = 1 then 'rule' else 'user' end,
        case when step >= 2 and ${r(owned('i'))} then ${r(owner('i'))} end,
        case when step = 1 then 'mql_threshold' end,
        case when next in ('recycled', 'disqualified') then 'No budget this year' end,
        case when next in ('recycled', 'disqualified') then 'other' end,
        case when next = 'customer' then 'won' end,
        case when next = 'customer' then 12000 end,
        nextval('row_version')
      from (select i, ${r(stage('i'))} as final from generate_series(0, ${r(String(n - 1))}) i) c
      cross join lateral (values
        (0, null, 'lead', 0.0),
        (1, 'lead', 'mql', 0.1),
        (2, 'mql', case when final in ('recycled', 'disqualified') then final else 'sql' end, 0.3),
        (3, 'sql', 'opportunity', 0.5),
        (4, 'opportunity', 'customer', 0.7)
      ) as s(step, prev, next, frac)
      where step = 0
        or (step = 1 and final <> 'lead')
        or (step = 2 and final not in ('lead', 'mql'))
        or (step = 3 and final in ('opportunity', 'customer'))
        or (step = 4 and final = 'customer')`);
    // One owned lead in ten untouched; the others a call within the hour or two, an email a day later, a call at three days.
    await tx.execute(sql`
      insert into attempts (id, workspace_id, contact_id, user_id, channel, outcome, at, version)
      select 'att_' || i || '_' || k, ${w}, ${`c_${w}_`} || lpad(i::text, 7, '0'), ${r(owner('i'))}, case when k = 2 then 'email' else 'call' end, 'no_answer', at, nextval('row_version')
      from generate_series(0, ${r(String(n - 1))}) i
      cross join lateral (values (1, interval '150 minutes'), (2, interval '1 day 2 hours'), (3, interval '3 days 2 hours')) as a(k, after)
      cross join lateral (select ${r(created('i'))} + after as at) t
      where ${r(owned('i'))} and abs(hashint4(i * 3 + 5)) % 10 <> 0 and at < ${r(now)}`);
  });
  const total = n * spec.activitiesPerContact;
  for (let first = 0; first < total; first += ACTIVITY_CHUNK) {
    const last = Math.min(total, first + ACTIVITY_CHUNK) - 1;
    const a = spec.activitiesPerContact;
    const every = spec.exitsEvery ?? 100;
    if (!Number.isInteger(every) || every < 8) throw new Error('exitsEvery must be a whole number of at least 8');
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into activities (id, workspace_id, contact_id, type, at, url, title, trust_label, trust_reason, version)
        select ${`act_${w}_`} || lpad(g::text, 10, '0'), ${w}, ${`c_${w}_`} || lpad(i::text, 7, '0'), case g % ${r(String(every))} when 7 then 'email_reply' when 3 then 'meeting_booked' when 1 then 'email_open' when 5 then 'email_open' else 'page_view' end,
          ${r(created('i'))} + ${r(age('i'))} * ((g % ${r(String(a))}) + 0.5) / ${r(String(a))} * interval '1 day',
          'https://www.reports-bench.example/pricing?v=' || (g % 40), 'Pricing', 'human', 'seen on your website', nextval('row_version')
        from generate_series(${r(String(first))}::bigint, ${r(String(last))}::bigint) g
        cross join lateral (select (g / ${r(String(a))})::int as i) c`);
    });
  }
  // VACUUM as autovacuum soon would after a load: it also marks the pages all-visible, as a table's older pages are.
  await db.execute(sql`vacuum analyze`);
  return { workspaceId: w, managerToken, managerEmail, seconds: (performance.now() - started) / 1000, rows: await counted(db, w) };
}

async function counted(db: Db, w: string): Promise<Seeded['rows']> {
  const [row] = await db
    .select({
      contacts: sql<number>`(select count(*)::int from ${contacts} where ${contacts.workspaceId} = ${w})`,
      activities: sql<number>`(select count(*)::int from ${activities} where ${activities.workspaceId} = ${w})`,
      attempts: sql<number>`(select count(*)::int from ${attempts} where ${attempts.workspaceId} = ${w})`,
      stageChanges: sql<number>`(select count(*)::int from ${stageChanges} where ${stageChanges.workspaceId} = ${w})`,
    })
    .from(workspaces)
    .where(eq(workspaces.id, w));
  return row!;
}

/** The reports' limit: every contact of the workspace read raw (one select, rows mapped as drizzle maps them), ms each. */
export async function timeContactsRead(server: ChildServer, args: { workspaceId: string; rounds: number }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < args.rounds + 1; i++) {
    const started = performance.now();
    await server.store.db.select().from(contacts).where(eq(contacts.workspaceId, args.workspaceId));
    if (i > 0) times.push(performance.now() - started); // the first warms the cache
  }
  return times;
}

/** A one-time sign-in link for the user, as `npm start` makes the demo's. */
export async function signInLink(server: ChildServer, args: { email: string }): Promise<string> {
  const user = await findUserByEmail(server.store.db, args.email);
  if (!user) throw new Error(`no user ${args.email}`);
  return (await signInLinkFor(server.store.db, null, user, server.publicUrl, new Date())).url;
}
