import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScoringPreview } from '../../lib/core/model/scoring-preview';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// POST /v1/settings/scoring/preview over real HTTP. Acme scores with the default model (lib/core/model/defaults.ts):
// grades A ≥ 45, B ≥ 30, C ≥ 15 on fit; an MQL needs fit ≥ 30 and engagement ≥ 25. Every activity is at NOW, so
// nothing decays. A /pricing view scores "Viewed pricing" 9 + "Page views" 1 = 10; a download 8.
//
// | who | stage        | profile                       | activity     | fit | eng | score | grade | MQL |
// |-----|--------------|-------------------------------|--------------|-----|-----|-------|-------|-----|
// | amy | lead         | vp (20), 200 staff (15), b2b (10) | 3 pricing | 45  | 30  | 75    | A     | yes |
// | bob | mql          | manager (10), 200 staff (15)  | 1 download   | 25  | 8   | 33    | C     | no  |
// | cat | recycled     | vp (20), US (5), 20 staff     | —            | 25  | 0   | 25    | C     | no  |
// | dan | sql          | director (20), b2b (10)       | 2 pricing    | 30  | 20  | 50    | B     | no  |
// | hal | visitor      | —                             | —            | 0   | 0   | 0     | D     | no  |
// | eve | customer, gil disqualified, fay deleted: not scored (each a vp at 200 staff with 3 pricing views).
//
// The proposal: "Manager" 20 (was 10), downloads 10 (was 8), engagement threshold 20 (was 25), grade A at 50 (was 45):
//   amy fit 45 → B, eng 30, score 75, MQL yes        (grade A → B)
//   bob fit 35 → B, eng 10, score 45, MQL no (10<20) (grade C → B, score 33 → 45)
//   cat unchanged; dan fit 30 B, eng 20, score 50, MQL yes (starts); hal unchanged.
// Changed: dan (MQL flips), bob (grade, Δ12), amy (grade, Δ0), in that order.

const NOW = '2026-02-10T15:00:00.000Z';
const SITE = 'https://www.acme.example';

interface Person {
  stage: LifecycleStage;
  profile: Record<string, unknown>;
  pricingViews?: number;
  downloads?: number;
  deleted?: boolean;
}

const PEOPLE: Record<string, Person> = {
  amy: { stage: 'lead', profile: { seniority: 'vp', companySize: 200, businessModel: 'b2b' }, pricingViews: 3 },
  bob: { stage: 'mql', profile: { seniority: 'manager', companySize: 200 }, downloads: 1 },
  cat: { stage: 'recycled', profile: { seniority: 'vp', country: 'US', companySize: 20 } },
  dan: { stage: 'sql', profile: { seniority: 'director', businessModel: 'b2b' }, pricingViews: 2 },
  hal: { stage: 'visitor', profile: {} },
  eve: { stage: 'customer', profile: { seniority: 'vp', companySize: 200 }, pricingViews: 3 },
  gil: { stage: 'disqualified', profile: { seniority: 'vp', companySize: 200 }, pricingViews: 3 },
  fay: { stage: 'lead', profile: { seniority: 'vp', companySize: 200 }, pricingViews: 3, deleted: true },
};

