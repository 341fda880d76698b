import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cadenceState } from '../../lib/core/cadence';
import type { Activity } from '../../lib/core/model/activity';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import type { CadenceStatus } from '../../lib/core/model/derived';
import { policyForLeadType } from '../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { JOURNEY_STAGES, LIFECYCLE_STAGES } from '../../lib/core/model/vocabulary';
import { suggestContent } from '../../lib/core/content-suggestions';
import { QuestionGroupPage } from '../../lib/core/model/questions';
import { questionKey } from '../../lib/core/questions/group-key';
import { demoSettings, seedDemo, type SeededDemo } from '../../server/seed/demo';
import { DEMO_QUESTIONS } from '../../server/seed/questions';
import { SHOWCASE_CONTACTS } from '../../server/seed/showcase';
import { DEMO_TEAM } from '../../server/seed/people';
import { openStore, type Db, type Store } from '../../server/store/db';
import { toActivity, toAttempt, toContact, toContentItem, toQuestion, toQuestionAnswer } from '../../server/store/rows';
import { activities, attempts, contacts, content, questionAnswers, questions, scopeEntries, stageChanges, users, workspaces } from '../../server/store/schema';
import { STORE_KINDS, freshPostgresDatabase, serverForSuite, type StoreKind } from './harness';
import { DAY_MS } from '../../lib/core/time-units';

// Wednesday 4 March 2026, 11:20 in New York.
const NOW = new Date('2026-03-04T16:20:00Z');

interface DemoRows {
  settings: WorkspaceSettings;
  contacts: Contact[];
  attempts: Attempt[];
  activities: Activity[];
}

async function demoRows(db: Db): Promise<DemoRows> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, 'ws_demo'));
  return {
    settings: ws!.settings,
    contacts: (await db.select().from(contacts).orderBy(asc(contacts.id))).map(toContact),
    attempts: (await db.select().from(attempts).orderBy(asc(attempts.id))).map(toAttempt),
    activities: (await db.select().from(activities).orderBy(asc(activities.id))).map(toActivity),
  };
}

/** Each owned contact's cadence status, as lib/core computes it at `now`. */
function cadenceStatuses(rows: DemoRows, now: Date): Map<string, CadenceStatus> {
  const statuses = new Map<string, CadenceStatus>();
  for (const contact of rows.contacts) {
    const state = cadenceState({
      contact,
      policy: policyForLeadType(rows.settings.policies, contact.leadType),
      calendar: rows.settings.calendar,
      attempts: rows.attempts.filter((a) => a.contactId === contact.id),
      activities: rows.activities.filter((a) => a.contactId === contact.id),
      now,
    });
    if (state) statuses.set(contact.email, state.status);
  }
  return statuses;
}

async function openFresh(kind: StoreKind): Promise<Store> {
  return kind === 'postgres' ? openStore({ databaseUrl: await freshPostgresDatabase() }) : openStore({ memory: true });
}

