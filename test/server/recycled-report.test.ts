import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecycledReport, type RecycledItem } from '../../lib/core/model/reports';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { recordStageChange, type StageActor } from '../../server/domain/contacts/stage-history';
import { writeInWorkspace } from '../../server/store/db';
import { contacts, stageChanges } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// GET /v1/reports/recycled over real HTTP, on a hand-built history. The period is 1 Mar 00:00Z up to 15 Mar 00:00Z;
// now is 20 Mar. Moves out of the funnel (R recycled, X disqualified), each with its list code and words:
//
// | who | moves                                                                  | listed? |
// |-----|------------------------------------------------------------------------|---------|
// | hoa | sql 02-20, R 03-01 00:00 (exactly `from`) by rep2, no code "Budget frozen." | yes    |
// | ava | mql 02-25, R 03-02 by rep not_ready "Not ready to buy yet", mql 03-10 by the rule | yes, came back (mql 03-10) |
// | ben | sql 02-27, R 03-05 by rep2 could_not_reach "Could not reach"            | yes     |
// | cal | mql 02-27, R 03-08 by rep other "Went with a spreadsheet"               | yes     |
// | dee | mql 02-27, X 03-09 by the manager student_or_job_seeker                 | with stage=disqualified |
// | fin | mql 02-28, R 03-12 by rep not_ready " not ready to buy yet. ", lead 03-16 | yes, came back (lead 03-16) |
// | eli | R 02-27 (before the period), lead 03-03                                 | no      |
// | gus | R 03-15 00:00 (exactly `to`)                                             | no      |
// | ivy | history reconstructed as recycled 03-06 (not a move anyone made)         | no      |
// | del | R 03-04, then deleted                                                    | no      |
// Globex recycles one lead in the period: never in Acme's report.
//
// Newest first: fin, cal, ben, ava, hoa (5; 2 came back). Reasons: not_ready ×2 (ava, fin: the same words once
// normalised), then the singles in key order: code could_not_reach, then the texts "budget frozen", "went with a
// spreadsheet" (`other` is grouped by its words).

const NOW = '2026-03-20T12:00:00.000Z';
const PERIOD = 'from=2026-03-01T00:00:00.000Z&to=2026-03-15T00:00:00.000Z';

type By = 'rep' | 'rep2' | 'manager' | 'rule';
interface Step {
  to: LifecycleStage;
  at: string;
  by?: By;
  code?: string | null;
  reason?: string;
}

