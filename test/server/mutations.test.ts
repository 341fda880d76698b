import { request } from 'node:http';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MutationInput, MutationResult } from '../../lib/core/model/mutations';
import { insertContact, type NewContact } from '../../server/domain/contacts/create';
import { deleteContact } from '../../server/domain/contacts/delete';
import { pruneAppliedMutations } from '../../server/domain/mutations/prune';
import { writeInWorkspace } from '../../server/store/db';
import { appliedMutations, attempts, contacts, content, stageChanges, suggestedLeads } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
const EARLIER = '2026-01-19T14:30:00.000Z';

describe.each(STORE_KINDS)('POST /v1/mutations on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let seq = 0;
  /** A fresh id for every mutation, attempt and contact, so tests never share rows. */
  const fresh = (prefix: string) => `${prefix}-${++seq}`;

  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  beforeEach(() => server.clock.set(NOW));

  const token = (ws: TestWorkspace, who: string) => ws.users[who]!.token;
  const userId = (ws: TestWorkspace, who: string) => ws.users[who]!.id;

  async function push(tok: string, mutations: unknown[]): Promise<{ status: number; results: MutationResult[] }> {
    const res = await server.api(tok, '/v1/mutations', { method: 'POST', json: { mutations } });
    const body = (await res.json()) as { results: MutationResult[] };
    expect(res.status).toBe(200);
    return { status: res.status, results: body.results };
  }

  async function postRaw(tok: string, body: string): Promise<{ status: number; body: unknown }> {
    const res = await server.api(tok, '/v1/mutations', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    return { status: res.status, body: await res.json() };
  }

  /**
   * The server answers 413 before reading the body, then drops the connection; fetch's keep-alive pool could hand that
   * dying socket to the next test, so this request gets a connection of its own.
   */
  function postOnOwnConnection(tok: string, body: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${server.url}/v1/mutations`,
        { method: 'POST', agent: false, headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      // The server may close while the body is still going out: the answer has arrived by then.
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
      req.end(body);
    });
  }

  async function makeContact(ws: TestWorkspace, input: Omit<NewContact, 'email'> & { email?: string }): Promise<string> {
    const id = fresh('c');
    await writeInWorkspace(server.store.db, ws.id, (tx) =>
      insertContact(tx, ws.id, { email: `${id}@lead.example`, ...input, id }, new Date(EARLIER), { kind: 'import' }),
    );
    return id;
  }

  const logAttempt = (contactId: string, attemptId = fresh('a'), attempt: Record<string, unknown> = {}): MutationInput =>
    ({
      id: fresh('m'),
      type: 'attempt.log',
      at: NOW,
      attempt: { id: attemptId, contactId, channel: 'call', outcome: 'no_answer', note: 'rang twice', at: EARLIER, ...attempt },
    }) as MutationInput;

  const undo = (attemptId: string): MutationInput => ({ id: fresh('m'), type: 'attempt.undo', at: NOW, attemptId });

  const stage = (contactId: string, from: string, to: string, reason?: string): MutationInput =>
    ({ id: fresh('m'), type: 'contact.stage', at: NOW, contactId, from, to, ...(reason ? { reason } : {}) }) as MutationInput;

  const recycle = (contactId: string, reason?: string): MutationInput =>
    ({ id: fresh('m'), type: 'contact.recycle', at: NOW, contactId, ...(reason ? { reason } : {}) }) as MutationInput;

  const suggest = (email: string, extra: Record<string, unknown> = {}): MutationInput =>
    ({ id: fresh('m'), type: 'contact.suggest', at: NOW, email, ...extra }) as MutationInput;

  const idOf = (m: MutationInput) => m.id;

  async function attemptRow(id: string) {
    const [row] = await server.store.db.select().from(attempts).where(eq(attempts.id, id));
    return row;
  }
  async function attemptsOn(contactId: string) {
    return server.store.db.select().from(attempts).where(eq(attempts.contactId, contactId));
  }
  async function contactRow(id: string) {
    const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, id));
    return row!;
  }
  async function suggestionsFor(ws: TestWorkspace, email: string) {
    return server.store.db
      .select()
      .from(suggestedLeads)
      .where(and(eq(suggestedLeads.workspaceId, ws.id), eq(suggestedLeads.email, email)));
  }

  describe('idempotency', () => {
    it('applies a batch once however often it is sent', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const m = logAttempt(contactId, 'a-thrice');
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await push(token(acme, 'rep'), [m])).results);
      expect(answers).toEqual([
        [{ id: m.id, status: 'applied' }],
        [{ id: m.id, status: 'duplicate', firstStatus: 'applied' }],
        [{ id: m.id, status: 'duplicate', firstStatus: 'applied' }],
      ]);
      const rows = await attemptsOn(contactId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: 'a-thrice',
        workspaceId: acme.id,
        contactId,
        userId: userId(acme, 'rep'),
        channel: 'call',
        outcome: 'no_answer',
        note: 'rang twice',
        contentIds: [],
        at: new Date(EARLIER),
        undoneAt: null,
      });
      expect(rows[0]!.version).toBeGreaterThan(0);
    });

    it('records the first answer in applied_mutations, keyed by user and id, stamped with the server clock', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const m = logAttempt(contactId);
      await push(token(acme, 'rep'), [m]);
      const rows = await server.store.db.select().from(appliedMutations).where(eq(appliedMutations.id, m.id));
      expect(rows).toEqual([{ userId: userId(acme, 'rep'), id: m.id, result: { id: m.id, status: 'applied' }, appliedAt: new Date(NOW) }]);
    });

    it('answers the second of two same ids in one batch as a duplicate', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const m = logAttempt(contactId);
      const { results } = await push(token(acme, 'rep'), [m, m]);
      expect(results).toEqual([
        { id: m.id, status: 'applied' },
        { id: m.id, status: 'duplicate', firstStatus: 'applied' },
      ]);
      expect(await attemptsOn(contactId)).toHaveLength(1);
    });

    it('applies once when the same batch arrives in two requests at the same time', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const m = logAttempt(contactId);
      const [a, b] = await Promise.all([push(token(acme, 'rep'), [m]), push(token(acme, 'rep'), [m])]);
      const statuses = [a.results[0]!.status, b.results[0]!.status].sort();
      expect(statuses).toEqual(['applied', 'duplicate']);
      expect(await attemptsOn(contactId)).toHaveLength(1);
    });

    it('replays a rejected mutation as a duplicate with the first error, even once it would now apply', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const m = stage(contactId, 'mql', 'opportunity');
      const error = { code: 'conflict', message: `contact ${contactId} is sql now, not mql: reload and try again` };
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'rejected', error }]);
      await server.store.db.update(contacts).set({ stage: 'mql' }).where(eq(contacts.id, contactId));
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'duplicate', firstStatus: 'rejected', error }]);
      expect((await contactRow(contactId)).stage).toBe('mql');
    });

    it('keeps ids per user: another user may use the same mutation id', async () => {
      const contactId = await makeContact(acme, { stage: 'lead' });
      const m = logAttempt(contactId);
      const other = logAttempt(contactId);
      other.id = m.id;
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect((await push(token(acme, 'rep2'), [other])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect((await attemptsOn(contactId)).map((a) => a.userId).sort()).toEqual([userId(acme, 'rep'), userId(acme, 'rep2')].sort());
    });
  });

  describe('validation', () => {
    it('rejects only the bad item, with issue paths, and applies the others', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const first = logAttempt(contactId, 'a-ok-1');
      const bad = logAttempt(contactId, 'a-bad', { channel: 'fax', at: 'yesterday' });
      const third = logAttempt(contactId, 'a-ok-3');
      const { results } = await push(token(acme, 'rep'), [first, bad, third]);
      expect(results).toEqual([
        { id: first.id, status: 'applied' },
        {
          id: bad.id,
          status: 'rejected',
          error: {
            code: 'bad_request',
            message: `mutation ${bad.id} is not valid: attempt.channel: must be one of call, email, voicemail, social; attempt.at: must be an ISO 8601 date-time with a time zone, e.g. 2026-03-06T16:30:00Z`,
            issues: [
              { path: 'attempt.channel', message: 'must be one of call, email, voicemail, social' },
              { path: 'attempt.at', message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-06T16:30:00Z' },
            ],
          },
        },
        { id: third.id, status: 'applied' },
      ]);
      expect((await attemptsOn(contactId)).map((a) => a.id).sort()).toEqual(['a-ok-1', 'a-ok-3']);
    });

    it('rejects an unknown mutation type naming the types it knows', async () => {
      const { results } = await push(token(acme, 'rep'), [{ id: 'm-odd-type', type: 'contact.delete', at: NOW }]);
      expect(results).toEqual([
        {
          id: 'm-odd-type',
          status: 'rejected',
          error: {
            code: 'bad_request',
            message: 'mutation m-odd-type is not valid: type: must be one of attempt.log, attempt.undo, attempt.amend, contact.stage, contact.recycle, contact.stage_undo, contact.suggest, question.note',
            issues: [{ path: 'type', message: 'must be one of attempt.log, attempt.undo, attempt.amend, contact.stage, contact.recycle, contact.stage_undo, contact.suggest, question.note' }],
          },
        },
      ]);
    });

    it('refuses the whole request when an item has no usable id, naming it, and applies nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const good = logAttempt(contactId);
      const noId = { ...logAttempt(contactId), id: undefined };
      const badId = { ...logAttempt(contactId), id: 'has space' };
      const res = await postRaw(token(acme, 'rep'), JSON.stringify({ mutations: [good, noId, badId] }));
      expect(res).toEqual({
        status: 400,
        body: {
          error: {
            code: 'bad_request',
            message:
              'request body is not valid: mutations.1.id: every mutation needs an id string: results are keyed by it; mutations.2.id: may hold only letters, digits, "_" and "-"',
            issues: [
              { path: 'mutations.1.id', message: 'every mutation needs an id string: results are keyed by it' },
              { path: 'mutations.2.id', message: 'may hold only letters, digits, "_" and "-"' },
            ],
          },
        },
      });
      expect(await attemptsOn(contactId)).toEqual([]);
    });

    it('refuses 501 mutations with 400 and applies none', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const batch = Array.from({ length: 501 }, () => logAttempt(contactId));
      const res = await postRaw(token(acme, 'rep'), JSON.stringify({ mutations: batch }));
      expect(res).toEqual({
        status: 400,
        body: {
          error: {
            code: 'bad_request',
            message: 'request body is not valid: mutations: at most 500 mutations a request',
            issues: [{ path: 'mutations', message: 'at most 500 mutations a request' }],
          },
        },
      });
      expect(await attemptsOn(contactId)).toEqual([]);
    });

    it('refuses an empty batch and a body that is not a batch', async () => {
      expect(await postRaw(token(acme, 'rep'), '{"mutations": []}')).toMatchObject({
        status: 400,
        body: { error: { code: 'bad_request', issues: [{ path: 'mutations', message: 'send at least one mutation' }] } },
      });
      expect(await postRaw(token(acme, 'rep'), '[1, 2]')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    });

    it('refuses malformed JSON with 400', async () => {
      expect(await postRaw(token(acme, 'rep'), '{"mutations": [')).toEqual({
        status: 400,
        body: { error: { code: 'bad_request', message: 'request body must be JSON' } },
      });
    });

    it('refuses a body over 1 MB with 413', async () => {
      const res = await postOnOwnConnection(token(acme, 'rep'), JSON.stringify({ mutations: ['x'.repeat(1024 * 1024 + 1)] }));
      expect(res).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: 'the request body must be at most 1024 KB' } } });
    });
  });

  describe('attempt.log', () => {
    it('accepts an attempt up to 5 minutes ahead of the server clock and rejects one further ahead', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const near = logAttempt(contactId, fresh('a'), { at: '2026-01-19T15:05:00Z' });
      const far = logAttempt(contactId, fresh('a'), { at: '2026-01-19T15:05:01Z' });
      const message = 'must not be more than 5 minutes ahead of the server clock (2026-01-19T15:00:00.000Z)';
      expect((await push(token(acme, 'rep'), [near, far])).results).toEqual([
        { id: near.id, status: 'applied' },
        {
          id: far.id,
          status: 'rejected',
          error: { code: 'bad_request', message: `mutation ${far.id} is not valid: attempt.at: ${message}`, issues: [{ path: 'attempt.at', message }] },
        },
      ]);
      expect(await attemptsOn(contactId)).toHaveLength(1);
    });

    it('keeps content sent with the attempt, and refuses another workspace\'s content as not found', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const addContent = (ws: TestWorkspace, id: string) =>
        writeInWorkspace(server.store.db, ws.id, (tx) =>
          tx.insert(content).values({ id, workspaceId: ws.id, title: id, url: `https://${id}.example/`, kind: 'guide', journeyStage: 'awareness', updatedAt: new Date(EARLIER) }),
        );
      const ours = fresh('k');
      const theirs = fresh('k');
      await addContent(acme, ours);
      await addContent(globex, theirs);
      const ok = logAttempt(contactId, fresh('a'), { channel: 'email', outcome: null, note: null, contentIds: [ours, ours] });
      const leak = logAttempt(contactId, fresh('a'), { channel: 'email', contentIds: [ours, theirs] });
      expect((await push(token(acme, 'rep'), [ok, leak])).results).toEqual([
        { id: ok.id, status: 'applied' },
        { id: leak.id, status: 'rejected', error: { code: 'not_found', message: `content ${theirs} not found` } },
      ]);
      const rows = await attemptsOn(contactId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'email', outcome: null, note: null, contentIds: [ours] });
    });

    it('refuses an attempt id that already exists under another mutation, leaving the first attempt as it was', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const first = logAttempt(contactId, 'a-taken', { note: 'first' });
      const second = logAttempt(contactId, 'a-taken', { note: 'second' });
      expect((await push(token(acme, 'rep'), [first, second])).results).toEqual([
        { id: first.id, status: 'applied' },
        { id: second.id, status: 'rejected', error: { code: 'conflict', message: 'attempt a-taken already exists: log it under a new attempt id' } },
      ]);
      expect((await attemptRow('a-taken'))?.note).toBe('first');
    });

    it("forbids a rep to log on another rep's contact; a manager and the unowned case may", async () => {
      const rep2s = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep2') });
      const unowned = await makeContact(acme, { stage: 'lead' });
      const byRep = logAttempt(rep2s);
      const byManager = logAttempt(rep2s);
      const onUnowned = logAttempt(unowned);
      expect((await push(token(acme, 'rep'), [byRep, onUnowned])).results).toEqual([
        {
          id: byRep.id,
          status: 'rejected',
          error: { code: 'forbidden', message: `contact ${rep2s} belongs to another rep; ask its owner or a manager` },
        },
        { id: onUnowned.id, status: 'applied' },
      ]);
      expect((await push(token(acme, 'manager'), [byManager])).results).toEqual([{ id: byManager.id, status: 'applied' }]);
      expect((await attemptsOn(rep2s)).map((a) => a.userId)).toEqual([userId(acme, 'manager')]);
    });
  });

  describe('attempt.undo', () => {
    it('sets undone_at once; undoing again is applied and changes nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-undo')]);
      const before = await attemptRow('a-undo');
      const first = undo('a-undo');
      expect((await push(token(acme, 'rep'), [first])).results).toEqual([{ id: first.id, status: 'applied' }]);
      const undone = await attemptRow('a-undo');
      expect(undone?.undoneAt).toEqual(new Date(NOW));
      expect(undone!.version).toBeGreaterThan(before!.version);

      server.clock.set('2026-01-19T16:00:00Z');
      const again = undo('a-undo');
      expect((await push(token(acme, 'rep'), [again])).results).toEqual([{ id: again.id, status: 'applied' }]);
      expect(await attemptRow('a-undo')).toEqual(undone);
    });

    it("forbids a rep to undo another rep's attempt; a manager may", async () => {
      const contactId = await makeContact(acme, { stage: 'lead' });
      await push(token(acme, 'rep2'), [logAttempt(contactId, 'a-rep2')]);
      const byRep = undo('a-rep2');
      const byManager = undo('a-rep2');
      expect((await push(token(acme, 'rep'), [byRep])).results).toEqual([
        {
          id: byRep.id,
          status: 'rejected',
          error: { code: 'forbidden', message: 'attempt a-rep2 was logged by someone else; only they or a manager may undo it' },
        },
      ]);
      expect((await attemptRow('a-rep2'))?.undoneAt).toBeNull();
      expect((await push(token(acme, 'manager'), [byManager])).results).toEqual([{ id: byManager.id, status: 'applied' }]);
      expect((await attemptRow('a-rep2'))?.undoneAt).toEqual(new Date(NOW));
    });
  });

  describe('attempt.amend', () => {
    const amend = (attemptId: string, fields: Record<string, unknown>, at = NOW): MutationInput =>
      ({ id: fresh('m'), type: 'attempt.amend', at, attemptId, ...fields }) as MutationInput;

    it('sets the outcome and the note once, with a new row version; the same mutation again is a duplicate and changes nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-amend', { outcome: null, note: null })]);
      const before = await attemptRow('a-amend');
      const m = amend('a-amend', { outcome: 'no_answer', note: 'rang out' });
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      const amended = await attemptRow('a-amend');
      expect(amended).toMatchObject({ outcome: 'no_answer', note: 'rang out', channel: 'call', at: new Date(EARLIER), undoneAt: null });
      expect(amended!.version).toBeGreaterThan(before!.version);
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'duplicate', firstStatus: 'applied' }]);
      expect(await attemptRow('a-amend')).toEqual(amended);
      expect(await attemptsOn(contactId)).toHaveLength(1);
    });

    it('leaves a field it does not name as it was, and clears one sent as null', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-partial', { outcome: 'no_answer', note: 'first note' })]);
      const m = amend('a-partial', { outcome: 'connected' });
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await attemptRow('a-partial')).toMatchObject({ outcome: 'connected', note: 'first note' });
      const clear = amend('a-partial', { note: null });
      expect((await push(token(acme, 'rep'), [clear])).results).toEqual([{ id: clear.id, status: 'applied' }]);
      expect(await attemptRow('a-partial')).toMatchObject({ outcome: 'connected', note: null });
    });

    it('refuses an amend made more than 24 hours after the attempt, and one ahead of the server clock, changing nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-late', { outcome: null })]);
      const before = await attemptRow('a-late');
      // EARLIER is 14:30 on the 19th: 14:30:01 on the 20th is a day and a second after it.
      server.clock.set('2026-01-21T09:00:00.000Z');
      const late = amend('a-late', { outcome: 'connected' }, '2026-01-20T14:30:01.000Z');
      expect((await push(token(acme, 'rep'), [late])).results).toEqual([
        {
          id: late.id,
          status: 'rejected',
          error: { code: 'conflict', message: 'attempt a-late was logged at 2026-01-19T14:30:00.000Z; it can be amended for 24 hours after that, until 2026-01-20T14:30:00.000Z' },
        },
      ]);
      const ahead = amend('a-late', { outcome: 'connected' }, '2026-01-21T10:00:00.000Z');
      const [aheadResult] = (await push(token(acme, 'rep'), [ahead])).results;
      expect(aheadResult).toMatchObject({ status: 'rejected', error: { code: 'bad_request', issues: [{ path: 'at' }] } });
      expect(await attemptRow('a-late')).toEqual(before);
      // Made offline within the day and pushed later: still applied.
      const offline = amend('a-late', { outcome: 'connected' }, '2026-01-20T14:00:00.000Z');
      expect((await push(token(acme, 'rep'), [offline])).results).toEqual([{ id: offline.id, status: 'applied' }]);
      expect((await attemptRow('a-late'))?.outcome).toBe('connected');
    });

    it("forbids a rep to amend another rep's attempt; a manager may", async () => {
      const contactId = await makeContact(acme, { stage: 'lead' });
      await push(token(acme, 'rep2'), [logAttempt(contactId, 'a-rep2-amend', { outcome: null })]);
      const byRep = amend('a-rep2-amend', { outcome: 'connected' });
      expect((await push(token(acme, 'rep'), [byRep])).results).toEqual([
        {
          id: byRep.id,
          status: 'rejected',
          error: { code: 'forbidden', message: 'attempt a-rep2-amend was logged by someone else; only they or a manager may amend it' },
        },
      ]);
      expect((await attemptRow('a-rep2-amend'))?.outcome).toBeNull();
      const byManager = amend('a-rep2-amend', { outcome: 'connected' });
      expect((await push(token(acme, 'manager'), [byManager])).results).toEqual([{ id: byManager.id, status: 'applied' }]);
      expect((await attemptRow('a-rep2-amend'))?.outcome).toBe('connected');
    });

    it('refuses an undone attempt, an unknown one and another workspace\'s alike', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-undone-amend'), undo('a-undone-amend')]);
      const onUndone = amend('a-undone-amend', { outcome: 'connected' });
      expect((await push(token(acme, 'rep'), [onUndone])).results).toEqual([
        { id: onUndone.id, status: 'rejected', error: { code: 'conflict', message: 'attempt a-undone-amend was undone; log a new attempt instead' } },
      ]);
      const unknown = amend('a-nobody', { outcome: 'connected' });
      const foreign = amend('a-undone-amend', { outcome: 'connected' });
      const [unknownResult] = (await push(token(acme, 'rep'), [unknown])).results;
      const [foreignResult] = (await push(token(globex, 'rep'), [foreign])).results;
      expect(unknownResult).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
      expect(foreignResult).toMatchObject({ status: 'rejected', error: { code: 'not_found', message: unknownResult!.error!.message.replace('a-nobody', 'a-undone-amend') } });
      expect((await attemptRow('a-undone-amend'))?.outcome).toBe('no_answer');
    });

    it('refuses bad input with a precise message and changes nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [logAttempt(contactId, 'a-bad', { outcome: null, note: null })]);
      const before = await attemptRow('a-bad');
      const nothing = amend('a-bad', {});
      const badOutcome = amend('a-bad', { outcome: 'maybe' });
      const longNote = amend('a-bad', { note: 'x'.repeat(2001) });
      const { results } = await push(token(acme, 'rep'), [nothing, badOutcome, longNote]);
      expect(results.map((r) => [r.status, r.error?.code, r.error?.issues?.map((i) => i.path)])).toEqual([
        ['rejected', 'bad_request', ['outcome']],
        ['rejected', 'bad_request', ['outcome']],
        ['rejected', 'bad_request', ['note']],
      ]);
      expect(results[0]!.error!.message).toContain('say what to amend: an outcome, a note or both');
      expect(results[2]!.error!.message).toContain('a note must be at most 2000 characters');
      expect(await attemptRow('a-bad')).toEqual(before);
    });
  });

  describe('contact.stage_undo', () => {
    const undoStage = (contactId: string, undoes: string, at = NOW): MutationInput =>
      ({ id: fresh('m'), type: 'contact.stage_undo', at, contactId, undoes }) as MutationInput;
    const historyOf = (contactId: string) =>
      server.store.db.select().from(stageChanges).where(eq(stageChanges.contactId, contactId)).orderBy(asc(stageChanges.version));

    it('puts an accepted lead back where it was and records the way back as an undo of that move; again changes nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'mql', ownerId: userId(acme, 'rep') });
      const accept = stage(contactId, 'mql', 'sql');
      await push(token(acme, 'rep'), [accept]);
      const m = undoStage(contactId, accept.id);
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect((await contactRow(contactId)).stage).toBe('mql');
      const moves = (await historyOf(contactId)).filter((h) => h.fromStage !== null);
      expect(moves.map((h) => [h.fromStage, h.toStage, h.mutationId, h.undoes === null ? null : 'undoes'])).toEqual([
        ['mql', 'sql', accept.id, null],
        ['sql', 'mql', m.id, 'undoes'],
      ]);
      expect(moves[1]!.undoes).toBe(moves[0]!.id);
      const again = undoStage(contactId, accept.id);
      expect((await push(token(acme, 'rep'), [again])).results).toEqual([{ id: again.id, status: 'applied' }]);
      expect(await historyOf(contactId)).toHaveLength(moves.length + 1);
    });

    it('a recycle undone brings back the stage it left; a move made since, another rep and an unknown move are refused', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const recycled = recycle(contactId, 'no budget this year');
      await push(token(acme, 'rep'), [recycled]);
      expect((await contactRow(contactId)).stage).toBe('recycled');
      const byOther = undoStage(contactId, recycled.id);
      const [otherResult] = (await push(token(acme, 'rep2'), [byOther])).results;
      expect(otherResult).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      const unknown = undoStage(contactId, 'm-none');
      expect((await push(token(acme, 'rep'), [unknown])).results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'not_found' },
      });
      const m = undoStage(contactId, recycled.id);
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'sql', stageReason: null });

      const accept = stage(contactId, 'sql', 'opportunity');
      await push(token(acme, 'rep'), [accept]);
      await push(token(acme, 'manager'), [stage(contactId, 'opportunity', 'customer')]);
      const late = undoStage(contactId, accept.id);
      expect((await push(token(acme, 'rep'), [late])).results).toEqual([
        { id: late.id, status: 'rejected', error: { code: 'conflict', message: `contact ${contactId} moved again since (it is customer now); that change can no longer be undone` } },
      ]);
      expect((await contactRow(contactId)).stage).toBe('customer');
    });

    it('an undone move counts in no report: the accepted lead waits for review again, the recycled one is not listed', async () => {
      const period = 'from=2026-01-18T00:00:00.000Z&to=2026-01-20T00:00:00.000Z';
      const leadsOf = async (figure: string) => {
        const res = await server.api(token(acme, 'manager'), `/v1/reports/sla/leads?figure=${figure}&${period}`);
        expect(res.status).toBe(200);
        return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
      };
      const accepted = await makeContact(acme, { stage: 'mql', ownerId: userId(acme, 'rep') });
      const accept = stage(accepted, 'mql', 'sql');
      await push(token(acme, 'rep'), [accept]);
      expect(await leadsOf('accepted')).toContain(accepted);
      await push(token(acme, 'rep'), [undoStage(accepted, accept.id)]);
      expect(await leadsOf('accepted')).not.toContain(accepted);
      expect(await leadsOf('pending_review')).toContain(accepted);

      const recycledLead = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const recycled = recycle(recycledLead, 'no budget this year');
      await push(token(acme, 'rep'), [recycled]);
      const listed = async () => {
        const res = await server.api(token(acme, 'manager'), `/v1/reports/recycled?${period}`);
        return ((await res.json()) as { items: { contactId: string }[] }).items.map((i) => i.contactId);
      };
      expect(await listed()).toContain(recycledLead);
      await push(token(acme, 'rep'), [undoStage(recycledLead, recycled.id)]);
      expect(await listed()).not.toContain(recycledLead);
    });

    it('refuses an undo made more than 24 hours after the move', async () => {
      const contactId = await makeContact(acme, { stage: 'mql', ownerId: userId(acme, 'rep') });
      const accept = stage(contactId, 'mql', 'sql');
      await push(token(acme, 'rep'), [accept]);
      server.clock.set('2026-01-21T09:00:00.000Z');
      const m = undoStage(contactId, accept.id, '2026-01-20T15:00:01.000Z');
      expect((await push(token(acme, 'rep'), [m])).results[0]).toMatchObject({ status: 'rejected', error: { code: 'conflict', message: expect.stringContaining('it can be undone for 24 hours') } });
      expect((await contactRow(contactId)).stage).toBe('sql');
    });
  });

  describe('contact.stage', () => {
    it('moves the stage from the one the client saw, clears an old reason and stamps updated_at', async () => {
      const contactId = await makeContact(acme, { stage: 'recycled', ownerId: userId(acme, 'rep') });
      await server.store.db.update(contacts).set({ stageReason: 'no budget this year' }).where(eq(contacts.id, contactId));
      const m = stage(contactId, 'recycled', 'mql');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'mql', stageReason: null, updatedAt: new Date(NOW) });
    });

    it('answers a conflict when the contact moved meanwhile, and leaves it where it is', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const m = stage(contactId, 'mql', 'opportunity');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([
        { id: m.id, status: 'rejected', error: { code: 'conflict', message: `contact ${contactId} is sql now, not mql: reload and try again` } },
      ]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'sql', updatedAt: new Date(EARLIER) });
    });

    it('disqualifies only with a reason, and keeps it', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const bare = stage(contactId, 'sql', 'disqualified');
      const reasoned = stage(contactId, 'sql', 'disqualified', 'student, not a buyer');
      expect((await push(token(acme, 'rep'), [bare, reasoned])).results).toEqual([
        {
          id: bare.id,
          status: 'rejected',
          error: {
            code: 'bad_request',
            message: `mutation ${bare.id} is not valid: reason: disqualifying needs a reason`,
            issues: [{ path: 'reason', message: 'disqualifying needs a reason' }],
          },
        },
        { id: reasoned.id, status: 'applied' },
      ]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'disqualified', stageReason: 'student, not a buyer' });
    });
  });

  describe('the stage table (lib/core/stage/transitions.ts)', () => {
    it('refuses a move the funnel does not have, saying where the contact can go, and changes nothing', async () => {
      const contactId = await makeContact(acme, { stage: 'mql', ownerId: userId(acme, 'rep') });
      const m = stage(contactId, 'mql', 'customer');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([
        {
          id: m.id,
          status: 'rejected',
          error: { code: 'conflict', message: `contact ${contactId}: a contact cannot go from mql to customer; from mql it can go to sql, recycled, disqualified` },
        },
      ]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'mql', updatedAt: new Date(EARLIER) });
    });

    it('refuses a move that is someone else’s to make, and lets them make it', async () => {
      const contactId = await makeContact(acme, { stage: 'customer', ownerId: userId(acme, 'rep') });
      const byRep = stage(contactId, 'customer', 'opportunity');
      expect((await push(token(acme, 'rep'), [byRep])).results).toEqual([
        {
          id: byRep.id,
          status: 'rejected',
          error: { code: 'forbidden', message: `contact ${contactId}: moving a contact from customer to opportunity is for a manager` },
        },
      ]);
      expect((await contactRow(contactId)).stage).toBe('customer');
      const byManager = stage(contactId, 'customer', 'opportunity');
      expect((await push(token(acme, 'manager'), [byManager])).results).toEqual([{ id: byManager.id, status: 'applied' }]);
      expect((await contactRow(contactId)).stage).toBe('opportunity');
    });

    it('takes a won opportunity to customer, and refuses to recycle a customer', async () => {
      const contactId = await makeContact(acme, { stage: 'opportunity', ownerId: userId(acme, 'rep') });
      const won = stage(contactId, 'opportunity', 'customer');
      const back = recycle(contactId, 'changed our mind');
      expect((await push(token(acme, 'rep'), [won, back])).results).toEqual([
        { id: won.id, status: 'applied' },
        {
          id: back.id,
          status: 'rejected',
          error: { code: 'conflict', message: `contact ${contactId}: a contact cannot go from customer to recycled; from customer it can go to opportunity` },
        },
      ]);
      expect((await contactRow(contactId)).stage).toBe('customer');
    });
  });

  describe('stage history', () => {
    const historyOf = (contactId: string) =>
      server.store.db
        .select({
          from: stageChanges.fromStage,
          to: stageChanges.toStage,
          at: stageChanges.at,
          actorKind: stageChanges.actorKind,
          actorId: stageChanges.actorId,
          reason: stageChanges.reason,
          mutationId: stageChanges.mutationId,
          reconstructed: stageChanges.reconstructed,
          workspaceId: stageChanges.workspaceId,
        })
        .from(stageChanges)
        .where(eq(stageChanges.contactId, contactId))
        .orderBy(asc(stageChanges.at), asc(stageChanges.version));

    it('records every move with from, to, when, who, the reason and the mutation, starting with the first stage', async () => {
      const contactId = await makeContact(acme, { stage: 'mql', ownerId: userId(acme, 'rep') });
      const accept = stage(contactId, 'mql', 'sql');
      const back = recycle(contactId, 'no budget until Q3');
      expect((await push(token(acme, 'rep'), [accept, back])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const common = { actorKind: 'user', actorId: userId(acme, 'rep'), reconstructed: false, workspaceId: acme.id, at: new Date(NOW) };
      expect(await historyOf(contactId)).toEqual([
        { from: null, to: 'mql', at: new Date(EARLIER), actorKind: 'import', actorId: null, reason: null, mutationId: null, reconstructed: false, workspaceId: acme.id },
        { ...common, from: 'mql', to: 'sql', reason: null, mutationId: accept.id },
        { ...common, from: 'sql', to: 'recycled', reason: 'no budget until Q3', mutationId: back.id },
      ]);
    });

    it('records nothing for a refused move or a replay', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const stale = stage(contactId, 'mql', 'sql');
      const impossible = stage(contactId, 'sql', 'lead');
      const theirs = stage(contactId, 'sql', 'opportunity');
      await push(token(acme, 'rep'), [stale, impossible]);
      await push(token(acme, 'rep2'), [theirs]);
      const once = stage(contactId, 'sql', 'opportunity');
      await push(token(acme, 'rep'), [once]);
      await push(token(acme, 'rep'), [once]);
      expect((await historyOf(contactId)).map((h) => [h.from, h.to, h.mutationId])).toEqual([
        [null, 'sql', null],
        ['sql', 'opportunity', once.id],
      ]);
    });

    it('records who added a contact through the API, as its first stage', async () => {
      const res = await server.api(token(acme, 'manager'), '/v1/contacts', { method: 'POST', json: { email: 'hist@leadco.example', stage: 'mql' } });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(await historyOf(id)).toMatchObject([{ from: null, to: 'mql', actorKind: 'user', actorId: userId(acme, 'manager'), at: new Date(NOW) }]);
    });
  });

  describe('contact.recycle', () => {
    it('recycles with the reason given', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const m = recycle(contactId, 'five attempts, no reply');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await contactRow(contactId)).toMatchObject({ stage: 'recycled', stageReason: 'five attempts, no reply', updatedAt: new Date(NOW) });
    });

    it('refuses a recycle without a reason', async () => {
      const contactId = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const { results } = await push(token(acme, 'rep'), [recycle(contactId)]);
      expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'bad_request', issues: [{ path: 'reason' }] } });
      expect((await contactRow(contactId)).stage).toBe('sql');
    });

    it('answers a conflict for a contact already recycled or disqualified, keeping the first reason', async () => {
      const recycled = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      const disqualified = await makeContact(acme, { stage: 'sql', ownerId: userId(acme, 'rep') });
      await push(token(acme, 'rep'), [recycle(recycled, 'no budget'), stage(disqualified, 'sql', 'disqualified', 'competitor')]);
      const again = recycle(recycled, 'gone quiet');
      const overDq = recycle(disqualified, 'gone quiet');
      expect((await push(token(acme, 'manager'), [again, overDq])).results).toEqual([
        { id: again.id, status: 'rejected', error: { code: 'conflict', message: `contact ${recycled} is already recycled: reload and try again` } },
        {
          id: overDq.id,
          status: 'rejected',
          error: { code: 'conflict', message: `contact ${disqualified} is disqualified: move it back to a funnel stage before recycling it` },
        },
      ]);
      expect(await contactRow(recycled)).toMatchObject({ stage: 'recycled', stageReason: 'no budget' });
      expect(await contactRow(disqualified)).toMatchObject({ stage: 'disqualified', stageReason: 'competitor' });
    });
  });

  describe('contact.suggest', () => {
    it('queues one pending suggestion per address, however many times it is put forward', async () => {
      const first = suggest(' New.Person@Prospect.example ', { name: 'New Person', company: 'Prospect', seenOn: 'https://mail.google.com/mail/u/0/' });
      expect((await push(token(acme, 'rep'), [first])).results).toEqual([{ id: first.id, status: 'applied' }]);
      const again = suggest('new.person@prospect.example');
      expect((await push(token(acme, 'rep2'), [again])).results).toEqual([{ id: again.id, status: 'applied' }]);
      const rows = await suggestionsFor(acme, 'new.person@prospect.example');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        email: 'new.person@prospect.example',
        name: 'New Person',
        company: 'Prospect',
        title: null,
        note: null,
        seenOn: 'https://mail.google.com/mail/u/0/',
        suggestedBy: userId(acme, 'rep'),
        suggestedAt: new Date(NOW),
        status: 'pending',
        contactId: null,
      });
      expect(await server.store.db.select().from(contacts).where(eq(contacts.email, 'new.person@prospect.example'))).toEqual([]);
    });

    it('refuses an address already a contact in this workspace, naming the contact', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', email: 'known@lead.example' });
      const m = suggest('Known@Lead.example');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([
        { id: m.id, status: 'rejected', error: { code: 'conflict', message: `known@lead.example is already in Leadside as contact ${contactId}` } },
      ]);
      expect(await suggestionsFor(acme, 'known@lead.example')).toEqual([]);
    });

    it("queues an address that is only another workspace's contact, revealing nothing about it", async () => {
      await makeContact(globex, { stage: 'lead', email: 'theirs@lead.example' });
      const m = suggest('theirs@lead.example');
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([{ id: m.id, status: 'applied' }]);
      expect(await suggestionsFor(acme, 'theirs@lead.example')).toHaveLength(1);
    });
  });

  describe('tenant isolation', () => {
    it("answers another workspace's contact exactly like an unknown one, and changes nothing there", async () => {
      const theirs = await makeContact(globex, { stage: 'sql' });
      const batch = [logAttempt(theirs), stage(theirs, 'sql', 'opportunity'), recycle(theirs, 'not ours'), logAttempt('c-nowhere')];
      const { results } = await push(token(acme, 'admin'), batch);
      expect(results).toEqual([
        { id: idOf(batch[0]!), status: 'rejected', error: { code: 'not_found', message: `contact ${theirs} not found` } },
        { id: idOf(batch[1]!), status: 'rejected', error: { code: 'not_found', message: `contact ${theirs} not found` } },
        { id: idOf(batch[2]!), status: 'rejected', error: { code: 'not_found', message: `contact ${theirs} not found` } },
        { id: idOf(batch[3]!), status: 'rejected', error: { code: 'not_found', message: 'contact c-nowhere not found' } },
      ]);
      expect(await contactRow(theirs)).toMatchObject({ stage: 'sql', stageReason: null, updatedAt: new Date(EARLIER) });
      expect(await attemptsOn(theirs)).toEqual([]);
    });

    it('answers a deleted contact as not found', async () => {
      const contactId = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      const row = await contactRow(contactId);
      await writeInWorkspace(server.store.db, acme.id, (tx) => deleteContact(tx, { workspaceId: acme.id, kind: 'user', userId: userId(acme, 'manager') }, row, new Date(EARLIER)));
      const m = logAttempt(contactId);
      expect((await push(token(acme, 'rep'), [m])).results).toEqual([
        { id: m.id, status: 'rejected', error: { code: 'not_found', message: `contact ${contactId} not found` } },
      ]);
      expect(await attemptsOn(contactId)).toEqual([]);
    });

    it("answers another workspace's attempt like an unknown one and leaves it as it was", async () => {
      const theirs = await makeContact(globex, { stage: 'lead' });
      await push(token(globex, 'rep'), [logAttempt(theirs, 'a-globex')]);
      const before = await attemptRow('a-globex');
      const cross = undo('a-globex');
      const unknown = undo('a-nowhere');
      expect((await push(token(acme, 'admin'), [cross, unknown])).results).toEqual([
        { id: cross.id, status: 'rejected', error: { code: 'not_found', message: 'attempt a-globex not found' } },
        { id: unknown.id, status: 'rejected', error: { code: 'not_found', message: 'attempt a-nowhere not found' } },
      ]);
      expect(await attemptRow('a-globex')).toEqual(before);
    });

    it("takes another workspace's attempt id exactly like an unused one: applied, undone on its own, each side syncing only its own", async () => {
      const theirs = await makeContact(globex, { stage: 'lead', ownerId: userId(globex, 'rep') });
      const ours = await makeContact(acme, { stage: 'lead', ownerId: userId(acme, 'rep') });
      expect((await push(token(globex, 'rep'), [logAttempt(theirs, 'a-both', { note: 'globex call' })])).results[0]!.status).toBe('applied');
      const [before] = await server.store.db.select().from(attempts).where(and(eq(attempts.id, 'a-both'), eq(attempts.workspaceId, globex.id)));

      // The same answers as for a fresh id: the log applies, the undo applies, a retry under a new mutation id conflicts.
      const log = logAttempt(ours, 'a-both', { note: 'acme call' });
      const unused = logAttempt(ours, fresh('a'));
      expect((await push(token(acme, 'rep'), [log, unused])).results).toEqual([
        { id: log.id, status: 'applied' },
        { id: unused.id, status: 'applied' },
      ]);
      const again = logAttempt(ours, 'a-both');
      const undoIt = undo('a-both');
      expect((await push(token(acme, 'rep'), [again, undoIt])).results).toEqual([
        { id: again.id, status: 'rejected', error: { code: 'conflict', message: 'attempt a-both already exists: log it under a new attempt id' } },
        { id: undoIt.id, status: 'applied' },
      ]);

      const rows = await server.store.db.select().from(attempts).where(eq(attempts.id, 'a-both'));
      const byWorkspace = Object.fromEntries(rows.map((r) => [r.workspaceId, r]));
      expect(rows).toHaveLength(2);
      expect(byWorkspace[globex.id]).toEqual(before);
      expect(byWorkspace[acme.id]).toMatchObject({ contactId: ours, note: 'acme call', undoneAt: new Date(NOW) });

      // Each workspace's sync and timeline carry its own attempt under that id, never the other's.
      for (const [ws, contactId, note] of [
        [acme, ours, 'acme call'],
        [globex, theirs, 'globex call'],
      ] as const) {
        const page = (await (await server.api(token(ws, 'rep'), '/v1/sync')).json()) as { attempts: { id: string; contactId: string; note: string | null }[] };
        expect(page.attempts.filter((a) => a.id === 'a-both')).toEqual([expect.objectContaining({ contactId, note })]);
        const timeline = (await (await server.api(token(ws, 'rep'), `/v1/contacts/${contactId}/timeline`)).json()) as {
          items: { kind: string; attempt?: { id: string; note: string | null } }[];
        };
        expect(timeline.items.filter((i) => i.attempt?.id === 'a-both').map((i) => i.attempt!.note)).toEqual([note]);
      }
    });
  });

  describe('pruneAppliedMutations', () => {
    it('forgets records older than 30 days and keeps the rest', async () => {
      const day = 24 * 60 * 60 * 1000;
      // Three weeks after the other tests' records, so only this test's aged ones are old enough to go.
      const now = new Date('2026-02-10T12:00:00Z');
      const rep = userId(globex, 'rep2');
      const aged = (id: string, ageMs: number) => ({
        userId: rep,
        id,
        result: { id, status: 'applied' as const },
        appliedAt: new Date(now.getTime() - ageMs),
      });
      await server.store.db
        .insert(appliedMutations)
        .values([aged('p-31d', 31 * day), aged('p-30d1ms', 30 * day + 1), aged('p-30d', 30 * day), aged('p-29d', 29 * day), aged('p-now', 0)]);
      expect(await pruneAppliedMutations(server.store.db, now)).toBe(2);
      const left = await server.store.db.select({ id: appliedMutations.id }).from(appliedMutations).where(eq(appliedMutations.userId, rep));
      expect(left.map((r) => r.id).sort()).toEqual(['p-29d', 'p-30d', 'p-now']);
    });
  });
});