describe.each(STORE_KINDS)('the scoring preview on %s', (kind) => {
  const server = serverForSuite(kind, { now: NOW });
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let settings: WorkspaceSettings;

  async function addPeople(ws: TestWorkspace, prefix: string) {
    await writeInWorkspace(server.store.db, ws.id, async (tx) => {
      let n = 0;
      for (const [name, p] of Object.entries(PEOPLE)) {
        const id = `${prefix}_${name}`;
        await insertContact(tx, ws.id, { id, email: `${name}@${prefix}-buyer.example`, name, stage: p.stage, ...p.profile }, new Date(NOW), { kind: 'system' });
        const common = { workspaceId: ws.id, contactId: id, at: new Date(NOW), trustLabel: 'human', trustReason: 'test' };
        for (let i = 0; i < (p.pricingViews ?? 0); i++) await tx.insert(activities).values({ ...common, id: `a${prefix}${++n}`, type: 'page_view', url: `${SITE}/pricing` });
        for (let i = 0; i < (p.downloads ?? 0); i++) await tx.insert(activities).values({ ...common, id: `a${prefix}${++n}`, type: 'content_download', url: `${SITE}/guide` });
        if (p.deleted) await tx.update(contacts).set({ deletedAt: new Date(NOW) }).where(eq(contacts.id, id));
      }
    });
  }

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    await addPeople(acme, 'acme');
    // Another workspace's contacts are never scored: Globex has the same people.
    await addPeople(globex, 'globex');
    settings = await (await server.api(acme.users.marketing!.token, '/v1/settings')).json();
  }, 60_000);

  const proposal = () => ({
    ...settings.scoring,
    fitRules: settings.scoring.fitRules.map((r) => (r.id === 'fit_manager' ? { ...r, points: 20 } : r)),
    engagementRules: settings.scoring.engagementRules.map((r) => (r.id === 'eng_download' ? { ...r, points: 10 } : r)),
    mqlEngagementThreshold: 20,
    gradeThresholds: { A: 50, B: 30, C: 15 },
  });

  const preview = (token: string, json: unknown) => server.api(token, '/v1/settings/scoring/preview', { method: 'POST', json });

  it('counts the grade moves and MQL changes and lists the changed contacts, most consequential first', async () => {
    const res = await preview(acme.users.marketing!.token, { scoring: proposal() });
    expect(res.status).toBe(200);
    const body = ScoringPreview.parse(await res.json());
    expect(body.scoredAt).toBe(NOW);
    expect(body.scored).toBe(5);
    expect(body.changed).toBe(3);
    expect(body.grades).toEqual({
      current: { A: 1, B: 1, C: 2, D: 1 },
      proposed: { A: 0, B: 3, C: 1, D: 1 },
      changes: [
        { from: 'A', to: 'B', count: 1 },
        { from: 'C', to: 'B', count: 1 },
      ],
    });
    expect(body.mql).toEqual({ current: 1, proposed: 2, starting: 1, stopping: 0 });
    expect(body.more).toBe(false);
    expect(body.items).toEqual([
      {
        id: 'acme_dan',
        email: 'dan@acme-buyer.example',
        name: 'dan',
        company: null,
        stage: 'sql',
        current: { score: 50, fit: 30, engagement: 20, grade: 'B', qualifiesAsMql: false },
        proposed: { score: 50, fit: 30, engagement: 20, grade: 'B', qualifiesAsMql: true },
      },
      {
        id: 'acme_bob',
        email: 'bob@acme-buyer.example',
        name: 'bob',
        company: null,
        stage: 'mql',
        current: { score: 33, fit: 25, engagement: 8, grade: 'C', qualifiesAsMql: false },
        proposed: { score: 45, fit: 35, engagement: 10, grade: 'B', qualifiesAsMql: false },
      },
      {
        id: 'acme_amy',
        email: 'amy@acme-buyer.example',
        name: 'amy',
        company: null,
        stage: 'lead',
        current: { score: 75, fit: 45, engagement: 30, grade: 'A', qualifiesAsMql: true },
        proposed: { score: 75, fit: 45, engagement: 30, grade: 'B', qualifiesAsMql: true },
      },
    ]);
  });

  it('caps the list at `limit` and says there are more; the counts stay whole', async () => {
    const body = ScoringPreview.parse(await (await preview(acme.users.admin!.token, { scoring: proposal(), limit: 2 })).json());
    expect(body.items.map((i) => i.id)).toEqual(['acme_dan', 'acme_bob']);
    expect(body.more).toBe(true);
    expect(body.changed).toBe(3);
  });

  it('changes nothing: the settings and every contact stay as they were', async () => {
    const before = await server.store.db.select({ id: contacts.id, stage: contacts.stage, version: contacts.version }).from(contacts).where(eq(contacts.workspaceId, acme.id));
    expect((await preview(acme.users.marketing!.token, { scoring: proposal() })).status).toBe(200);
    expect(await (await server.api(acme.users.marketing!.token, '/v1/settings')).json()).toEqual(settings);
    const after = await server.store.db.select({ id: contacts.id, stage: contacts.stage, version: contacts.version }).from(contacts).where(eq(contacts.workspaceId, acme.id));
    expect(after).toEqual(before);
  });

  it('the current model proposed again changes no one', async () => {
    const body = ScoringPreview.parse(await (await preview(acme.users.marketing!.token, { scoring: settings.scoring })).json());
    expect(body).toMatchObject({ scored: 5, changed: 0, items: [], more: false, mql: { current: 1, proposed: 1, starting: 0, stopping: 0 } });
    expect(body.grades.changes).toEqual([]);
  });

  it('refuses a model PUT /v1/settings would refuse, naming the field, and an unknown field or a bad limit', async () => {
    const token = acme.users.marketing!.token;
    const cases: [unknown, { path: string; message: string }[]][] = [
      [{ scoring: { ...proposal(), gradeThresholds: { A: 10, B: 30, C: 15 } } }, [{ path: 'scoring.gradeThresholds', message: 'grade thresholds must fall from A to C' }]],
      [{ scoring: { ...proposal(), fitRules: [{ ...proposal().fitRules[0], colour: 'red' }] } }, [{ path: 'scoring.fitRules.0', message: 'Unrecognized key: "colour"' }]],
      [{ scoring: proposal(), limit: 0 }, [{ path: 'limit', message: 'limit must be at least 1' }]],
      [{ scoring: proposal(), dryRun: true }, [{ path: '', message: 'Unrecognized key: "dryRun"' }]],
    ];
    for (const [json, issues] of cases) {
      const res = await preview(token, json);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.issues).toEqual(issues);
      expect(body.error.message).toMatch(/^scoring preview is not valid: /);
    }
  });

  it('is for the scoring part’s owners: marketing and admins; a rep or a manager is refused, no token is 401', async () => {
    expect((await preview(acme.users.rep!.token, { scoring: proposal() })).status).toBe(403);
    expect((await preview(acme.users.manager!.token, { scoring: proposal() })).status).toBe(403);
    const anonymous = await server.api(null, '/v1/settings/scoring/preview', { method: 'POST', json: { scoring: proposal() } });
    expect(anonymous.status).toBe(401);
  });

  it('scores only its own workspace: Globex’s marketer sees Globex’s five', async () => {
    const body = ScoringPreview.parse(await (await preview(globex.users.marketing!.token, { scoring: proposal() })).json());
    expect(body.items.map((i) => i.id)).toEqual(['globex_dan', 'globex_bob', 'globex_amy']);
    expect(body.scored).toBe(5);
  });
});
