import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadsideDatabase } from '../../../lib/db/database';
import { changeStage, logAttempt, noteQuestion, undoAttempt, type WriteContext } from '../../../lib/db/writes';
import { readMeta } from '../../../lib/db/meta';
import { signIn, storedApi } from '../../../lib/session';
import { readSyncState, resolveEmails, syncOnce, type SyncContext } from '../../../lib/sync';
import { insertContact } from '../../../server/domain/contacts/create';
import { reassignContact } from '../../../server/domain/contacts/owners';
import { writeInWorkspace } from '../../../server/store/db';
import { activities, attempts as attemptsTable, contacts, questions as questionsTable } from '../../../server/store/schema';
import { makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../server/harness';

// The real sync engine against the real server over HTTP on PGlite, with a real (fake-indexeddb) Dexie cache.

let server: TestServer;
let acme: TestWorkspace;
let port: number;
const dataDir = mkdtempSync(join(tmpdir(), 'leadside-sync-'));
let dbCount = 0;
const dbs: LeadsideDatabase[] = [];
let idSeq = 0;

async function seedContact(id: string, email: string, owner: 'rep' | 'rep2' | null, history = 0): Promise<void> {
  await writeInWorkspace(server.store.db, acme.id, async (tx) => {
    await insertContact(tx, acme.id, { id, email, stage: 'mql', ownerId: owner ? acme.users[owner]!.id : null }, server.clock.now(), { kind: 'import' });
    for (let i = 0; i < history; i++) {
      await tx.insert(activities).values({
        id: `${id}_v${i}`,
        workspaceId: acme.id,
        contactId: id,
        type: 'page_view',
        at: new Date(Date.parse('2026-01-10T12:00:00Z') + i * 60_000),
        url: `https://www.acme.example/page/${i}`,
        trustLabel: 'human',
        trustReason: 'a person',
      });
    }
  });
}

/** A signed-in cache for a user, with a network we can cut. */
async function client(user: 'rep' | 'rep2' = 'rep', token = acme.users[user]!.token) {
  const db = new LeadsideDatabase(`leadside-engine-${++dbCount}`);
  dbs.push(db);
  const net = { down: false, loseNextAnswer: false };
  const fetchThroughNet: typeof fetch = async (input, init) => {
    if (net.down) throw new TypeError('fetch failed');
    const res = await fetch(input, init);
    if (net.loseNextAnswer) {
      // The server got it and committed; the answer is lost on the way back.
      net.loseNextAnswer = false;
      throw new TypeError('network connection was lost');
    }
    return res;
  };
  await signIn(db, { url: server.url, token }, fetchThroughNet);
  const ctx = async (extra: Partial<SyncContext> = {}): Promise<SyncContext> => ({
    db,
    api: await storedApi(db, fetchThroughNet),
    now: server.clock.now,
    random: () => 0.5,
    ...extra,
  });
  const writes: WriteContext = { db, now: server.clock.now, newId: () => `id_${++idSeq}_${Math.random().toString(36).slice(2, 8)}`, userId: acme.users[user]!.id };
  return { db, net, ctx, writes, sync: async (extra: Partial<SyncContext> = {}) => syncOnce(await ctx(extra), { force: true }) };
}

async function serverAttempts(contactId: string) {
  return server.store.db.select().from(attemptsTable).where(eq(attemptsTable.contactId, contactId));
}

beforeAll(async () => {
  server = await startTestServer('pglite', { dataDir });
  port = server.port;
  acme = await makeWorkspace(server, 'Acme');
  await seedContact('c_dana', 'dana@buyer.example', 'rep', 3);
  await seedContact('c_eli', 'eli@buyer.example', 'rep', 1);
  await seedContact('c_other', 'other@buyer.example', 'rep2', 2);
  await seedContact('c_free', 'free@buyer.example', null, 4);
}, 60_000);
afterAll(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the sync engine against the real server', () => {
  it('first sync brings the rep’s own contacts with their history, the settings and a cursor, reporting progress', async () => {
    const { db, sync } = await client();
    const progress: number[] = [];
    const outcome = await sync({ onProgress: (p) => void progress.push(p.rows) });
    expect(outcome).toMatchObject({ kind: 'done', pushed: 0, rejected: 0 });
    expect((await db.contacts.toArray()).map((c) => c.id).sort()).toEqual(['c_dana', 'c_eli']);
    expect(await db.activities.where('contactId').equals('c_dana').count()).toBe(3);
    expect(await db.activities.where('contactId').equals('c_other').count()).toBe(0);
    expect((await db.meta.get('settings'))?.value).toMatchObject({ calendar: { timeZone: 'America/New_York' } });
    expect((await db.meta.get('cursor'))?.value).toEqual(expect.any(String));
    expect(progress.length).toBeGreaterThan(0);
    expect(await readSyncState(db)).toMatchObject({ status: 'idle', failures: 0, progress: null });
  });

  it('pulls in pages when there is more than a page, and then only what changed', async () => {
    const { db, sync } = await client();
    const pages: number[] = [];
    await sync({ pageSize: 3, onProgress: (p) => void pages.push(p.pages) });
    expect(pages.at(-1)).toBeGreaterThan(1);
    expect(await db.contacts.count()).toBe(2);
    await writeInWorkspace(server.store.db, acme.id, (tx) =>
      tx.insert(activities).values({
        id: 'c_dana_new',
        workspaceId: acme.id,
        contactId: 'c_dana',
        type: 'content_download',
        at: new Date('2026-01-19T14:00:00Z'),
        trustLabel: 'human',
        trustReason: 'a person',
      }),
    );
    const outcome = await sync();
    expect(outcome).toMatchObject({ kind: 'done', rows: 1 });
    expect(await db.activities.get('c_dana_new')).toMatchObject({ type: 'content_download' });
  });

  it('drops a contact reassigned away, and the new owner gets it with its whole history', async () => {
    await seedContact('c_moving', 'moving@buyer.example', 'rep', 2);
    const rep = await client('rep');
    const rep2 = await client('rep2');
    await rep.sync();
    await rep2.sync();
    expect(await rep.db.contacts.get('c_moving')).toBeDefined();
    await writeInWorkspace(server.store.db, acme.id, async (tx) => {
      const [row] = await tx.select().from(contacts).where(eq(contacts.id, 'c_moving'));
      await reassignContact(tx, { workspaceId: acme.id, kind: 'user', userId: acme.users.manager!.id }, row!, acme.users.rep2!.id, server.clock.now());
    });
    await rep.sync();
    await rep2.sync();
    expect(await rep.db.contacts.get('c_moving')).toBeUndefined();
    expect(await rep.db.activities.where('contactId').equals('c_moving').count()).toBe(0);
    expect(await rep2.db.contacts.get('c_moving')).toMatchObject({ ownerId: acme.users.rep2!.id });
    expect(await rep2.db.activities.where('contactId').equals('c_moving').count()).toBe(2);
    // The stage history goes and comes with the contact.
    expect(await rep.db.stageChanges.where('contactId').equals('c_moving').count()).toBe(0);
    expect((await rep2.db.stageChanges.where('contactId').equals('c_moving').toArray()).map((s) => [s.from, s.to])).toEqual([[null, 'mql']]);
  });

  it('brings each contact’s stage history, and the rep’s own move comes back as history in their name', async () => {
    await seedContact('c_hist', 'hist@buyer.example', 'rep');
    const { db, writes, sync } = await client();
    await sync();
    const history = () =>
      db.stageChanges
        .where('[contactId+at]')
        .between(['c_hist', Dexie.minKey], ['c_hist', Dexie.maxKey])
        .toArray()
        .then((rows) => rows.map((s) => [s.from, s.to, s.actor.kind, s.actor.name, s.mutationId]));
    expect(await history()).toEqual([[null, 'mql', 'import', null, null]]);
    server.clock.advance(60_000);
    await changeStage(writes, 'c_hist', { kind: 'stage', to: 'sql' });
    const [entry] = await db.outbox.toArray();
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await history()).toEqual([
      [null, 'mql', 'import', null, null],
      ['mql', 'sql', 'user', 'Acme rep', entry!.id],
    ]);
  });

  it('logs offline, keeps it through failed syncs, and applies it exactly once when the network is back', async () => {
    const { db, net, writes, sync } = await client();
    await sync();
    net.down = true;
    const attempt = await logAttempt(writes, { contactId: 'c_eli', channel: 'call', outcome: 'no_answer' });
    const failed = await sync();
    expect(failed).toMatchObject({ kind: 'failed', state: { status: 'offline', failures: 1 } });
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect(await db.attempts.get(attempt.id)).toBeDefined();
    net.down = false;
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect((await serverAttempts('c_eli')).filter((a) => a.id === attempt.id)).toHaveLength(1);
    expect(await readSyncState(db)).toMatchObject({ status: 'idle', failures: 0 });
  });

  it('a push whose answer is lost after the server committed is replayed without a duplicate', async () => {
    const { db, net, writes, sync } = await client();
    await sync();
    const attempt = await logAttempt(writes, { contactId: 'c_dana', channel: 'email' });
    net.loseNextAnswer = true;
    expect(await sync()).toMatchObject({ kind: 'failed', state: { status: 'offline' } });
    expect(await db.outbox.count()).toBe(1); // not acknowledged, so still here
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
    expect((await serverAttempts('c_dana')).filter((a) => a.id === attempt.id)).toHaveLength(1);
  });

  it('an undo follows its log in order, and the server ends with the attempt undone', async () => {
    const { writes, sync } = await client();
    await sync();
    const attempt = await logAttempt(writes, { contactId: 'c_dana', channel: 'voicemail', outcome: 'left_voicemail' });
    await undoAttempt(writes, attempt.id);
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 2 });
    const [row] = (await serverAttempts('c_dana')).filter((a) => a.id === attempt.id);
    expect(row?.undoneAt).not.toBeNull();
  });

  it('a stale stage change is rejected, kept visible with the reason, and rolled back locally', async () => {
    const { db, writes, sync } = await client();
    await sync();
    // Someone else moves Dana on the server first.
    await writeInWorkspace(server.store.db, acme.id, (tx) => tx.update(contacts).set({ stage: 'sql' }).where(eq(contacts.id, 'c_dana')));
    // This cache still believes mql: it sends from=mql.
    await changeStage(writes, 'c_dana', { kind: 'disqualify', reasonCode: 'other', reason: 'no budget this year' });
    expect((await db.contacts.get('c_dana'))?.stage).toBe('disqualified');
    const outcome = await sync();
    expect(outcome).toMatchObject({ kind: 'done', pushed: 0, rejected: 1 });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'rejected', error: { code: 'conflict' } });
    // The pull brought the server's stage; the rejected change no longer shows.
    expect((await db.contacts.get('c_dana'))?.stage).toBe('sql');
    expect((await server.store.db.select().from(contacts).where(eq(contacts.id, 'c_dana')))[0]?.stage).toBe('sql');
  });

  it('a question noted offline is sent once, comes back as the server’s row, brings its answer, and a refused one is taken back', async () => {
    await seedContact('c_quinn', 'quinn@buyer.example', 'rep');
    const { db, net, writes, sync } = await client();
    await sync();
    net.down = true;
    const noted = await noteQuestion(writes, { contactId: 'c_quinn', text: 'Do you support SSO?' });
    expect(await sync()).toMatchObject({ kind: 'failed', state: { status: 'offline' } });
    expect(await db.questions.get(noted.id)).toMatchObject({ key: 'sso-support', stage: 'mql', version: 0 });
    net.down = false;
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1, rejected: 0 });
    const rows = await server.store.db.select().from(questionsTable).where(eq(questionsTable.contactId, 'c_quinn'));
    expect(rows.map((r) => [r.id, r.groupKey, r.stage])).toEqual([[noted.id, 'sso-support', 'mql']]);
    expect((await db.questions.get(noted.id))?.version).toBe(rows[0]!.version);

    // Marketing links an answer: the next sync brings it.
    const marketing = acme.users.marketing!.token;
    const created = await server.api(marketing, '/v1/content', {
      method: 'POST',
      json: { title: 'SSO guide', url: 'https://www.acme.example/sso', kind: 'article', journeyStage: 'decision' },
    });
    const { id: contentId } = (await created.json()) as { id: string };
    expect((await server.api(marketing, '/v1/questions/sso-support/answer', { method: 'PUT', json: { contentId } })).status).toBe(200);
    await sync();
    expect(await db.answers.get('sso-support')).toMatchObject({ contentId });

    // A note on a lead reassigned away meanwhile is refused and taken back; the contact leaves the cache.
    const late = await noteQuestion(writes, { contactId: 'c_quinn', text: 'Pricing for 50 seats?' });
    const moved = await server.api(acme.users.manager!.token, '/v1/contacts/c_quinn', { method: 'PATCH', json: { ownerId: acme.users.rep2!.id } });
    expect(moved.status).toBe(200);
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 0, rejected: 1 });
    expect(await db.questions.get(late.id)).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ status: 'rejected', contactName: 'quinn@buyer.example', error: expect.objectContaining({ code: 'forbidden' }) })]);
  });

  it('a revoked token signs the cache out and keeps its outbox', async () => {
    const { db, writes, sync } = await client('rep2');
    await sync();
    await logAttempt(writes, { contactId: 'c_other', channel: 'social' });
    const res = await server.api(acme.users.admin!.token, `/v1/users/${acme.users.rep2!.id}/tokens`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const outcome = await sync();
    expect(outcome).toMatchObject({ kind: 'failed', state: { status: 'signed_out', signedOutBecause: 'token_refused' } });
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect(await sync()).toEqual({ kind: 'signed_out' });
  });

  it('an expired token signs the cache out saying so, keeps its outbox, and a new token of the same rep sends it', async () => {
    const newToken = async (json: object) => {
      const res = await server.api(acme.users.admin!.token, `/v1/users/${acme.users.rep!.id}/tokens`, { method: 'POST', json });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const startedAt = server.clock.now().toISOString();
    const { db, writes, sync } = await client('rep', await newToken({ name: 'Trial', expiresInDays: 1 }));
    try {
      expect(await sync()).toMatchObject({ kind: 'done' });
      server.clock.advance(86_400_000);
      await logAttempt(writes, { contactId: 'c_eli', channel: 'voicemail' });
      const outcome = await sync();
      expect(outcome).toMatchObject({ kind: 'failed', state: { status: 'signed_out', signedOutBecause: 'token_expired' } });
      expect((await readSyncState(db)).lastError).toMatch(/^This token expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC; sign in again$/);
      expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
      expect(await sync()).toEqual({ kind: 'signed_out' });

      // Signing in again as the same rep keeps the cache and its outbox, and the next sync sends what waited.
      await signIn(db, { url: server.url, token: await newToken({ name: 'Renewed' }) });
      expect(await readSyncState(db)).toMatchObject({ status: 'idle', signedOutBecause: null });
      expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
      expect((await serverAttempts('c_eli')).map((a) => a.channel)).toContain('voicemail');
    } finally {
      server.clock.set(startedAt);
    }
  });

  it('signing in as someone else while changes wait is refused, and the waiting changes stay theirs until sent', async () => {
    const { db, writes, sync } = await client('rep');
    expect(await sync()).toMatchObject({ kind: 'done' });
    await logAttempt(writes, { contactId: 'c_eli', channel: 'email' });
    // A token of its own: an earlier test revoked the colleague's harness token.
    const made = await server.api(acme.users.admin!.token, `/v1/users/${acme.users.rep2!.id}/tokens`, { method: 'POST', json: { name: 'Shared laptop' } });
    expect(made.status).toBe(201);
    const asColleague = { url: server.url, token: ((await made.json()) as { token: string }).token };
    await expect(signIn(db, asColleague)).rejects.toThrow(
      /^1 change by .+ has not reached the server yet: sign in as .+ again to send it, or sign out first \(which discards it\)$/,
    );
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect((await readMeta(db, 'me'))?.user.id).toBe(acme.users.rep!.id);
    expect(await db.contacts.get('c_eli')).toBeDefined();

    // Once it is sent, the switch goes ahead and the cache starts over for the colleague.
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
    await signIn(db, asColleague);
    expect((await readMeta(db, 'me'))?.user.id).toBe(acme.users.rep2!.id);
    expect(await db.contacts.count()).toBe(0);
  });

  it('a lookup of an address the cache does not know asks the server once and caches the answer', async () => {
    const { db, ctx, sync } = await client();
    await sync();
    const c = await ctx();
    const answers = await resolveEmails(db, c.api, ['FREE@buyer.example', 'nobody@nowhere.example', 'dana@buyer.example'], server.clock.now());
    expect(answers.map((a) => [a.email, a.state])).toEqual([
      ['free@buyer.example', 'looked_up'],
      ['nobody@nowhere.example', 'unknown'],
      ['dana@buyer.example', 'cached'],
    ]);
    // Unknown is remembered: asking again without a network answers from the cache.
    const again = await resolveEmails(db, null, ['nobody@nowhere.example'], server.clock.now());
    expect(again).toEqual([{ email: 'nobody@nowhere.example', state: 'unknown' }]);
    // The lookup put the contact in this rep's scope: the next pull brings it with its history.
    await sync();
    expect(await db.contacts.get('c_free')).toBeDefined();
    expect(await db.activities.where('contactId').equals('c_free').count()).toBe(4);
  });
});