describe.each(STORE_KINDS)('the demo workspace on %s', (kind) => {
  let seeded: SeededDemo;
  let rows: DemoRows;

  const server = serverForSuite(kind, { now: NOW.toISOString() });
  beforeAll(async () => {
    seeded = await seedDemo(server.store.db, { now: NOW });
    rows = await demoRows(server.store.db);
  }, 120_000);

  it('is Northwind Demo in New York, with a team of six whose printed tokens work', async () => {
    expect(seeded.workspaceId).toBe('ws_demo');
    expect(seeded.workspaceName).toBe('Northwind Demo');
    expect(seeded.credentials.map((c) => c.role)).toEqual(['rep', 'rep', 'rep', 'manager', 'marketing', 'admin']);
    expect(await server.store.db.select().from(users)).toHaveLength(6);
    for (const credential of seeded.credentials) {
      const res = await server.api(credential.token, '/v1/me');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        user: { email: credential.email, name: credential.name, role: credential.role },
        workspace: { id: 'ws_demo', name: 'Northwind Demo', domains: ['northwind.example'] },
        calendar: { timeZone: 'America/New_York' },
      });
    }
  });

  it('holds 300 contacts in every lifecycle stage and lead type, with believable profiles', () => {
    expect(rows.contacts).toHaveLength(300);
    const stages = new Set(rows.contacts.map((c) => c.stage));
    expect([...stages].sort()).toEqual([...LIFECYCLE_STAGES].sort());
    const leadTypes = new Set(rows.contacts.map((c) => c.leadType));
    for (const type of ['demo_request', 'content_download', 'trial', 'event', 'referral', 'contact_us']) expect(leadTypes).toContain(type);
    expect(rows.contacts.filter((c) => c.email.endsWith('@gmail.com')).length).toBeGreaterThan(0);
    expect(new Set(rows.contacts.map((c) => c.email)).size).toBe(300);
    for (const c of rows.contacts) {
      expect(c.name).toMatch(/^\S+ \S+/);
      expect(c.company).not.toBeNull();
      expect(c.title).not.toBeNull();
      expect(c.seniority).not.toBeNull();
      expect(c.country).toMatch(/^[A-Z]{2}$/);
      expect(c.companySize).toBeGreaterThan(0);
      expect(c.industry).not.toBeNull();
      expect(['b2b', 'b2c']).toContain(c.businessModel);
      // The rep's own domain is never a lead.
      expect(c.email.endsWith('@northwind.example')).toBe(false);
    }
    // Recycled and disqualified contacts say why.
    for (const c of rows.contacts.filter((x) => x.stage === 'recycled' || x.stage === 'disqualified')) expect(c.stageReason).not.toBeNull();
  });

  it("has prospects' questions noted in several wordings, grouped by lib/core's key, three of them answered", async () => {
    for (const q of DEMO_QUESTIONS) expect(new Set(q.wordings.map(questionKey)).size).toBe(1);
    const marketing = seeded.credentials.find((c) => c.role === 'marketing')!;
    const res = await server.api(marketing.token, '/v1/questions');
    const page = QuestionGroupPage.parse(await res.json());
    // Each wording asked once, and Dana asked about SSO as well.
    expect(Object.fromEntries(page.groups.map((g) => [g.key, [g.count, g.answer?.contentId ?? null]]))).toEqual({
      'integr-salesforc': [4, 'ct_demo_integrations_guide'],
      'sso-support': [4, 'ct_demo_security_overview'],
      'implement-long-tak': [2, 'ct_demo_implementation_plan'],
      'compliant-soc': [2, null],
      'outlook-work': [2, null],
    });
    for (const g of page.groups) expect(g.byStage.lead + g.byStage.mql + g.byStage.sql + g.byStage.opportunity).toBe(g.count);
  });

  it("offers Dana the answer to the question she asked on Monday first", async () => {
    const dana = rows.contacts.find((c) => c.email === 'dana.reyes@brightwave.example')!;
    const asked = (await server.store.db.select().from(questions).where(eq(questions.contactId, dana.id))).map(toQuestion);
    expect(asked.map((q) => [q.text, q.stage, q.at])).toEqual([['Do you support SSO?', 'mql', '2026-03-02T16:20:00.000Z']]);
    const [first] = suggestContent({
      contact: dana,
      library: (await server.store.db.select().from(content)).map(toContentItem),
      activities: rows.activities.filter((a) => a.contactId === dana.id),
      attempts: rows.attempts.filter((a) => a.contactId === dana.id),
      questions: asked,
      answers: (await server.store.db.select().from(questionAnswers)).map(toQuestionAnswer),
      timeZone: rows.settings.calendar.timeZone,
      now: NOW,
    });
    expect(first).toMatchObject({ contentId: 'ct_demo_security_overview', reason: 'Answers the question they asked on Monday' });
  });

  it('puts every owned contact in its owner’s sync scope', async () => {
    const owned = rows.contacts.filter((c) => c.ownerId !== null);
    const scope = await server.store.db.select().from(scopeEntries);
    expect(scope.map((s) => `${s.userId}/${s.contactId}`).sort()).toEqual(owned.map((c) => `${c.ownerId}/${c.id}`).sort());
    expect(scope.every((s) => s.lookedUpAt === null)).toBe(true);
  });

  it('has a library of 15 to 20 items across journey stages', async () => {
    const library = await server.store.db.select().from(content);
    expect(library.length).toBeGreaterThanOrEqual(15);
    expect(library.length).toBeLessThanOrEqual(20);
    expect(new Set(library.map((c) => c.journeyStage))).toEqual(new Set(JOURNEY_STAGES));
    expect(library.every((c) => c.url.startsWith('https://www.northwind.example/resources/'))).toBe(true);
  });

  it('records how each contact reached its stage, in time order, never after now, its customers won by their reps', async () => {
    const history = await server.store.db.select().from(stageChanges).orderBy(asc(stageChanges.at));
    const reps = new Set(DEMO_TEAM.filter((m) => m.role === 'rep').map((m) => m.id));
    for (const contact of rows.contacts) {
      const path = history.filter((h) => h.contactId === contact.id);
      expect(path[0]!.fromStage).toBeNull();
      expect(path.at(-1)!.toStage).toBe(contact.stage);
      path.slice(1).forEach((h, i) => expect(h.fromStage).toBe(path[i]!.toStage));
      expect(path.every((h) => h.at.getTime() <= NOW.getTime() && !h.reconstructed)).toBe(true);
      if (contact.stage === 'customer') expect(path.map((h) => h.toStage)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
      if (contact.stage === 'customer') expect(reps.has(path.at(-1)!.actorId!)).toBe(true);
    }
  });

  it('counts its assists from what its customers read before their wins, as a recount by hand does', async () => {
    const library = await server.store.db.select().from(content);
    const wins = await server.store.db.select().from(stageChanges).where(eq(stageChanges.toStage, 'customer'));
    // By hand: each customer once per item read by a person (a named item, or a view or download of its URL) in the
    // 180 days before the win.
    const expected = new Map(library.map((c) => [c.id, 0]));
    for (const win of wins) {
      const wonAt = win.at.getTime();
      const read = new Set(
        rows.activities
          .filter((a) => a.contactId === win.contactId && a.trust.label !== 'machine' && Date.parse(a.at) < wonAt && Date.parse(a.at) >= wonAt - 180 * DAY_MS)
          .flatMap((a) => library.filter((c) => c.id === a.contentId || ((a.type === 'page_view' || a.type === 'content_download') && a.url === c.url)).map((c) => c.id)),
      );
      for (const id of read) expected.set(id, expected.get(id)! + 1);
    }
    expect(wins.length).toBe(rows.contacts.filter((c) => c.stage === 'customer').length);
    expect(Object.fromEntries(library.map((c) => [c.id, c.assists]))).toEqual(Object.fromEntries(expected));
    expect(library.filter((c) => c.assists > 0).length).toBeGreaterThan(3);
  });

  it('has 60 days of history, machine opens and clicks labelled by lib/core with their reasons', () => {
    const { activities: all } = rows;
    expect(all.length).toBeGreaterThan(1000);
    for (const a of all) {
      expect(Date.parse(a.at)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(a.at)).toBeGreaterThanOrEqual(NOW.getTime() - 60 * DAY_MS);
    }
    const reasons = new Set(all.map((a) => `${a.type} ${a.trust.label}: ${a.trust.reason.replace(/\d+(\.\d)? s/, 'N s')}`));
    for (const expected of [
      'email_open machine: Apple Mail Privacy Protection prefetch',
      'email_open machine: opened N s after sending: an automatic fetch',
      'email_open proxy: opened in Gmail (Google image proxy)',
      'email_open human: opened in a mail client',
      'email_click machine: security scanner (Proofpoint)',
      'email_click machine: every link clicked within N s: a link scanner',
      'email_click human: clicked by a person',
      'email_reply machine: automatic out-of-office reply',
      'email_reply human: a person replied',
      'meeting_booked human: booked on the calendar page',
    ]) {
      expect(reasons).toContain(expected);
    }
    const pages = all.filter((a) => a.type === 'page_view').map((a) => a.url);
    for (const path of ['/pricing', '/features', '/blog/']) expect(pages.some((u) => u?.startsWith(`https://www.northwind.example${path}`))).toBe(true);
    expect(all.filter((a) => a.type === 'content_download').every((a) => a.contentId?.startsWith('ct_demo_'))).toBe(true);
    expect(all.some((a) => a.type === 'email_reply' && a.outOfOffice)).toBe(true);
  });

  it('leaves leads in every cadence status relative to now', () => {
    const counts = new Map<CadenceStatus, number>();
    for (const status of cadenceStatuses(rows, NOW).values()) counts.set(status, (counts.get(status) ?? 0) + 1);
    for (const status of ['first_touch_due', 'on_track', 'due', 'overdue', 'breached', 'complete', 'exited'] as const) {
      expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    }
    // Undone attempts exist, and no attempt predates its lead's assignment.
    expect(rows.attempts.some((a) => a.undoneAt !== null)).toBe(true);
    const assignedAt = new Map(rows.contacts.map((c) => [c.id, c.assignedAt]));
    for (const a of rows.attempts) {
      const assigned = assignedAt.get(a.contactId);
      if (assigned) expect(Date.parse(a.at)).toBeGreaterThanOrEqual(Date.parse(assigned));
    }
  });

  it('has the showcase contacts as documented', () => {
    const statuses = cadenceStatuses(rows, NOW);
    const dana = rows.contacts.find((c) => c.email === 'dana.reyes@brightwave.example');
    expect(dana).toMatchObject({ name: 'Dana Reyes', company: 'Brightwave', stage: 'mql', ownerId: 'u_demo_maya' });
    expect(seeded.credentials[0]).toMatchObject({ role: 'rep', email: 'maya.chen@northwind.example' });
    for (const showcase of SHOWCASE_CONTACTS) {
      const contact = rows.contacts.find((c) => c.email === showcase.email);
      expect(contact, showcase.email).toMatchObject({ name: showcase.name, company: showcase.company, title: showcase.title, stage: showcase.stage, leadType: showcase.leadType });
      const owner = seeded.credentials.find((c) => c.email === showcase.ownerEmail);
      expect(owner?.role ?? null, showcase.email).toBe(showcase.ownerEmail === null ? null : 'rep');
      expect(statuses.get(showcase.email) ?? null, showcase.email).toBe(showcase.cadenceStatus);
    }
  });

  it('tells the showcase stories in its activity', () => {
    const of = (email: string) => {
      const contact = rows.contacts.find((c) => c.email === email)!;
      return { activities: rows.activities.filter((a) => a.contactId === contact.id), attempts: rows.attempts.filter((a) => a.contactId === contact.id && a.undoneAt === null) };
    };
    const reasons = (list: Activity[], type: Activity['type'], label: Activity['trust']['label']) =>
      list.filter((a) => a.type === type && a.trust.label === label).map((a) => a.trust.reason);

    // Dana: three pricing views in three days, the two downloads, Maya's one email, Apple prefetches and a real open.
    const dana = of('dana.reyes@brightwave.example');
    const pricing = dana.activities.filter((a) => a.type === 'page_view' && a.url === 'https://www.northwind.example/pricing');
    expect(pricing).toHaveLength(3);
    expect(pricing.every((a) => Date.parse(a.at) >= NOW.getTime() - 3 * DAY_MS)).toBe(true);
    expect(dana.activities.filter((a) => a.type === 'content_download').map((a) => a.contentId).sort()).toEqual([
      'ct_demo_case_study_fernhill',
      'ct_demo_lead_response_benchmark_2026',
    ]);
    expect(dana.attempts.map((a) => [a.channel, a.userId])).toEqual([['email', 'u_demo_maya']]);
    expect(reasons(dana.activities, 'email_open', 'machine')).toContain('Apple Mail Privacy Protection prefetch');
    expect(dana.activities.some((a) => a.type === 'email_open' && a.trust.label !== 'machine')).toBe(true);

    expect(reasons(of('omar.haddad@corvane.example').activities, 'email_click', 'machine')).toContain('security scanner (Proofpoint)');
    expect(reasons(of('hana.sato@ironbarksystems.example').activities, 'email_click', 'machine').some((r) => r.endsWith(': a link scanner'))).toBe(true);
    expect(reasons(of('riley.brooks@gmail.com').activities, 'email_open', 'proxy')).toContain('opened in Gmail (Google image proxy)');
    expect(of('ethan.walsh@meridiancloud.example').attempts).toHaveLength(5);
    const marco = of('marco.bianchi@fernhilllogistics.example');
    expect(marco.activities.some((a) => a.type === 'meeting_booked')).toBe(true);
    expect(marco.activities.filter((a) => a.type === 'content_download').map((a) => a.contentId)).toEqual(
      expect.arrayContaining(['ct_demo_case_study_pinecrest', 'ct_demo_pricing_guide', 'ct_demo_security_overview']),
    );
  });

  it('holds its people and showcase statuses when seeded at night on a weekend', async () => {
    // Saturday 7 March 2026, 03:00 in New York, a fresh database.
    const saturdayNight = new Date('2026-03-07T08:00:00Z');
    const store = await openFresh(kind);
    try {
      await seedDemo(store.db, { now: saturdayNight });
      const later = await demoRows(store.db);
      const people = (list: Contact[]) => list.map((c) => `${c.id} ${c.email} ${c.stage} ${c.ownerId}`);
      expect(people(later.contacts)).toEqual(people(rows.contacts));
      const statuses = cadenceStatuses(later, saturdayNight);
      for (const showcase of SHOWCASE_CONTACTS) expect(statuses.get(showcase.email) ?? null, showcase.email).toBe(showcase.cadenceStatus);
      expect(new Set(statuses.values())).toEqual(new Set(['first_touch_due', 'on_track', 'due', 'overdue', 'breached', 'complete', 'exited', 'paused']));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('is deterministic: the same seed and now give the same rows in a fresh database', async () => {
    const store = await openFresh(kind);
    try {
      await seedDemo(store.db, { now: NOW });
      const again = await demoRows(store.db);
      const strip = <T extends { version: number }>(list: T[]) => list.map(({ version: _v, ...rest }) => rest);
      expect(strip(again.contacts)).toEqual(strip(rows.contacts));
      expect(strip(again.attempts)).toEqual(strip(rows.attempts));
      expect(strip(again.activities)).toEqual(strip(rows.activities));
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('the demo workspace settings', () => {
  it('plan a channel for every step of every policy, so the demo panel says what to do next', () => {
    for (const policy of demoSettings().policies) {
      expect(policy.stepChannels, policy.id).toHaveLength(policy.attempts);
      expect(policy.stepChannels[0], policy.id).toBe('call');
    }
  });
});
