import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MutationInput, MutationResult } from '../../lib/core/model/mutations';
import { SyncPage } from '../../lib/core/model/sync';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { STAGE_TRANSITIONS, type StageMover } from '../../lib/core/stage/transitions';
import { insertContact, type NewContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { contacts, stageChanges } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Won and lost, the workspace's reason lists and "could not reach" (docs/vocabulary.md § Won, lost and reasons), through
// POST /v1/mutations over HTTP on both stores. Every refusal is checked to change nothing: neither the contact nor its
// stage history.

const NOW = '2026-01-19T15:00:00.000Z';
const EARLIER = '2026-01-19T14:30:00.000Z';

describe.each(STORE_KINDS)('won, lost and reasons on %s', (kind) => {
  let acme: TestWorkspace;
  let seq = 0;
  const fresh = (prefix: string) => `${prefix}-${++seq}`;

  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);
  beforeEach(() => server.clock.set(NOW));

  const token = (who: string, ws = acme) => ws.users[who]!.token;
  const userId = (who: string, ws = acme) => ws.users[who]!.id;

  async function push(tok: string, mutations: unknown[]): Promise<MutationResult[]> {
    const res = await server.api(tok, '/v1/mutations', { method: 'POST', json: { mutations } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: MutationResult[] }).results;
  }

  async function makeContact(input: Omit<NewContact, 'email'>, ws = acme): Promise<string> {
    const id = fresh('c');
    await writeInWorkspace(server.store.db, ws.id, (tx) =>
      insertContact(tx, ws.id, { email: `${id}@lead.example`, ...input, id }, new Date(EARLIER), { kind: 'import' }),
    );
    return id;
  }

  const stage = (contactId: string, from: string, to: string, extra: Record<string, unknown> = {}): MutationInput =>
    ({ id: fresh('m'), type: 'contact.stage', at: NOW, contactId, from, to, ...extra }) as MutationInput;
  const recycle = (contactId: string, extra: Record<string, unknown> = {}): MutationInput =>
    ({ id: fresh('m'), type: 'contact.recycle', at: NOW, contactId, ...extra }) as MutationInput;
  const call = (contactId: string): MutationInput =>
    ({ id: fresh('m'), type: 'attempt.log', at: NOW, attempt: { id: fresh('a'), contactId, channel: 'call', outcome: 'no_answer', at: EARLIER } }) as MutationInput;

  async function contactRow(id: string) {
    const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, id));
    return row!;
  }
  const historyOf = (contactId: string) =>
    server.store.db
      .select({
        from: stageChanges.fromStage,
        to: stageChanges.toStage,
        actorId: stageChanges.actorId,
        reason: stageChanges.reason,
        reasonCode: stageChanges.reasonCode,
        outcome: stageChanges.outcome,
        dealValue: stageChanges.dealValue,
        mutationId: stageChanges.mutationId,
      })
      .from(stageChanges)
      .where(eq(stageChanges.contactId, contactId))
      .orderBy(asc(stageChanges.at), asc(stageChanges.version));
  const lastMove = async (contactId: string) => (await historyOf(contactId)).at(-1)!;

  /** The contact and its history as they are, to show a refused change left both alone. */
  async function snapshot(contactId: string) {
    return { contact: await contactRow(contactId), history: await historyOf(contactId) };
  }
  async function expectRefusedUnchanged(contactId: string, tok: string, m: MutationInput, error: { code: string; message: string }) {
    const before = await snapshot(contactId);
    expect(await push(tok, [m])).toEqual([{ id: m.id, status: 'rejected', error }]);
    expect(await snapshot(contactId)).toEqual(before);
  }

  describe('every move of the stage table, by each who may make it', () => {
    const USER_OF: Record<StageMover, string> = { owner: 'rep', manager: 'manager', marketing: 'marketing' };
    /** A reason from the list the move takes (the defaults), never could_not_reach, which waits for the cadence. */
    const REASON_OF = { recycle: 'not_ready', disqualify: 'not_a_fit', lost: 'price' } as const;
    const cases = Object.entries(STAGE_TRANSITIONS).flatMap(([from, moves]) =>
      moves.flatMap((t) => t.by.map((mover) => ({ from: from as LifecycleStage, t, mover }))),
    );

    it.each(cases.map((c) => [`${c.from} → ${c.t.to} by ${c.mover}`, c] as const))('%s', async (_name, { from, t, mover }) => {
      // Marketing works only leads nobody owns yet (the access rule); sales works the rep's own.
      const contactId = await makeContact({ stage: from, ownerId: mover === 'marketing' ? null : userId('rep') });
      const reason = t.reasons === null ? {} : { reasonCode: REASON_OF[t.reasons] };
      const m = t.to === 'recycled' ? recycle(contactId, { from, ...reason }) : stage(contactId, from, t.to, reason);
      expect(await push(token(USER_OF[mover]), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      expect((await contactRow(contactId)).stage).toBe(t.to);
      expect(await lastMove(contactId)).toMatchObject({
        from,
        to: t.to,
        actorId: userId(USER_OF[mover]),
        reasonCode: t.reasons === null ? null : REASON_OF[t.reasons],
        outcome: t.outcome,
        mutationId: m.id,
      });
    });
  });

  describe('won', () => {
    it('records the deal value on the contact and on the stage change, with the outcome', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      const won = stage(contactId, 'opportunity', 'customer', { dealValue: 48_250.5 });
      expect(await push(token('rep'), [won])).toEqual([{ id: won.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'customer', dealValue: 48_250.5, stageReason: null, stageReasonCode: null, updatedAt: new Date(NOW) });
      expect(await lastMove(contactId)).toEqual({
        from: 'opportunity',
        to: 'customer',
        actorId: userId('rep'),
        reason: null,
        reasonCode: null,
        outcome: 'won',
        dealValue: 48_250.5,
        mutationId: won.id,
      });
    });

    it('syncs the contact to its rep with the deal value and the reason code, as the model parses them', async () => {
      const won = await makeContact({ stage: 'opportunity', ownerId: userId('rep2') });
      const lost = await makeContact({ stage: 'opportunity', ownerId: userId('rep2') });
      await push(token('rep2'), [stage(won, 'opportunity', 'customer', { dealValue: 7_500.25 }), recycle(lost, { from: 'opportunity', reasonCode: 'timing' })]);
      const res = await server.api(token('rep2'), '/v1/sync?limit=500');
      expect(res.status).toBe(200);
      const page = SyncPage.parse(await res.json());
      const byId = new Map(page.contacts.map((c) => [c.id, c]));
      expect(byId.get(won)).toMatchObject({ stage: 'customer', dealValue: 7_500.25, stageReason: null, stageReasonCode: null });
      expect(byId.get(lost)).toMatchObject({ stage: 'recycled', dealValue: null, stageReason: 'Timing: not this year', stageReasonCode: 'timing' });
    });

    it('takes a win without a value, and a manager’s correction clears the value from the contact but not from history', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      await push(token('rep'), [stage(contactId, 'opportunity', 'customer', { dealValue: 1200 })]);
      const corrected = stage(contactId, 'customer', 'opportunity', { reason: 'signed with the parent company instead' });
      expect(await push(token('manager'), [corrected])).toEqual([{ id: corrected.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'opportunity', dealValue: null });
      expect((await historyOf(contactId)).map((h) => [h.from, h.to, h.outcome, h.dealValue, h.reason])).toEqual([
        [null, 'opportunity', null, null, null],
        ['opportunity', 'customer', 'won', 1200, null],
        ['customer', 'opportunity', null, null, 'signed with the parent company instead'],
      ]);
      const bare = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      await push(token('rep'), [stage(bare, 'opportunity', 'customer')]);
      expect(await contactRow(bare)).toMatchObject({ stage: 'customer', dealValue: null });
    });

    it('refuses a negative deal value or one on another move, changing nothing', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      const negative = stage(contactId, 'opportunity', 'customer', { dealValue: -5 });
      const before = await snapshot(contactId);
      const results = await push(token('rep'), [negative, stage(contactId, 'opportunity', 'disqualified', { reasonCode: 'price', dealValue: 10 })]);
      expect(results.map((r) => [r.status, r.error?.issues])).toEqual([
        ['rejected', [{ path: 'dealValue', message: 'a deal value cannot be negative' }]],
        ['rejected', [{ path: 'dealValue', message: 'a deal value goes only with a win (to customer)' }]],
      ]);
      expect(await snapshot(contactId)).toEqual(before);
    });
  });

  describe('lost', () => {
    it('loses an opportunity back to nurture with a reason from the lost list, recorded as lost', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      const lost = recycle(contactId, { from: 'opportunity', reasonCode: 'chose_competitor', reason: 'went with Globex' });
      expect(await push(token('rep'), [lost])).toEqual([{ id: lost.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({
        stage: 'recycled',
        stageReason: 'Chose a competitor: went with Globex',
        stageReasonCode: 'chose_competitor',
        dealValue: null,
      });
      expect(await lastMove(contactId)).toMatchObject({ from: 'opportunity', to: 'recycled', reason: 'Chose a competitor: went with Globex', reasonCode: 'chose_competitor', outcome: 'lost' });
    });

    it('loses an opportunity for good (disqualified), and refuses a recycle reason there, naming the lost ones', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      await expectRefusedUnchanged(contactId, token('rep'), stage(contactId, 'opportunity', 'disqualified', { reasonCode: 'not_a_fit' }), {
        code: 'bad_request',
        message: `contact ${contactId}: "not_a_fit" is not a lost reason here: use one of chose_competitor, price, no_decision, timing, missing_features, other`,
      });
      const lost = stage(contactId, 'opportunity', 'disqualified', { reasonCode: 'other', reason: 'company shut down' });
      expect(await push(token('rep'), [lost])).toEqual([{ id: lost.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'disqualified', stageReason: 'company shut down', stageReasonCode: 'other' });
      expect(await lastMove(contactId)).toMatchObject({ outcome: 'lost', reasonCode: 'other', reason: 'company shut down' });
    });
  });

  describe('reasons', () => {
    it('accepts a bare reason, as older panels queued it, as other with that text', async () => {
      const recycled = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      const disqualified = await makeContact({ stage: 'mql', ownerId: userId('rep') });
      const legacy = [
        { id: fresh('m'), type: 'contact.recycle', at: NOW, contactId: recycled, reason: 'no budget until Q3' },
        { id: fresh('m'), type: 'contact.stage', at: NOW, contactId: disqualified, from: 'mql', to: 'disqualified', reason: 'student project' },
      ];
      expect((await push(token('rep'), legacy)).map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await contactRow(recycled)).toMatchObject({ stage: 'recycled', stageReason: 'no budget until Q3', stageReasonCode: 'other' });
      expect(await contactRow(disqualified)).toMatchObject({ stage: 'disqualified', stageReason: 'student project', stageReasonCode: 'other' });
      expect(await lastMove(recycled)).toMatchObject({ reasonCode: 'other', reason: 'no budget until Q3', outcome: null });
    });

    it('records a code with its label, and with a detail as "label: detail"', async () => {
      const contactId = await makeContact({ stage: 'mql', ownerId: userId('rep') });
      const m = recycle(contactId, { from: 'mql', reasonCode: 'not_the_buyer' });
      expect(await push(token('rep'), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stageReason: 'Not the buyer', stageReasonCode: 'not_the_buyer' });
      const other = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      await push(token('rep'), [stage(other, 'sql', 'disqualified', { reasonCode: 'competitor', reason: 'works at Globex' })]);
      expect(await contactRow(other)).toMatchObject({ stageReason: 'Works for a competitor: works at Globex', stageReasonCode: 'competitor' });
    });

    it('refuses an unknown code naming the valid ones, and a code on a move that takes none, changing nothing', async () => {
      const contactId = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      await expectRefusedUnchanged(contactId, token('rep'), recycle(contactId, { from: 'sql', reasonCode: 'too_busy' }), {
        code: 'bad_request',
        message: `contact ${contactId}: "too_busy" is not a recycle reason here: use one of could_not_reach, not_ready, no_budget, not_the_buyer, other`,
      });
      await expectRefusedUnchanged(contactId, token('rep'), stage(contactId, 'sql', 'opportunity', { reasonCode: 'price' }), {
        code: 'bad_request',
        message: `contact ${contactId}: a move from sql to opportunity takes no reason code`,
      });
    });

    it('refuses other without a text, with its issue path', async () => {
      const contactId = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      const before = await snapshot(contactId);
      const m = recycle(contactId, { from: 'sql', reasonCode: 'other' });
      expect(await push(token('rep'), [m])).toEqual([
        {
          id: m.id,
          status: 'rejected',
          error: {
            code: 'bad_request',
            message: `mutation ${m.id} is not valid: reason: the reason "other" needs a text saying why`,
            issues: [{ path: 'reason', message: 'the reason "other" needs a text saying why' }],
          },
        },
      ]);
      expect(await snapshot(contactId)).toEqual(before);
    });

    it('uses the lists the workspace keeps: its own codes apply, a default it removed is refused', async () => {
      const ws = await makeWorkspace(server, 'Initech');
      const res = await server.api(token('manager', ws), '/v1/settings');
      const settings = (await res.json()) as WorkspaceSettings;
      const outcomes = { ...settings.outcomes, currency: 'EUR', disqualifyReasons: [{ code: 'bad_data', label: 'Bad data' }] };
      expect((await server.api(token('marketing', ws), '/v1/settings', { method: 'PUT', json: { ...settings, outcomes } })).status).toBe(200);
      const contactId = await makeContact({ stage: 'mql', ownerId: userId('rep', ws) }, ws);
      await expectRefusedUnchanged(contactId, token('rep', ws), stage(contactId, 'mql', 'disqualified', { reasonCode: 'not_a_fit' }), {
        code: 'bad_request',
        message: `contact ${contactId}: "not_a_fit" is not a disqualify reason here: use one of bad_data, other`,
      });
      const m = stage(contactId, 'mql', 'disqualified', { reasonCode: 'bad_data' });
      expect(await push(token('rep', ws), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stageReason: 'Bad data', stageReasonCode: 'bad_data' });
    });

    it('refuses reason lists that do not parse, naming the field, and keeps the settings', async () => {
      const res = await server.api(token('manager'), '/v1/settings');
      const settings = (await res.json()) as WorkspaceSettings;
      const bad = { ...settings, outcomes: { ...settings.outcomes, lostReasons: [{ code: 'other', label: 'Other' }] } };
      const put = await server.api(token('manager'), '/v1/settings', { method: 'PUT', json: bad });
      expect(put.status).toBe(400);
      expect(((await put.json()) as { error: { issues: unknown } }).error.issues).toEqual([
        { path: 'outcomes.lostReasons.0.code', message: '"other" is built in: every list offers it, with a free text' },
      ]);
      expect(await (await server.api(token('manager'), '/v1/settings')).json()).toEqual(settings);
    });
  });

  describe('could not reach', () => {
    it('is refused until the cadence’s five attempts are made, saying how many are left, then applies', async () => {
      const contactId = await makeContact({ stage: 'mql', ownerId: userId('rep') });
      await push(token('rep'), [call(contactId), call(contactId), call(contactId)]);
      await expectRefusedUnchanged(contactId, token('rep'), recycle(contactId, { from: 'mql', reasonCode: 'could_not_reach' }), {
        code: 'conflict',
        message: `contact ${contactId}: 2 attempts left before Could not reach`,
      });
      await push(token('rep'), [call(contactId), call(contactId)]);
      const m = recycle(contactId, { from: 'mql', reasonCode: 'could_not_reach' });
      expect(await push(token('rep'), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'recycled', stageReason: 'Could not reach', stageReasonCode: 'could_not_reach' });
    });

    it('does not count undone attempts, and is refused for a lead nobody owns', async () => {
      const contactId = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      const calls = [call(contactId), call(contactId), call(contactId), call(contactId), call(contactId)];
      await push(token('rep'), calls);
      const attemptId = (calls[0] as { attempt: { id: string } }).attempt.id;
      await push(token('rep'), [{ id: fresh('m'), type: 'attempt.undo', at: NOW, attemptId }]);
      await expectRefusedUnchanged(contactId, token('rep'), recycle(contactId, { from: 'sql', reasonCode: 'could_not_reach' }), {
        code: 'conflict',
        message: `contact ${contactId}: 1 attempt left before Could not reach`,
      });
      const unowned = await makeContact({ stage: 'mql' });
      await expectRefusedUnchanged(unowned, token('manager'), recycle(unowned, { from: 'mql', reasonCode: 'could_not_reach' }), {
        code: 'conflict',
        message: `contact ${unowned}: Could not reach needs a cadence first: the lead has no owner, so nobody has tried yet`,
      });
    });
  });

  describe('refusals change nothing', () => {
    it('a move the funnel lacks is a conflict saying where the contact can go', async () => {
      const contactId = await makeContact({ stage: 'sql', ownerId: userId('rep') });
      await expectRefusedUnchanged(contactId, token('rep'), stage(contactId, 'sql', 'customer', { dealValue: 900 }), {
        code: 'conflict',
        message: `contact ${contactId}: a contact cannot go from sql to customer; from sql it can go to opportunity, recycled, disqualified`,
      });
    });

    it('someone else’s lead, or a move that is not theirs, is forbidden', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      await expectRefusedUnchanged(contactId, token('rep2'), stage(contactId, 'opportunity', 'customer', { dealValue: 5000 }), {
        code: 'forbidden',
        message: `contact ${contactId} belongs to another rep; ask its owner or a manager`,
      });
      const unowned = await makeContact({ stage: 'opportunity' });
      await expectRefusedUnchanged(unowned, token('marketing'), recycle(unowned, { from: 'opportunity', reasonCode: 'price' }), {
        code: 'forbidden',
        message: `contact ${unowned}: moving a contact from opportunity to recycled is for the rep who owns it or a manager`,
      });
    });

    it('a stale expected stage is a conflict, for a stage change and for a recycle that names its stage', async () => {
      const contactId = await makeContact({ stage: 'opportunity', ownerId: userId('rep') });
      await expectRefusedUnchanged(contactId, token('rep'), stage(contactId, 'sql', 'opportunity'), {
        code: 'conflict',
        message: `contact ${contactId} is opportunity now, not sql: reload and try again`,
      });
      await expectRefusedUnchanged(contactId, token('rep'), recycle(contactId, { from: 'sql', reasonCode: 'not_ready' }), {
        code: 'conflict',
        message: `contact ${contactId} is opportunity now, not sql: reload and try again`,
      });
    });
  });
});
