import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../lib/db/versions';
import { LeadsideDatabase } from '../../../lib/db/database';

const names: string[] = [];
function freshName(): string {
  const name = `leadside-test-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The v1 schema exactly as it shipped, to build a database a v1 extension left behind. */
function openAsV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    contacts: 'id, &email, ownerId',
    activities: 'id, contactId, [contactId+at]',
    attempts: 'id, contactId, [contactId+at]',
    content: 'id',
    outbox: '++seq, &id, status',
    suggestions: 'id, email',
    meta: 'key',
  });
  return db;
}

/** The v2 schema exactly as it shipped. */
function openAsV2(name: string): Dexie {
  const db = openAsV1(name);
  db.version(2).stores({ activities: 'id, contactId, [contactId+at], at', lookups: 'email, at' });
  return db;
}

/** The v3 schema exactly as it shipped (an upgrade only, no new tables). */
function openAsV3(name: string): Dexie {
  const db = openAsV2(name);
  db.version(3).stores({});
  return db;
}

describe('the cache schema versions', () => {
  it('a new database opens at the current version with every table', async () => {
    const db = new LeadsideDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['activities', 'alerts', 'answers', 'attempts', 'contacts', 'content', 'lookups', 'meta', 'outbox', 'people', 'questions', 'stageChanges', 'suggestions']);
    db.close();
  });

  it('v1 → v2 keeps every row, counts push tries on old outbox entries, and adds the lookups cache', async () => {
    const name = freshName();
    const v1 = openAsV1(name);
    await v1.table('contacts').add({ id: 'c1', email: 'dana@buyer.example', ownerId: 'u1' });
    await v1.table('activities').add({ id: 'v1', contactId: 'c1', at: '2026-01-10T10:00:00.000Z' });
    await v1.table('outbox').add({ id: 'm1', status: 'pending', mutation: { id: 'm1', type: 'attempt.undo' } });
    v1.close();

    const db = new LeadsideDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.contacts.get('c1')).toMatchObject({ email: 'dana@buyer.example' });
    expect(await db.outbox.where('id').equals('m1').first()).toMatchObject({ status: 'pending', tries: 0 });
    // The new index answers: activities by time alone.
    expect(await db.activities.orderBy('at').primaryKeys()).toEqual(['v1']);
    await db.lookups.put({ email: 'x@y.example', entry: null, at: '2026-01-10T10:00:00.000Z' });
    expect(await db.lookups.count()).toBe(1);
    db.close();
  });

  it('v2 → v3 gives every cached contact an unknown open-tracking consent, keeping the rest of the row', async () => {
    const name = freshName();
    const v2 = openAsV2(name);
    await v2.table('contacts').add({ id: 'c1', email: 'dana@buyer.example', ownerId: 'u1', optedOut: false });
    await v2.table('outbox').add({ id: 'm1', status: 'pending', mutation: { id: 'm1', type: 'attempt.undo' }, tries: 2 });
    v2.close();

    const db = new LeadsideDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.contacts.get('c1')).toEqual({
      id: 'c1',
      email: 'dana@buyer.example',
      ownerId: 'u1',
      optedOut: false,
      openTrackingConsent: null,
      openTrackingConsentAt: null,
    });
    expect(await db.outbox.where('id').equals('m1').first()).toMatchObject({ tries: 2 });
    db.close();
  });

  it('v3 → v6 keeps every row and the outbox, adds the stage history by contact and time (forgetting the cursor so the next pull brings it), questions by contact and key, answers by key, and people by id', async () => {
    const name = freshName();
    const v3 = openAsV3(name);
    const contact = { id: 'c1', email: 'dana@buyer.example', ownerId: 'u1', stage: 'sql', openTrackingConsent: null, openTrackingConsentAt: null };
    await v3.table('contacts').add(contact);
    await v3.table('activities').add({ id: 'v1', contactId: 'c1', at: '2026-01-10T10:00:00.000Z' });
    await v3.table('attempts').add({ id: 't1', contactId: 'c1', at: '2026-01-11T10:00:00.000Z' });
    await v3.table('outbox').add({ id: 'm1', status: 'pending', mutation: { id: 'm1', type: 'attempt.undo' }, tries: 1 });
    await v3.table('meta').bulkAdd([
      { key: 'cursor', value: 'eyJ2Ijo0Mn0' },
      { key: 'me', value: { user: { id: 'u1' } } },
    ]);
    v3.close();

    const db = new LeadsideDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.contacts.get('c1')).toEqual(contact);
    expect(await db.activities.get('v1')).toEqual({ id: 'v1', contactId: 'c1', at: '2026-01-10T10:00:00.000Z' });
    expect(await db.attempts.get('t1')).toEqual({ id: 't1', contactId: 'c1', at: '2026-01-11T10:00:00.000Z' });
    expect(await db.outbox.where('id').equals('m1').first()).toMatchObject({ status: 'pending', tries: 1 });
    expect(await db.meta.get('cursor')).toBeUndefined();
    expect(await db.meta.get('me')).toEqual({ key: 'me', value: { user: { id: 'u1' } } });
    // The new table answers the timeline's query: one contact's changes in time order.
    await db.stageChanges.bulkPut([
      { id: 's2', contactId: 'c1', at: '2026-01-12T10:00:00.000Z' },
      { id: 's1', contactId: 'c1', at: '2026-01-09T10:00:00.000Z' },
      { id: 's3', contactId: 'c2', at: '2026-01-10T10:00:00.000Z' },
    ] as never);
    expect(await db.stageChanges.where('[contactId+at]').between(['c1', ''], ['c1', '\uffff']).primaryKeys()).toEqual(['s1', 's2']);
    expect(await db.stageChanges.where('contactId').equals('c2').primaryKeys()).toEqual(['s3']);
    const question = { id: 'q1', contactId: 'c1', userId: 'u1', text: 'SSO?', key: 'sso', stage: 'mql' as const, at: '2026-01-10T10:00:00.000Z', version: 0 };
    await db.questions.bulkPut([question, { ...question, id: 'q2', contactId: 'c2' }]);
    expect(await db.questions.where('contactId').equals('c1').primaryKeys()).toEqual(['q1']);
    expect(await db.questions.where('key').equals('sso').primaryKeys()).toEqual(['q1', 'q2']);
    await db.answers.put({ key: 'sso', contentId: 'ct1', linkedBy: 'u2', linkedAt: '2026-01-11T10:00:00.000Z', version: 9 });
    expect(await db.answers.get('sso')).toMatchObject({ contentId: 'ct1' });
    await db.people.bulkPut([{ id: 'u1', name: 'Maya Chen' }]);
    expect(await db.people.get('u1')).toEqual({ id: 'u1', name: 'Maya Chen' });
    db.close();
  });

  it('v6 → v7 keeps every row, the outbox and the cursor, and adds the seen alerts by id, status and when seen', async () => {
    const name = freshName();
    const v6 = openAsV3(name);
    v6.version(4).stores({ stageChanges: 'id, contactId, [contactId+at]' });
    v6.version(5).stores({ questions: 'id, contactId, key', answers: 'key' });
    v6.version(6).stores({ people: 'id' });
    await v6.table('contacts').add({ id: 'c1', email: 'dana@buyer.example', ownerId: 'u1' });
    await v6.table('outbox').add({ id: 'm1', status: 'pending', mutation: { id: 'm1', type: 'attempt.undo' }, tries: 0 });
    await v6.table('meta').add({ key: 'cursor', value: 'eyJ2Ijo0Mn0' });
    v6.close();

    const db = new LeadsideDatabase(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.contacts.get('c1')).toMatchObject({ email: 'dana@buyer.example' });
    expect(await db.outbox.where('id').equals('m1').first()).toMatchObject({ status: 'pending' });
    // Nothing about the synced rows changed, so the cursor stays.
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: 'eyJ2Ijo0Mn0' });
    await db.alerts.bulkPut([
      { id: 'a1', status: 'waiting', seenAt: '2026-01-19T15:00:00.000Z', alert: {} as never },
      { id: 'a2', status: 'shown', seenAt: '2026-01-12T15:00:00.000Z', alert: {} as never },
    ]);
    expect(await db.alerts.where('status').equals('waiting').primaryKeys()).toEqual(['a1']);
    expect(await db.alerts.where('seenAt').below('2026-01-13T00:00:00.000Z').primaryKeys()).toEqual(['a2']);
    db.close();
  });
});
