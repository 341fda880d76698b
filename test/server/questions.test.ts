import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MutationInput, MutationResult } from '../../lib/core/model/mutations';
import { QuestionAnswer, QuestionGroupPage, type QuestionGroup } from '../../lib/core/model/questions';
import { SyncPage } from '../../lib/core/model/sync';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { auditEvents, content, questionAnswers, questions } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
const CREATED = '2026-01-19T14:00:00.000Z';

const ZERO: Record<LifecycleStage, number> = {
  visitor: 0,
  lead: 0,
  mql: 0,
  sql: 0,
  opportunity: 0,
  customer: 0,
  recycled: 0,
  disqualified: 0,
};

describe.each(STORE_KINDS)('prospects’ questions on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let seq = 0;
  const fresh = (prefix: string) => `${prefix}-${++seq}`;

  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  beforeEach(() => server.clock.set(NOW));

  const token = (ws: TestWorkspace, who: string) => ws.users[who]!.token;
  const userId = (ws: TestWorkspace, who: string) => ws.users[who]!.id;
  const db = () => server.store.db;

  async function push(tok: string, mutations: unknown[]): Promise<MutationResult[]> {
    const res = await server.api(tok, '/v1/mutations', { method: 'POST', json: { mutations } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: MutationResult[] }).results;
  }

  async function makeContact(ws: TestWorkspace, stage: LifecycleStage, owner: string | null = 'rep'): Promise<string> {
    const id = fresh('c');
    await writeInWorkspace(db(), ws.id, (tx) =>
      insertContact(tx, ws.id, { id, email: `${id}@lead.example`, stage, ownerId: owner ? userId(ws, owner) : null }, new Date(CREATED), { kind: 'import' }),
    );
    return id;
  }

  const note = (contactId: string, text: string, at = NOW, questionId = fresh('q')): MutationInput =>
    ({ id: fresh('m'), type: 'question.note', at: NOW, question: { id: questionId, contactId, text, at } }) as MutationInput;

  async function questionRows(contactId: string) {
    return db().select().from(questions).where(eq(questions.contactId, contactId));
  }

  async function addContent(ws: TestWorkspace, title: string, archived = false): Promise<string> {
    const id = fresh('ct');
    await db()
      .insert(content)
      .values({ id, workspaceId: ws.id, title, url: `https://www.acme.example/${id}`, kind: 'article', journeyStage: 'consideration', archived, updatedAt: new Date(NOW) });
    return id;
  }

  async function listGroups(ws: TestWorkspace, query = '', who = 'marketing'): Promise<QuestionGroupPage> {
    const res = await server.api(token(ws, who), `/v1/questions${query}`);
    expect(res.status).toBe(200);
    return QuestionGroupPage.parse(await res.json());
  }

  describe('question.note', () => {
    it('records the question with its group key, who noted it and the stage the contact was in', async () => {
      const contactId = await makeContact(acme, 'mql');
      const m = note(contactId, '  Do you integrate with Salesforce?  ', '2026-01-19T14:45:00.000Z', 'q-sf');
      expect(await push(token(acme, 'rep'), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      const rows = await questionRows(contactId);
      expect(rows.map((r) => ({ id: r.id, text: r.text, key: r.groupKey, stage: r.stage, userId: r.userId, at: r.at.toISOString() }))).toEqual([
        { id: 'q-sf', text: 'Do you integrate with Salesforce?', key: 'integr-salesforc', stage: 'mql', userId: userId(acme, 'rep'), at: '2026-01-19T14:45:00.000Z' },
      ]);
    });

    it('applies a replay once, answering duplicate', async () => {
      const contactId = await makeContact(acme, 'lead');
      const m = note(contactId, 'Is there an API?');
      expect(await push(token(acme, 'rep'), [m])).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await push(token(acme, 'rep'), [m])).toEqual([{ id: m.id, status: 'duplicate', firstStatus: 'applied' }]);
      expect(await questionRows(contactId)).toHaveLength(1);
    });

    it('takes 280 characters and refuses 281 with a precise error, storing nothing', async () => {
      const contactId = await makeContact(acme, 'lead');
      const longest = `Pricing ${'x'.repeat(272)}`;
      expect(longest).toHaveLength(280);
      const ok = note(contactId, longest);
      const tooLong = note(contactId, `${longest}y`);
      const results = await push(token(acme, 'rep'), [ok, tooLong]);
      expect(results[0]).toEqual({ id: ok.id, status: 'applied' });
      expect(results[1]).toEqual({
        id: tooLong.id,
        status: 'rejected',
        error: {
          code: 'bad_request',
          message: `mutation ${tooLong.id} is not valid: question.text: a question must be at most 280 characters`,
          issues: [{ path: 'question.text', message: 'a question must be at most 280 characters' }],
        },
      });
      expect((await questionRows(contactId)).map((r) => r.text)).toEqual([longest]);
    });

    it('refuses a line break, an empty question and one with no word to group by', async () => {
      const contactId = await makeContact(acme, 'lead');
      const [twoLines, empty, noWord] = await push(token(acme, 'rep'), [
        note(contactId, 'Pricing?\nAnd SSO?'),
        note(contactId, '   '),
        note(contactId, '? ! a'),
      ]);
      expect(twoLines!.error?.issues).toEqual([{ path: 'question.text', message: 'a question is one line: no line breaks' }]);
      expect(empty!.error?.issues).toEqual([{ path: 'question.text', message: 'a question must not be empty' }]);
      expect(noWord!.error?.issues).toEqual([{ path: 'question.text', message: 'a question needs at least one word of two letters or more' }]);
      expect(await questionRows(contactId)).toEqual([]);
    });

    it('refuses a question dated more than 5 minutes ahead of the server clock', async () => {
      const contactId = await makeContact(acme, 'lead');
      const [ahead] = await push(token(acme, 'rep'), [note(contactId, 'Pricing?', '2026-01-19T15:05:01.000Z')]);
      expect(ahead!.error).toEqual({
        code: 'bad_request',
        message: expect.stringContaining('question.at: must not be more than 5 minutes ahead of the server clock (2026-01-19T15:00:00.000Z)'),
        issues: [{ path: 'question.at', message: 'must not be more than 5 minutes ahead of the server clock (2026-01-19T15:00:00.000Z)' }],
      });
      expect(await questionRows(contactId)).toEqual([]);
    });

    it("answers an unknown contact and another workspace's the same: not found, nothing stored", async () => {
      const theirs = await makeContact(globex, 'lead');
      const [unknown, foreign] = await push(token(acme, 'rep'), [note('c-nobody', 'Pricing?'), note(theirs, 'Pricing?')]);
      expect(unknown!.error).toEqual({ code: 'not_found', message: 'contact c-nobody not found' });
      expect(foreign!.error).toEqual({ code: 'not_found', message: `contact ${theirs} not found` });
      expect(await questionRows(theirs)).toEqual([]);
    });

    it("forbids a rep to note on another rep's lead; its owner and a manager may", async () => {
      const contactId = await makeContact(acme, 'sql', 'rep');
      const [byRep2] = await push(token(acme, 'rep2'), [note(contactId, 'Pricing?')]);
      expect(byRep2!.error).toEqual({ code: 'forbidden', message: `contact ${contactId} belongs to another rep; ask its owner or a manager` });
      const [byManager] = await push(token(acme, 'manager'), [note(contactId, 'Pricing?')]);
      expect(byManager!.status).toBe('applied');
      expect((await questionRows(contactId)).map((r) => r.userId)).toEqual([userId(acme, 'manager')]);
    });

    it('refuses a question id already used, leaving the first question as it was', async () => {
      const contactId = await makeContact(acme, 'lead');
      await push(token(acme, 'rep'), [note(contactId, 'Pricing?', NOW, 'q-twice')]);
      const [again] = await push(token(acme, 'rep'), [note(contactId, 'SSO?', NOW, 'q-twice')]);
      expect(again!.error).toEqual({ code: 'conflict', message: 'question q-twice already exists: note it under a new question id' });
      expect((await questionRows(contactId)).map((r) => r.text)).toEqual(['Pricing?']);
    });

    it('records the stage at the time asked, from the stage history, when the note arrives after a move', async () => {
      const contactId = await makeContact(acme, 'mql');
      // The contact was accepted as SQL at 15:00 (the server clock); a note made offline at 14:30 arrives after that.
      const accept = { id: fresh('m'), type: 'contact.stage', at: NOW, contactId, from: 'mql', to: 'sql' };
      expect((await push(token(acme, 'rep'), [accept]))[0]!.status).toBe('applied');
      server.clock.set('2026-01-19T15:02:00.000Z');
      await push(token(acme, 'rep'), [
        note(contactId, 'Before the call', '2026-01-19T14:30:00.000Z', 'q-before'),
        note(contactId, 'After the call', '2026-01-19T15:01:00.000Z', 'q-after'),
      ]);
      const rows = await questionRows(contactId);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.stage]))).toEqual({ 'q-before': 'mql', 'q-after': 'sql' });
    });
  });

  describe('GET /v1/questions', () => {
    let ws: TestWorkspace;
    let groupsByHand: QuestionGroup[];
    beforeAll(async () => {
      ws = await makeWorkspace(server, `Questions ${kind}`);
      const lead = await makeContact(ws, 'lead');
      const mql = await makeContact(ws, 'mql');
      const sql = await makeContact(ws, 'sql');
      const other = await makeContact(ws, 'mql');
      server.clock.set(NOW);
      const results = await push(token(ws, 'rep'), [
        note(lead, 'Do you integrate with Salesforce?', '2026-01-19T10:00:00.000Z'),
        note(mql, 'does it integrate w/ salesforce', '2026-01-19T11:00:00.000Z'),
        note(sql, 'Salesforce integration?', '2026-01-19T12:00:00.000Z'),
        note(sql, 'Salesforce integration?', '2026-01-19T12:30:00.000Z'),
        note(mql, 'How much does it cost?', '2026-01-19T13:00:00.000Z'),
        note(sql, 'How much does it cost', '2026-01-19T13:30:00.000Z'),
        note(other, 'Do you support SSO?', '2026-01-19T13:00:00.000Z'),
        note(lead, 'SSO supported?', '2026-01-19T13:30:00.000Z'),
        note(other, 'What about GDPR?', '2026-01-19T09:00:00.000Z'),
      ]);
      expect(results.map((r) => r.status)).toEqual(Array(9).fill('applied'));
      // By hand: Salesforce asked 4 times by 3 contacts (lead, mql, sql twice); cost and SSO twice each, both last at
      // 13:30, so their keys order them ("cost" before "sso-support"); GDPR once.
      groupsByHand = [
        {
          key: 'integr-salesforc',
          count: 4,
          contacts: 3,
          byStage: { ...ZERO, lead: 1, mql: 1, sql: 2 },
          firstAskedAt: '2026-01-19T10:00:00.000Z',
          lastAskedAt: '2026-01-19T12:30:00.000Z',
          wordings: ['Salesforce integration?', 'does it integrate w/ salesforce', 'Do you integrate with Salesforce?'],
          answer: null,
        },
        {
          key: 'cost-much',
          count: 2,
          contacts: 2,
          byStage: { ...ZERO, mql: 1, sql: 1 },
          firstAskedAt: '2026-01-19T13:00:00.000Z',
          lastAskedAt: '2026-01-19T13:30:00.000Z',
          wordings: ['How much does it cost', 'How much does it cost?'],
          answer: null,
        },
        {
          key: 'sso-support',
          count: 2,
          contacts: 2,
          byStage: { ...ZERO, lead: 1, mql: 1 },
          firstAskedAt: '2026-01-19T13:00:00.000Z',
          lastAskedAt: '2026-01-19T13:30:00.000Z',
          wordings: ['SSO supported?', 'Do you support SSO?'],
          answer: null,
        },
        {
          key: 'gdpr',
          count: 1,
          contacts: 1,
          byStage: { ...ZERO, mql: 1 },
          firstAskedAt: '2026-01-19T09:00:00.000Z',
          lastAskedAt: '2026-01-19T09:00:00.000Z',
          wordings: ['What about GDPR?'],
          answer: null,
        },
      ];
    }, 60_000);

    it('groups wordings of the same question and ranks by how often, then how recently, then key', async () => {
      expect(await listGroups(ws)).toEqual({ groups: groupsByHand, more: false, next: null });
    });

    it('pages through the ranking without skipping or repeating a tie', async () => {
      const seen: string[] = [];
      let query = '?limit=1';
      for (let i = 0; i < 10; i++) {
        const page = await listGroups(ws, query);
        seen.push(...page.groups.map((g) => g.key));
        if (!page.more) break;
        expect(page.next).not.toBeNull();
        query = `?limit=1&before=${page.next}`;
      }
      expect(seen).toEqual(['integr-salesforc', 'cost-much', 'sso-support', 'gdpr']);
    });

    it('counts only the questions asked at a stage when one is given', async () => {
      const page = await listGroups(ws, '?stage=sql');
      expect(page.groups.map((g) => [g.key, g.count, g.byStage.sql, g.wordings])).toEqual([
        ['integr-salesforc', 2, 2, ['Salesforce integration?']],
        ['cost-much', 1, 1, ['How much does it cost']],
      ]);
    });

    it('refuses a bad stage, a hand-made cursor and a limit over 200, naming each', async () => {
      const res = await server.api(token(ws, 'marketing'), '/v1/questions?stage=won&limit=201');
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path).sort()).toEqual(['limit', 'stage']);
      const cursor = await server.api(token(ws, 'marketing'), '/v1/questions?before=eyJ4IjoxfQ');
      expect(cursor.status).toBe(400);
      expect(await cursor.json()).toEqual({
        error: {
          code: 'bad_request',
          message: 'query is not valid: before: must be the `next` cursor of an earlier page',
          issues: [{ path: 'before', message: 'must be the `next` cursor of an earlier page' }],
        },
      });
    });

    it("lets marketing, managers and admins read it all; a rep only their own leads'; nobody without a token", async () => {
      for (const who of ['marketing', 'manager', 'admin']) expect((await server.api(token(ws, who), '/v1/questions')).status).toBe(200);
      // Every contact asking here is rep's: rep reads the whole ranking, rep2 (who owns none of them) reads nothing.
      expect(await listGroups(ws, '', 'rep')).toEqual({ groups: groupsByHand, more: false, next: null });
      expect(await listGroups(ws, '', 'rep2')).toEqual({ groups: [], more: false, next: null });
      expect((await server.api(null, '/v1/questions')).status).toBe(401);
    });

    it("shows a rep nothing of another rep's leads: not a count, a contact, a stage or a wording", async () => {
      const mine = await makeContact(ws, 'mql', 'rep');
      const theirs = await makeContact(ws, 'sql', 'rep2');
      expect((await push(token(ws, 'rep'), [note(mine, 'Is there an Oracle connector?', '2026-01-19T14:00:00.000Z')]))[0]!.status).toBe('applied');
      const pushed = await push(token(ws, 'rep2'), [
        note(theirs, 'Do you have an Oracle connector?', '2026-01-19T14:10:00.000Z'),
        note(theirs, 'Do you have an Oracle connector?', '2026-01-19T14:20:00.000Z'),
        note(theirs, 'Can we host it on premises?', '2026-01-19T14:30:00.000Z'),
      ]);
      expect(pushed.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const all = await listGroups(ws, '?limit=200');
      const oracle = all.groups.find((g) => g.wordings.includes('Do you have an Oracle connector?'))!;
      const premises = all.groups.find((g) => g.wordings.includes('Can we host it on premises?'))!;
      // The workspace's view: the two Oracle wordings are one group, asked 3 times by 2 contacts.
      expect(oracle).toMatchObject({ count: 3, contacts: 2, wordings: ['Do you have an Oracle connector?', 'Is there an Oracle connector?'] });
      expect([oracle.key, premises.key]).toEqual(['connector-oracl', 'host-premis']);

      const repView = await listGroups(ws, '?limit=200', 'rep');
      expect(repView.groups.find((g) => g.key === oracle.key)).toEqual({
        key: oracle.key,
        count: 1,
        contacts: 1,
        byStage: { ...ZERO, mql: 1 },
        firstAskedAt: '2026-01-19T14:00:00.000Z',
        lastAskedAt: '2026-01-19T14:00:00.000Z',
        wordings: ['Is there an Oracle connector?'],
        answer: null,
      });
      expect(repView.groups.map((g) => g.key)).not.toContain(premises.key);

      const rep2View = await listGroups(ws, '?limit=200', 'rep2');
      expect(rep2View.groups.map((g) => [g.key, g.count, g.contacts, g.byStage.sql, g.wordings])).toEqual([
        [oracle.key, 2, 1, 2, ['Do you have an Oracle connector?']],
        [premises.key, 1, 1, 1, ['Can we host it on premises?']],
      ]);
      // The stage filter narrows the rep's own view, never widens it.
      expect((await listGroups(ws, '?stage=sql', 'rep')).groups.map((g) => g.key)).not.toContain(oracle.key);
    });

    it("shows another workspace nothing of these", async () => {
      const page = await listGroups(globex);
      expect(page.groups.map((g) => g.key)).not.toContain('integr-salesforc');
    });
  });

  describe('answers', () => {
    let ws: TestWorkspace;
    let contactId: string;
    beforeAll(async () => {
      ws = await makeWorkspace(server, `Answers ${kind}`);
      contactId = await makeContact(ws, 'mql');
      await push(token(ws, 'rep'), [note(contactId, 'Do you integrate with Salesforce?', '2026-01-19T14:00:00.000Z')]);
    }, 60_000);

    const put = (key: string, body: unknown, who = 'marketing') =>
      server.api(token(ws, who), `/v1/questions/${encodeURIComponent(key)}/answer`, { method: 'PUT', json: body });
    const del = (key: string, who = 'marketing') => server.api(token(ws, who), `/v1/questions/${encodeURIComponent(key)}/answer`, { method: 'DELETE' });
    const auditOf = async (key: string) =>
      db()
        .select({ action: auditEvents.action, changes: auditEvents.changes, actorId: auditEvents.actorId })
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, ws.id), eq(auditEvents.targetKind, 'question'), eq(auditEvents.targetId, key)))
        .orderBy(auditEvents.at, auditEvents.id);
    const answerRow = async (key: string) =>
      (await db().select().from(questionAnswers).where(and(eq(questionAnswers.workspaceId, ws.id), eq(questionAnswers.groupKey, key))))[0];

    it('links a library item as the answer, shows it on the group and audits it; linking it again records nothing', async () => {
      const guide = await addContent(ws, 'Salesforce setup guide');
      server.clock.set('2026-01-19T15:10:00.000Z');
      const res = await put('integr-salesforc', { contentId: guide });
      expect(res.status).toBe(200);
      const answer = QuestionAnswer.parse(await res.json());
      expect({ ...answer, version: 0 }).toEqual({ key: 'integr-salesforc', contentId: guide, linkedBy: userId(ws, 'marketing'), linkedAt: '2026-01-19T15:10:00.000Z', version: 0 });
      expect((await put('integr-salesforc', { contentId: guide })).status).toBe(200);
      const [group] = (await listGroups(ws)).groups;
      expect(group!.answer).toEqual({ contentId: guide, title: 'Salesforce setup guide', linkedBy: userId(ws, 'marketing'), linkedAt: '2026-01-19T15:10:00.000Z' });
      expect(await auditOf('integr-salesforc')).toEqual([
        { action: 'question.answer', changes: { contentId: { before: null, after: guide } }, actorId: userId(ws, 'marketing') },
      ]);

      // Replaced by a manager, then unlinked by an admin: each recorded; unlinking again changes nothing.
      const better = await addContent(ws, 'Salesforce integration FAQ');
      server.clock.set('2026-01-19T15:20:00.000Z');
      expect((await put('integr-salesforc', { contentId: better }, 'manager')).status).toBe(200);
      server.clock.set('2026-01-19T15:30:00.000Z');
      expect((await del('integr-salesforc', 'admin')).status).toBe(204);
      expect((await del('integr-salesforc', 'admin')).status).toBe(204);
      expect((await answerRow('integr-salesforc'))!.contentId).toBeNull();
      expect((await listGroups(ws)).groups[0]!.answer).toBeNull();
      expect((await auditOf('integr-salesforc')).map((e) => [e.action, e.changes])).toEqual([
        ['question.answer', { contentId: { before: null, after: guide } }],
        ['question.answer', { contentId: { before: guide, after: better } }],
        ['question.unanswer', { contentId: { before: better, after: null } }],
      ]);
    });

    it("refuses unknown content, another workspace's and an archived item, precisely, and links nothing", async () => {
      const foreign = await addContent(globex, 'Not yours');
      const archived = await addContent(ws, 'Old guide', true);
      const unknown = await put('integr-salesforc', { contentId: 'ct-nothing' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'content ct-nothing not found' } });
      const theirs = await put('integr-salesforc', { contentId: foreign });
      expect(await theirs.json()).toEqual({ error: { code: 'not_found', message: `content ${foreign} not found` } });
      const old = await put('integr-salesforc', { contentId: archived });
      expect(old.status).toBe(409);
      expect(await old.json()).toEqual({
        error: { code: 'conflict', message: `content ${archived} is archived: restore it to the library before linking it as an answer` },
      });
      expect((await answerRow('integr-salesforc'))?.contentId ?? null).toBeNull();
    });

    it('takes a key of any letters in the path, percent-encoded', async () => {
      await push(token(ws, 'rep'), [note(contactId, '日本語のサポート?', '2026-01-19T14:05:00.000Z')]);
      const [row] = await db().select().from(questions).where(and(eq(questions.workspaceId, ws.id), eq(questions.text, '日本語のサポート?')));
      const guide = await addContent(ws, 'Japanese support');
      const res = await put(row!.groupKey, { contentId: guide });
      expect(res.status).toBe(200);
      expect(QuestionAnswer.parse(await res.json()).key).toBe(row!.groupKey);
    });

    it('refuses a group nobody asked, a key that cannot be one, a bad body and reps', async () => {
      const guide = await addContent(ws, 'Guide');
      const nobody = await put('pric', { contentId: guide });
      expect(nobody.status).toBe(404);
      expect(await nobody.json()).toEqual({ error: { code: 'not_found', message: 'question group pric not found' } });
      expect((await put('not a key!', { contentId: guide })).status).toBe(404);
      const bad = await put('integr-salesforc', { contentId: guide, note: 'x' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['']);
      const missing = await put('integr-salesforc', {});
      expect(((await missing.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['contentId']);
      expect((await put('integr-salesforc', { contentId: guide }, 'rep')).status).toBe(403);
      expect((await del('integr-salesforc', 'rep')).status).toBe(403);
      // Another workspace's group is like one nobody asked.
      const theirs = await server.api(token(globex, 'marketing'), '/v1/questions/integr-salesforc/answer', { method: 'DELETE' });
      expect(theirs.status).toBe(404);
    });
  });

  describe('sync', () => {
    async function pullAll(tok: string): Promise<SyncPage> {
      const res = await server.api(tok, '/v1/sync?limit=1000');
      expect(res.status).toBe(200);
      return SyncPage.parse(await res.json());
    }

    it("brings the questions of the rep's own contacts and every answer, and a reassigned contact's questions with it", async () => {
      const ws = await makeWorkspace(server, `Sync questions ${kind}`);
      const mine = await makeContact(ws, 'mql', 'rep');
      const theirs = await makeContact(ws, 'sql', 'rep2');
      await push(token(ws, 'rep'), [note(mine, 'Do you support SSO?', '2026-01-19T14:10:00.000Z', 'q-mine')]);
      await push(token(ws, 'rep2'), [note(theirs, 'SSO supported?', '2026-01-19T14:20:00.000Z', 'q-theirs')]);
      const guide = await addContent(ws, 'SSO guide');
      expect((await server.api(token(ws, 'marketing'), '/v1/questions/sso-support/answer', { method: 'PUT', json: { contentId: guide } })).status).toBe(200);

      const first = await pullAll(token(ws, 'rep'));
      expect(first.questions.map((q) => [q.id, q.contactId, q.key, q.stage, q.text])).toEqual([['q-mine', mine, 'sso-support', 'mql', 'Do you support SSO?']]);
      expect(first.answers.map((a) => [a.key, a.contentId])).toEqual([['sso-support', guide]]);

      // The other rep's lead comes to this rep: its question comes with it, as history.
      const moved = await server.api(token(ws, 'manager'), `/v1/contacts/${theirs}`, { method: 'PATCH', json: { ownerId: userId(ws, 'rep') } });
      expect(moved.status).toBe(200);
      const next = await server.api(token(ws, 'rep'), `/v1/sync?cursor=${first.cursor}`);
      const page = SyncPage.parse(await next.json());
      expect(page.questions.map((q) => q.id)).toEqual(['q-theirs']);
      expect(page.answers).toEqual([]);

      // An unlink comes down as the row with no item.
      expect((await server.api(token(ws, 'marketing'), '/v1/questions/sso-support/answer', { method: 'DELETE' })).status).toBe(204);
      const after = SyncPage.parse(await (await server.api(token(ws, 'rep'), `/v1/sync?cursor=${page.cursor}`)).json());
      expect(after.answers.map((a) => [a.key, a.contentId])).toEqual([['sso-support', null]]);
      expect(after.questions).toEqual([]);
    });
  });
});
