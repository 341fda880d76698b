import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TimelinePage } from '../../lib/core/model/api';
import type { Contact } from '../../lib/core/model/contact';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { SyncPage } from '../../lib/core/model/sync';
import type { EmailRegistrationResponse } from '../../lib/core/model/tracking';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts, stageChanges, workspaces } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// The MQL threshold rule over real HTTP: website activity (POST /v1/collect) and email opens (GET /o/:token) reach a
// contact, and the server moves a lead that now qualifies to mql in the same write.
//
// The workspace scores with the default model. Every contact here is a VP (senior buyer, 20) at a company of 200
// (50–5,000, 15): fit 35, threshold 30. Engagement threshold 25: a /pricing view today is "Viewed pricing" 9 +
// "Page views" 1 = 10, an email open 1; nothing here is old enough to decay by a visible amount (minutes, half-life 30
// days, and points round to whole numbers).

const NOW = '2026-01-20T15:00:00.000Z';
const SITE = 'https://www.acme.example';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const UA = {
  outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
};
const RULE = { actorKind: 'rule', actorId: null, rule: 'mql_threshold', reason: null, mutationId: null } as const;

describe.each(STORE_KINDS)('the MQL threshold rule on %s', (kind) => {
  let acme: TestWorkspace;
  let made = 0;
  const server = serverForSuite(kind, { now: NOW });
  const db = () => server.store.db;

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    await writeInWorkspace(db(), acme.id, async (tx) => {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, acme.id));
      await tx
        .update(workspaces)
        .set({ settings: { ...row!.settings, tracking: { ...trackingPolicyOf(row!.settings), siteOrigins: [SITE] } } })
        .where(eq(workspaces.id, acme.id));
    });
  }, 60_000);
  beforeEach(() => server.clock.set(NOW));

  async function newLead(stage: 'lead' | 'mql' | 'sql' = 'lead'): Promise<Contact> {
    const n = ++made;
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', {
      method: 'POST',
      json: { email: `vp${n}@buyer${n}.example`, name: `VP ${n}`, seniority: 'vp', companySize: 200, stage, ownerId: acme.users.rep!.id },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }

  /** The contact identifies on the site and views /pricing `views` times, one batch as t.js sends it. */
  async function viewsPricing(contact: Contact, views: number, fromSecond = 0) {
    const visitorId = `v_${contact.id}_${fromSecond}`;
    const events = [
      { id: `${visitorId}_id`, type: 'identify', url: `${SITE}/`, at: at(fromSecond), email: contact.email },
      ...Array.from({ length: views }, (_, i) => ({ id: `${visitorId}_${i}`, type: 'page_view', url: `${SITE}/pricing`, at: at(fromSecond + i + 1) })),
    ];
    server.clock.set(at(fromSecond + views + 1));
    const res = await fetch(`${server.url}/v1/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE },
      body: JSON.stringify({ siteKey: acme.siteKey, visitorId, events }),
    });
    expect(res.status).toBe(200);
  }

  /** `times` tracked emails to the contact, each opened once `secondsAfter` it was sent, through the given client. */
  async function opens(contact: Contact, times: number, userAgent: string, secondsAfter: number) {
    for (let i = 0; i < times; i++) {
      const sent = server.clock.now().toISOString();
      const reg = await server.api(acme.users.rep!.token, '/v1/emails', { method: 'POST', json: { contactId: contact.id, subject: 'Pricing for your team', sentAt: sent } });
      expect(reg.status).toBe(201);
      const { pixelUrl } = (await reg.json()) as EmailRegistrationResponse;
      server.clock.set(new Date(Date.parse(sent) + secondsAfter * 1000).toISOString());
      expect((await fetch(pixelUrl!, { headers: { 'user-agent': userAgent } })).status).toBe(200);
    }
  }

  async function stageOf(contactId: string) {
    const [row] = await db().select({ stage: contacts.stage, stageReason: contacts.stageReason }).from(contacts).where(eq(contacts.id, contactId));
    return row;
  }
  async function historyOf(contactId: string) {
    const rows = await db().select().from(stageChanges).where(eq(stageChanges.contactId, contactId)).orderBy(asc(stageChanges.at), asc(stageChanges.version));
    return rows.map((r) => ({ from: r.fromStage, to: r.toStage, at: r.at.toISOString(), actorKind: r.actorKind, actorId: r.actorId, rule: r.rule, reason: r.reason, mutationId: r.mutationId }));
  }
  /** How many of the contact's activities carry each trust label (website activity is human). */
  async function labelsOf(contactId: string) {
    const rows = await db().select({ label: activities.trustLabel }).from(activities).where(eq(activities.contactId, contactId));
    const counts: Record<string, number> = {};
    for (const { label } of rows) counts[label] = (counts[label] ?? 0) + 1;
    return counts;
  }
  const created = (stage: string) => ({ from: null, to: stage, at: NOW, actorKind: 'user', actorId: acme.users.manager!.id, rule: null, reason: null, mutationId: null });

  async function setScoring(change: Record<string, unknown>, token = acme.users.marketing!.token) {
    const settings = (await (await server.api(token, '/v1/settings')).json()) as WorkspaceSettings;
    return server.api(token, '/v1/settings', { method: 'PUT', json: { ...settings, scoring: { ...settings.scoring, ...change } } });
  }

  it('moves a lead whose site visits cross the thresholds to mql, recorded as the rule, in the write that crossed them', async () => {
    const lead = await newLead();
    const repCursor = (await (await server.api(acme.users.rep!.token, '/v1/sync')).json()).cursor as string;
    // Two views: engagement 20, below 25; it stays a lead.
    await viewsPricing(lead, 2);
    expect(await stageOf(lead.id)).toEqual({ stage: 'lead', stageReason: null });
    expect(await historyOf(lead.id)).toEqual([created('lead')]);
    // A third, in a later visit: 30. The batch that brought it moved the lead, at its arrival.
    await viewsPricing(lead, 1, 60);
    expect(await stageOf(lead.id)).toEqual({ stage: 'mql', stageReason: null });
    expect(await historyOf(lead.id)).toEqual([created('lead'), { from: 'lead', to: 'mql', at: at(62), ...RULE }]);

    // The rep's next pull carries the contact at mql and the rule's entry; the timeline route has it too.
    const page = SyncPage.parse(await (await server.api(acme.users.rep!.token, `/v1/sync?cursor=${repCursor}`)).json());
    expect(page.contacts.map((c) => [c.id, c.stage])).toEqual([[lead.id, 'mql']]);
    expect(page.stageChanges.map((s) => [s.from, s.to, s.actor])).toEqual([['lead', 'mql', { kind: 'rule', userId: null, name: null, rule: 'mql_threshold' }]]);
    const timeline = (await (await server.api(acme.users.rep!.token, `/v1/contacts/${lead.id}/timeline`)).json()) as TimelinePage;
    expect(timeline.items[0]).toMatchObject({ kind: 'stage', stageChange: { from: 'lead', to: 'mql', at: at(62), actor: { kind: 'rule', rule: 'mql_threshold' } } });

    // Already an MQL: more activity records nothing more.
    await viewsPricing(lead, 3, 120);
    expect(await historyOf(lead.id)).toHaveLength(2);
  });

  it('counts email opens by a person or through a proxy, and never machine ones', async () => {
    const lead = await newLead();
    await viewsPricing(lead, 2); // 20
    // Five emails opened 1 s after sending: software fetching the pixel, not a person. Nothing counts, nothing moves.
    await opens(lead, 5, UA.outlook, 1);
    expect(await labelsOf(lead.id)).toEqual({ human: 2, machine: 5 });
    expect(await stageOf(lead.id)).toEqual({ stage: 'lead', stageReason: null });
    // Four opens by a person (24), then one through Gmail's proxy (25): the fifth crosses.
    await opens(lead, 4, UA.outlook, 600);
    expect(await labelsOf(lead.id)).toEqual({ human: 6, machine: 5 });
    expect((await stageOf(lead.id))?.stage).toBe('lead');
    await opens(lead, 1, UA.gmailProxy, 600);
    expect(await labelsOf(lead.id)).toEqual({ human: 6, proxy: 1, machine: 5 });
    expect(await stageOf(lead.id)).toEqual({ stage: 'mql', stageReason: null });
    expect((await historyOf(lead.id)).slice(1)).toEqual([{ from: 'lead', to: 'mql', at: server.clock.now().toISOString(), ...RULE }]);
  });

  it('brings a recycled contact that qualifies again back to mql, clearing the recycle reason', async () => {
    const lead = await newLead();
    const recycle = { id: `m-recycle-${lead.id}`, type: 'contact.recycle', at: NOW, contactId: lead.id, reason: 'not now, maybe in spring' };
    const pushed = await server.api(acme.users.rep!.token, '/v1/mutations', { method: 'POST', json: { mutations: [recycle] } });
    expect((await pushed.json()).results).toEqual([{ id: recycle.id, status: 'applied' }]);
    expect(await stageOf(lead.id)).toEqual({ stage: 'recycled', stageReason: 'not now, maybe in spring' });
    await viewsPricing(lead, 3);
    expect(await stageOf(lead.id)).toEqual({ stage: 'mql', stageReason: null });
    expect((await historyOf(lead.id)).map((h) => [h.from, h.to, h.actorKind])).toEqual([
      [null, 'lead', 'user'],
      ['lead', 'recycled', 'user'],
      ['recycled', 'mql', 'rule'],
    ]);
  });

  it('never moves a contact sales already has (sql), and records nothing for it', async () => {
    const sql = await newLead('sql');
    await viewsPricing(sql, 5);
    expect((await stageOf(sql.id))?.stage).toBe('sql');
    expect(await historyOf(sql.id)).toEqual([created('sql')]);
  });

  it('does not move anyone while the workspace has it off; the setting is marketing’s and must be true or false', async () => {
    const refused = await setScoring({ autoPromoteMql: 'yes' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.issues).toEqual([{ path: 'scoring.autoPromoteMql', message: 'Invalid input: expected boolean, received string' }]);
    const byManager = await setScoring({ autoPromoteMql: false }, acme.users.manager!.token);
    expect(byManager.status).toBe(403);
    expect((await (await server.api(acme.users.marketing!.token, '/v1/settings')).json()).scoring.autoPromoteMql).toBe(true);

    expect((await setScoring({ autoPromoteMql: false })).status).toBe(200);
    try {
      const lead = await newLead();
      await viewsPricing(lead, 3);
      expect((await stageOf(lead.id))?.stage).toBe('lead');
      expect(await historyOf(lead.id)).toEqual([created('lead')]);
    } finally {
      expect((await setScoring({ autoPromoteMql: true })).status).toBe(200);
    }
  });
});
