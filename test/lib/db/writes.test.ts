import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspaceSettings } from '../../../lib/core/model/defaults';
import { LeadsideDatabase } from '../../../lib/db/database';
import { cachedLeadPicture } from '../../../lib/db/queries/lead-picture';
import { amendAttempt, changeStage, logAttempt, noteQuestion, suggestLead, undoAttempt, type WriteContext } from '../../../lib/db/writes';
import { evictOldestHistory, isQuotaError } from '../../../lib/sync/evict-history';
import { activity, attempt, contact } from '../core/fixtures';

let db: LeadsideDatabase;
let ctx: WriteContext;
let clock = Date.parse('2026-01-19T15:00:00Z'); // Mon 10:00 in New York
let ids = 0;

beforeEach(async () => {
  db = new LeadsideDatabase(`leadside-writes-${Math.random().toString(36).slice(2)}`);
  clock = Date.parse('2026-01-19T15:00:00Z');
  ctx = { db, now: () => new Date(clock), newId: () => `id${++ids}`, userId: 'rep1' };
  // Dana: assigned Friday 16:30 EST, so her first touch is due Monday 12:30 (17:30Z).
  await db.contacts.put(contact());
  await db.meta.put({ key: 'settings', value: defaultWorkspaceSettings('America/New_York') });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('local writes', () => {
  it('logging an attempt writes the attempt and its outbox entry together, and the countdown moves at once', async () => {
    const before = await cachedLeadPicture(db, 'c1', ctx.now());
    expect(before?.cadence).toMatchObject({ status: 'first_touch_due', attemptsDone: 0, nextDueAt: '2026-01-19T17:30:00.000Z' });
    const logged = await logAttempt(ctx, { contactId: 'c1', channel: 'call', outcome: 'no_answer', note: ' left no message ' });
    expect(logged).toMatchObject({ contactId: 'c1', userId: 'rep1', channel: 'call', outcome: 'no_answer', note: 'left no message', at: '2026-01-19T15:00:00.000Z' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'pending', tries: 0, mutation: { type: 'attempt.log', attempt: { id: logged.id, contactId: 'c1', channel: 'call' } } });
    const after = await cachedLeadPicture(db, 'c1', ctx.now());
    // Follow-up 2: 16 business hours after Mon 10:00 = Wed 10:00 EST = 15:00Z.
    expect(after?.cadence).toMatchObject({ status: 'on_track', attemptsDone: 1, nextDueAt: '2026-01-21T15:00:00.000Z', firstTouchMet: true });
  });

  it('undo stops the attempt counting at once and queues the undo after the log', async () => {
    const logged = await logAttempt(ctx, { contactId: 'c1', channel: 'email' });
    clock += 3_000;
    await undoAttempt(ctx, logged.id);
    expect((await db.attempts.get(logged.id))?.undoneAt).toBe('2026-01-19T15:00:03.000Z');
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.mutation.type)).toEqual(['attempt.log', 'attempt.undo']);
    expect((await cachedLeadPicture(db, 'c1', ctx.now()))?.cadence?.attemptsDone).toBe(0);
    // Undoing twice queues nothing more.
    await undoAttempt(ctx, logged.id);
    expect(await db.outbox.count()).toBe(2);
  });

  it('an amend sets the outcome in the cache and queues attempt.amend after the log, keeping what it replaced; the cadence follows at once', async () => {
    const logged = await logAttempt(ctx, { contactId: 'c1', channel: 'call' });
    clock += 3_000;
    await amendAttempt(ctx, logged.id, { outcome: 'meeting_booked' });
    expect(await db.attempts.get(logged.id)).toMatchObject({ outcome: 'meeting_booked', note: null, undoneAt: null });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.mutation)).toEqual([
      expect.objectContaining({ type: 'attempt.log' }),
      { id: expect.any(String), type: 'attempt.amend', at: '2026-01-19T15:00:03.000Z', attemptId: logged.id, outcome: 'meeting_booked' },
    ]);
    expect(entries[1]!.previousAttempt).toEqual({ outcome: null, note: null });
    // A booked meeting ends the cadence: the recount comes from the attempt rows, so it follows the amend.
    expect((await cachedLeadPicture(db, 'c1', ctx.now()))?.cadence?.exitReason).toBe('meeting_booked');
    // The same outcome again changes nothing and queues nothing.
    await amendAttempt(ctx, logged.id, { outcome: 'meeting_booked' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('an undone attempt cannot be amended', async () => {
    const logged = await logAttempt(ctx, { contactId: 'c1', channel: 'call' });
    await undoAttempt(ctx, logged.id);
    await expect(amendAttempt(ctx, logged.id, { outcome: 'connected' })).rejects.toThrow('that attempt was undone');
    expect(await db.outbox.count()).toBe(2);
  });

  it('a bad attempt is refused before anything is written', async () => {
    await expect(logAttempt(ctx, { contactId: 'c1', channel: 'fax' as never })).rejects.toThrow(/channel/);
    await expect(logAttempt(ctx, { contactId: 'c1', channel: 'call', note: 'x'.repeat(2001) })).rejects.toThrow(/at most 2000/);
    expect(await db.attempts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it.each([
    [{ kind: 'stage', to: 'sql' } as const, 'sql', null, null, { type: 'contact.stage', from: 'mql', to: 'sql', reasonCode: null, reason: null, dealValue: null }],
    [
      { kind: 'disqualify', reasonCode: 'other', reason: 'student project' } as const,
      'disqualified',
      'student project',
      'other',
      { type: 'contact.stage', from: 'mql', to: 'disqualified', reasonCode: 'other', reason: 'student project', dealValue: null },
    ],
    [
      { kind: 'recycle', reasonCode: 'no_budget', reason: 'not before Q3' } as const,
      'recycled',
      'No budget yet: not before Q3',
      'no_budget',
      { type: 'contact.recycle', from: 'mql', reasonCode: 'no_budget', reason: 'not before Q3' },
    ],
  ])('a stage change (%j) shows at once as the server will record it, and carries what it replaced', async (change, stage, reason, code, mutation) => {
    await changeStage(ctx, 'c1', change);
    expect(await db.contacts.get('c1')).toMatchObject({ stage, stageReason: reason, stageReasonCode: code });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      mutation,
      previous: { stage: 'mql', stageReason: null, stageReasonCode: null, dealValue: null },
      wrote: { stage, stageReason: reason, stageReasonCode: code, dealValue: null },
    });
  });

  it('a win keeps its deal value; a reason the workspace does not list is refused before anything is written', async () => {
    await db.contacts.update('c1', { stage: 'opportunity' });
    await expect(changeStage(ctx, 'c1', { kind: 'recycle', reasonCode: 'no_budget' })).rejects.toThrow(
      '"no_budget" is not a lost reason here: use one of chose_competitor, price, no_decision, timing, missing_features, other',
    );
    expect(await db.outbox.count()).toBe(0);
    expect((await db.contacts.get('c1'))?.stage).toBe('opportunity');
    await changeStage(ctx, 'c1', { kind: 'stage', to: 'customer', dealValue: 48_000 });
    expect(await db.contacts.get('c1')).toMatchObject({ stage: 'customer', dealValue: 48_000 });
    expect((await db.outbox.toArray())[0]?.mutation).toMatchObject({ type: 'contact.stage', from: 'opportunity', to: 'customer', dealValue: 48_000 });
  });

  it('suggesting a lead keeps it locally and queues it for review; a bad address is refused', async () => {
    await suggestLead(ctx, { email: 'New.Person@Prospect.Example', name: 'New Person', seenOn: 'https://mail.google.com/mail/u/0/' });
    expect(await db.suggestions.toArray()).toEqual([
      { id: expect.any(String), email: 'new.person@prospect.example', name: 'New Person', company: null, title: null, suggestedAt: '2026-01-19T15:00:00.000Z' },
    ]);
    expect((await db.outbox.toArray())[0]?.mutation).toMatchObject({ type: 'contact.suggest', email: 'new.person@prospect.example' });
    await expect(suggestLead(ctx, { email: 'not-an-address' })).rejects.toThrow(/email/);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('noting a question', () => {
  it('writes the question, with its key and the cached stage, and its outbox entry together', async () => {
    const q = await noteQuestion(ctx, { contactId: 'c1', text: ' Salesforce integration? ' });
    expect(await db.questions.get(q.id)).toEqual({ ...q, text: 'Salesforce integration?', key: 'integr-salesforc', stage: 'mql', userId: 'rep1', at: '2026-01-19T15:00:00.000Z' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'pending', mutation: { type: 'question.note', question: { id: q.id, contactId: 'c1', text: 'Salesforce integration?' } } });
  });

  it('refuses text the server would refuse, and a contact the cache does not hold, writing nothing', async () => {
    await expect(noteQuestion(ctx, { contactId: 'c1', text: 'x'.repeat(281) })).rejects.toThrow('a question must be at most 280 characters');
    await expect(noteQuestion(ctx, { contactId: 'c_nobody', text: 'SSO?' })).rejects.toThrow('contact c_nobody is not in the cache');
    expect(await db.questions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('running out of space', () => {
  it('drops the oldest quarter of the activity history and never an attempt or an outbox entry', async () => {
    const days = Array.from({ length: 8 }, (_, i) => `2026-01-0${i + 1}T12:00:00Z`);
    await db.activities.bulkPut(days.map((at, i) => activity('page_view', at, { id: `v${i}` })));
    await db.attempts.put(attempt('2026-01-01T10:00:00Z', { id: 'oldest_attempt' }));
    await logAttempt(ctx, { contactId: 'c1', channel: 'call' });
    expect(await evictOldestHistory(db)).toBe(2);
    expect((await db.activities.orderBy('at').primaryKeys()).sort()).toEqual(['v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
    expect(await db.attempts.get('oldest_attempt')).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it.each([
    [{ name: 'QuotaExceededError' }, true],
    // Dexie wraps the browser's error in its own, keeping it as `inner`.
    [Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), true],
    [new Error('something else'), false],
    [null, false],
  ])('recognises a quota error (%#)', (err, expected) => {
    expect(isQuotaError(err)).toBe(expected);
  });
});