describe('the sync engine when the server is unhappy', () => {
  it('backs off after a 500 and honours Retry-After on 429', async () => {
    const { db, ctx } = await client();
    const answer = (status: number, headers: Record<string, string> = {}): typeof fetch =>
      async () => new Response(JSON.stringify({ error: { code: 'x', message: `status ${status}` } }), { status, headers });
    const c = await ctx();
    const { createApiClient } = await import('../../../lib/api/client');
    const conn = (await db.meta.get('connection'))!.value as { url: string; token: string };
    const failing = await syncOnce({ ...c, api: createApiClient({ baseUrl: conn.url, token: conn.token, fetch: answer(500) }) }, { force: true });
    expect(failing).toMatchObject({ kind: 'failed', state: { status: 'error', failures: 1, lastError: 'status 500' } });
    // 1 failure: ceiling 2 s, jitter 0.5 → 1.5 s after now.
    const now = server.clock.now().getTime();
    expect(Date.parse((await readSyncState(db)).nextTryAt!)).toBe(now + 1500);
    // Before then an unforced sync waits.
    expect(await syncOnce({ ...c, api: createApiClient({ baseUrl: conn.url, token: conn.token }) })).toMatchObject({ kind: 'waiting' });
    const limited = await syncOnce(
      { ...c, api: createApiClient({ baseUrl: conn.url, token: conn.token, fetch: answer(429, { 'retry-after': '42' }) }) },
      { force: true },
    );
    expect(limited).toMatchObject({ kind: 'failed', state: { status: 'error', failures: 2 } });
    expect(Date.parse((await readSyncState(db)).nextTryAt!)).toBe(now + 42_000);
  });

  it('a server down and back on the same port and folder gets the attempt once', async () => {
    const { writes, sync } = await client();
    await sync();
    await server.close();
    const attempt = await logAttempt(writes, { contactId: 'c_eli', channel: 'call', outcome: 'connected' });
    expect(await sync()).toMatchObject({ kind: 'failed', state: { status: 'offline' } });
    server = await startTestServer('pglite', { dataDir, port });
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await sync()).toMatchObject({ kind: 'done', pushed: 0 });
    expect((await serverAttempts('c_eli')).filter((a) => a.id === attempt.id)).toHaveLength(1);
  });
});
