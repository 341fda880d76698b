// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS } from '../../components/lead/AttemptPanel';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { cacheWithDana, dropDb, MONDAY_10AM } from './support/data';
import { renderWith, settled, type Harness } from './support/render';

let db: LeadsideDatabase;
let h: Harness;
beforeEach(async () => {
  db = await cacheWithDana();
  h = renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
  await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
  await settled();
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await dropDb(db);
});

const countdown = () => screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown__text')?.textContent;
const attemptsLine = () => screen.getByRole('region', { name: 'Follow-up' }).querySelector('.cadence__facts')?.textContent ?? '';

describe('logging an attempt', () => {
  it('one click on Call logs exactly one attempt and one outbox entry, and the countdown moves at once', async () => {
    expect(countdown()).toBe('Due in 2 h 30 m');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    // Follow-up 2 is due 16 business hours after Monday 10:00: Wednesday 10:00.
    await waitFor(() => expect(countdown()).toBe('Due in 16 h'));
    expect(attemptsLine()).toContain('1 of 5 attempts');
    const attempts = await db.attempts.toArray();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ contactId: 'c_dana', channel: 'call', outcome: null, note: null, userId: 'rep1', at: '2026-01-19T15:00:00.000Z' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'pending', mutation: { type: 'attempt.log', attempt: { id: attempts[0]!.id, channel: 'call' } } });
    expect(h.platform.syncReasons()).toEqual(['local_write']);
    expect(screen.getByText('Call logged.')).toBeTruthy();
  });

  it('channel first, outcome second: Call then No answer is ONE attempt with that outcome, amended, and nothing stays armed', async () => {
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (optional)' }), { target: { value: '  Asked to call back after 3  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await screen.findByText('Call logged.');
    // Before a log there is no outcome to pick; after it, the toast offers them for that attempt.
    const outcomes = screen.getByRole('group', { name: 'Outcome of this call' });
    fireEvent.click(within(outcomes).getByRole('button', { name: 'No answer' }));
    await screen.findByText('Call logged: no answer.');
    expect(within(outcomes).getByRole('button', { name: 'No answer' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: 'no_answer', note: 'Asked to call back after 3' }]));
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.mutation)).toMatchObject([
      { type: 'attempt.log', attempt: { channel: 'call', outcome: null } },
      { type: 'attempt.amend', attemptId: outbox[0]!.mutation.type === 'attempt.log' ? outbox[0]!.mutation.attempt.id : '', outcome: 'no_answer' },
    ]);
    // Changing one's mind amends again; the next log starts clean, with no outcome and no note.
    fireEvent.click(within(outcomes).getByRole('button', { name: 'Left voicemail' }));
    await screen.findByText('Call logged: left voicemail.');
    expect((screen.getByRole('textbox', { name: 'Note (optional)' }) as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Email' }));
    await screen.findByText('Email logged.');
    const attempts = await db.attempts.toArray();
    expect(attempts.map((a) => [a.channel, a.outcome])).toEqual(expect.arrayContaining([['call', 'left_voicemail'], ['email', null]]));
    expect(attempts).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: 'Outcome of this email' })).queryAllByRole('button', { pressed: true })).toHaveLength(0);
  });

  it('a double click logs once', async () => {
    const call = screen.getByRole('button', { name: 'Email' });
    fireEvent.click(call);
    fireEvent.click(call);
    await screen.findByText('Email logged.');
    expect(await db.attempts.count()).toBe(1);
  });

  it('Undo takes it back: the attempt stops counting, the undo is queued after the log, the countdown returns', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(countdown()).toBe('Due in 16 h'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(countdown()).toBe('Due in 2 h 30 m'));
    expect(attemptsLine()).toContain('0 of 5 attempts');
    const [attempt] = await db.attempts.toArray();
    expect(attempt?.undoneAt).toBe('2026-01-19T15:00:00.000Z');
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.mutation.type)).toEqual(['attempt.log', 'attempt.undo']);
    expect(await screen.findByText('Undone: that attempt no longer counts.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(h.platform.syncReasons()).toEqual(['local_write', 'local_write']);
  });

  it('the Undo goes away after eight seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getByRole('button', { name: 'Social' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy(), { timeout: 4000 });
    // Let the toast's effect start its timer.
    await settled();
    act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 100));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('each button says its shortcut, and a timeline row appears for the log', async () => {
    const call = screen.getByRole('button', { name: 'Call' });
    expect(call.getAttribute('aria-keyshortcuts')).toBe('c Alt+Shift+C');
    expect(call.title).toBe('Log call now (C or Alt+Shift+C)');
    fireEvent.click(call);
    expect((await screen.findByRole('button', { name: 'Connected' })).getAttribute('aria-keyshortcuts')).toBe('1 Alt+Shift+1');
    fireEvent.click(screen.getByRole('button', { name: 'Meeting booked' }));
    const timeline = await screen.findByRole('list', { name: /^Timeline, 1 entries/ });
    await waitFor(() => expect(within(timeline).getByRole('listitem').textContent).toContain('Call · Meeting booked'));
    // A booked meeting ends the cadence.
    await waitFor(() => expect(countdown()).toBe('Exited: meeting booked'));
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });

  it('c, e, v and s log; 1–6 set the outcome of the attempt just logged (and arm nothing before); z undoes', async () => {
    key('2');
    key('c');
    await screen.findByText('Call logged.');
    expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: null }]);
    key('2');
    await screen.findByText('Call logged: no answer.');
    await waitFor(async () => expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: 'no_answer' }]));
    key('z');
    await screen.findByText('Undone: that attempt no longer counts.');
    expect((await db.attempts.toArray())[0]?.undoneAt).not.toBeNull();
    key('E');
    await screen.findByText('Email logged.');
    expect(await db.attempts.count()).toBe(2);
  });

  it('n goes to the note, and keys typed there are text, not shortcuts', async () => {
    key('n');
    const note = screen.getByRole('textbox', { name: 'Note (optional)' });
    expect(document.activeElement).toBe(note);
    key('c', note);
    key('1', note);
    // Modifier keys are the browser's.
    fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.attempts.count()).toBe(0);
  });
});