describe.each(STORE_KINDS)('the recycled report on %s', (kind) => {
  const server = serverForSuite(kind, { now: NOW });
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  async function person(ws: TestWorkspace, name: string, start: Step, steps: Step[], extra: { deleted?: boolean; reconstructed?: boolean } = {}) {
    const id = `${ws.id}_${name}`;
    const actor = (by: By | undefined): StageActor => (by === undefined || by === 'rule' ? { kind: 'rule', rule: 'mql_threshold' } : { kind: 'user', userId: ws.users[by]!.id });
    await writeInWorkspace(server.store.db, ws.id, async (tx) => {
      await insertContact(tx, ws.id, { id, email: `${name}@buyer.example`, name, stage: start.to, source: 'website', ownerId: ws.users.rep!.id }, new Date(start.at), { kind: 'system' });
      if (extra.reconstructed) await tx.update(stageChanges).set({ reconstructed: true }).where(eq(stageChanges.contactId, id));
      let from = start.to;
      let n = 0;
      for (const step of steps) {
        await tx.update(contacts).set({ stage: step.to }).where(eq(contacts.id, id));
        await recordStageChange(tx, { id: `sc_${name}_${++n}`, workspaceId: ws.id, contactId: id, from, to: step.to, at: new Date(step.at), by: actor(step.by), reason: step.reason ?? null, reasonCode: step.code ?? null });
        from = step.to;
      }
      if (extra.deleted) await tx.update(contacts).set({ deletedAt: new Date(NOW) }).where(eq(contacts.id, id));
    });
  }

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    const a = acme;
    await person(a, 'hoa', { to: 'sql', at: '2026-02-20T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-01T00:00:00Z', by: 'rep2', reason: 'Budget frozen.' }]);
    await person(a, 'ava', { to: 'mql', at: '2026-02-25T10:00:00Z' }, [
      { to: 'recycled', at: '2026-03-02T10:00:00Z', by: 'rep', code: 'not_ready', reason: 'Not ready to buy yet' },
      { to: 'mql', at: '2026-03-10T10:00:00Z', by: 'rule' },
    ]);
    await person(a, 'ben', { to: 'sql', at: '2026-02-27T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-05T12:00:00Z', by: 'rep2', code: 'could_not_reach', reason: 'Could not reach' }]);
    await person(a, 'cal', { to: 'mql', at: '2026-02-27T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-08T09:00:00Z', by: 'rep', code: 'other', reason: 'Went with a spreadsheet' }]);
    await person(a, 'dee', { to: 'mql', at: '2026-02-27T10:00:00Z' }, [
      { to: 'disqualified', at: '2026-03-09T09:00:00Z', by: 'manager', code: 'student_or_job_seeker', reason: 'Student or job seeker' },
    ]);
    await person(a, 'fin', { to: 'mql', at: '2026-02-28T10:00:00Z' }, [
      { to: 'recycled', at: '2026-03-12T09:00:00Z', by: 'rep', code: 'not_ready', reason: ' not ready to buy yet. ' },
      { to: 'lead', at: '2026-03-16T09:00:00Z', by: 'manager' },
    ]);
    await person(a, 'eli', { to: 'mql', at: '2026-02-20T10:00:00Z' }, [
      { to: 'recycled', at: '2026-02-27T10:00:00Z', by: 'rep', code: 'not_ready', reason: 'Not ready' },
      { to: 'lead', at: '2026-03-03T10:00:00Z', by: 'manager' },
    ]);
    await person(a, 'gus', { to: 'mql', at: '2026-02-20T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-15T00:00:00Z', by: 'rep', code: 'not_ready', reason: 'Not ready' }]);
    await person(a, 'ivy', { to: 'recycled', at: '2026-03-06T10:00:00Z' }, [], { reconstructed: true });
    await person(a, 'del', { to: 'mql', at: '2026-02-20T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-04T10:00:00Z', by: 'rep', code: 'not_ready', reason: 'Not ready' }], { deleted: true });
    await person(globex, 'zed', { to: 'mql', at: '2026-02-20T10:00:00Z' }, [{ to: 'recycled', at: '2026-03-04T10:00:00Z', by: 'rep', code: 'not_ready', reason: 'Not ready' }]);
  }, 60_000);

  const report = async (query: string, token = acme.users.marketing!.token) => {
    const res = await server.api(token, `/v1/reports/recycled?${PERIOD}${query}`);
    expect(res.status).toBe(200);
    return RecycledReport.parse(await res.json());
  };
  const names = (items: RecycledItem[]) => items.map((i) => i.name);

  it('lists the period’s recycled leads newest first, with the reason, who, from where, and whether they came back', async () => {
    const body = await report('');
    expect(body.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z', days: 14 });
    expect(body.stage).toBe('recycled');
    expect(names(body.items)).toEqual(['fin', 'cal', 'ben', 'ava', 'hoa']);
    expect(body).toMatchObject({ count: 5, cameBack: 2, more: false, next: null });
    expect(body.items[3]).toEqual({
      id: 'sc_ava_1',
      contactId: `${acme.id}_ava`,
      email: 'ava@buyer.example',
      name: 'ava',
      company: null,
      source: 'website',
      leadType: null,
      ownerId: acme.users.rep!.id,
      to: 'recycled',
      from: 'mql',
      at: '2026-03-02T10:00:00.000Z',
      reason: { code: 'not_ready', text: 'Not ready to buy yet' },
      by: { kind: 'user', userId: acme.users.rep!.id, name: 'Acme rep' },
      stage: 'mql',
      cameBack: { to: 'mql', at: '2026-03-10T10:00:00.000Z' },
    });
    expect(body.items[0]!.cameBack).toEqual({ to: 'lead', at: '2026-03-16T09:00:00.000Z' });
    expect(body.items[4]).toMatchObject({ name: 'hoa', from: 'sql', reason: { code: null, text: 'Budget frozen.' }, by: { name: 'Acme rep2' }, cameBack: null, stage: 'recycled' });
    expect(body.reasons).toEqual([
      { code: 'not_ready', text: 'not ready to buy yet', count: 2 },
      { code: 'could_not_reach', text: 'could not reach', count: 1 },
      { code: null, text: 'budget frozen', count: 1 },
      { code: null, text: 'went with a spreadsheet', count: 1 },
    ]);
  });

  it('lists the disqualified, or both, with the filter', async () => {
    const disqualified = await report('&stage=disqualified');
    expect(names(disqualified.items)).toEqual(['dee']);
    expect(disqualified.items[0]).toMatchObject({ to: 'disqualified', from: 'mql', by: { kind: 'user', userId: acme.users.manager!.id, name: 'Acme manager' } });
    expect(disqualified.reasons).toEqual([{ code: 'student_or_job_seeker', text: 'student or job seeker', count: 1 }]);
    const both = await report('&stage=both', acme.users.manager!.token);
    expect(names(both.items)).toEqual(['fin', 'dee', 'cal', 'ben', 'ava', 'hoa']);
    expect(both.count).toBe(6);
  });

  it('filters by reason code (`-` for none recorded) and keeps every reason in the ranking', async () => {
    const notReady = await report('&reasonCode=not_ready');
    expect(names(notReady.items)).toEqual(['fin', 'ava']);
    expect(notReady).toMatchObject({ count: 2, cameBack: 2 });
    expect(notReady.reasons).toHaveLength(4);
    expect(names((await report('&reasonCode=-')).items)).toEqual(['hoa']);
    expect(names((await report('&reasonCode=other')).items)).toEqual(['cal']);
  });

  it('pages newest first with the `next` cursor, neither skipping nor repeating', async () => {
    const first = await report('&limit=2', acme.users.admin!.token);
    expect(names(first.items)).toEqual(['fin', 'cal']);
    expect(first.more).toBe(true);
    const second = await report(`&limit=2&before=${first.next}`);
    expect(names(second.items)).toEqual(['ben', 'ava']);
    const third = await report(`&limit=2&before=${second.next}`);
    expect(names(third.items)).toEqual(['hoa']);
    expect(third).toMatchObject({ more: false, next: null, count: 5 });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['&stage=lost', 'stage', 'must be one of recycled, disqualified, both'],
      ['&reasonCode=Not%20ready', 'reasonCode', ''],
      ['&before=nonsense', 'before', 'must be the `next` cursor of an earlier page'],
      ['&limit=0', 'limit', 'limit must be at least 1'],
      ['&colour=red', '', 'Unrecognized key: "colour"'],
    ];
    for (const [query, path, message] of cases) {
      const res = await server.api(acme.users.marketing!.token, `/v1/reports/recycled?${PERIOD}${query}`);
      expect(res.status, query).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('bad_request');
      expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
      if (message) expect(error.issues).toContainEqual({ path, message });
    }
    const backwards = await server.api(acme.users.marketing!.token, '/v1/reports/recycled?from=2026-03-15T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect((await backwards.json()).error.issues).toEqual([{ path: 'from', message: 'from must be before to' }]);
  });

  it('is for managers, marketers and admins; a rep is refused; no token is 401; each workspace sees its own', async () => {
    expect((await server.api(acme.users.rep!.token, `/v1/reports/recycled?${PERIOD}`)).status).toBe(403);
    expect((await server.api(null, `/v1/reports/recycled?${PERIOD}`)).status).toBe(401);
    const theirs = await report('', globex.users.manager!.token);
    expect(names(theirs.items)).toEqual(['zed']);
  });
});
