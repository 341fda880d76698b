// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AttemptModule from '../../components/lead/AttemptPanel';
import type * as IntelligenceModule from '../../components/lead/IntelligenceSection';
import type * as HeaderModule from '../../components/lead/LeadHeader';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { attempt, dana, dropDb, seedSession, testDb } from './support/data';
import { renderWith, settled } from './support/render';

// Render counters around the lead card's other parts: the countdown's ticks must not reach them.
const renders = vi.hoisted(() => ({ header: 0, engagement: 0, attempts: 0 }));
vi.mock('../../components/lead/LeadHeader', async (importOriginal) => {
  const real = await importOriginal<typeof HeaderModule>();
  const Inner = real.LeadHeader;
  return { LeadHeader: (props: Parameters<typeof Inner>[0]) => (renders.header++, <Inner {...props} />) };
});
vi.mock('../../components/lead/IntelligenceSection', async (importOriginal) => {
  const real = await importOriginal<typeof IntelligenceModule>();
  const Inner = real.IntelligenceSection;
  return { IntelligenceSection: (props: Parameters<typeof Inner>[0]) => (renders.engagement++, <Inner {...props} />) };
});
vi.mock('../../components/lead/AttemptPanel', async (importOriginal) => {
  const real = await importOriginal<typeof AttemptModule>();
  const Inner = real.AttemptPanel;
  return { ...real, AttemptPanel: (props: Parameters<typeof Inner>[0]) => (renders.attempts++, <Inner {...props} />) };
});

let db: LeadsideDatabase;
beforeEach(async () => {
  db = testDb();
  await seedSession(db);
  renders.header = renders.engagement = renders.attempts = 0;
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await dropDb(db);
});

const text = () => screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown__text')?.textContent;
const announced = () => screen.getByRole('region', { name: 'Follow-up' }).querySelector('[aria-live="polite"]')?.textContent;

describe('the countdown', () => {
  it('ticks every second in business time without re-rendering the rest of the lead card', async () => {
    await db.contacts.put(dana());
    await db.attempts.put(attempt('2026-01-19T15:00:00Z'));
    // Wednesday 09:20:00 New York: the follow-up is due at 10:00, 40 business minutes away.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = renderWith(<LeadView contactId="c_dana" />, { db, now: Date.parse('2026-01-21T14:20:00Z') });
    await screen.findByRole('heading', { name: 'Dana Reyes' });
    // Let the countdown's effect start its interval.
    await settled();
    // The live query may still settle once; count from a quiet card.
    await new Promise((r) => setTimeout(r, 50));
    const before = { ...renders };
    expect(before.header).toBeGreaterThan(0);
    expect(text()).toBe('Due in 40 m 00 s');
    for (let s = 1; s <= 5; s++) {
      h.advance(1000);
      act(() => vi.advanceTimersByTime(1000));
      expect(text()).toBe(`Due in 39 m ${String(60 - s).padStart(2, '0')} s`);
    }
    expect(renders).toEqual(before);
    expect(announced()).toBe('Follow-up status: Due soon');
  });

  it('announces the status when it changes (not every second), and the lead is recomputed then', async () => {
    await db.contacts.put(dana());
    await db.attempts.put(attempt('2026-01-19T15:00:00Z'));
    // Wednesday 09:59:58: two seconds before the follow-up falls due.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = renderWith(<LeadView contactId="c_dana" />, { db, now: Date.parse('2026-01-21T14:59:58Z') });
    await screen.findByRole('heading', { name: 'Dana Reyes' });
    // Let the countdown's effect start its interval.
    await settled();
    expect(text()).toBe('Due in 2 s');
    expect(announced()).toBe('Follow-up status: Due soon');
    h.advance(1000);
    act(() => vi.advanceTimersByTime(1000));
    expect(text()).toBe('Due in 1 s');
    const quiet = renders.header;
    h.advance(2000);
    act(() => vi.advanceTimersByTime(1000));
    expect(text()).toBe('Follow-up 2 overdue by under 1 m');
    expect(announced()).toBe('Follow-up status: Overdue');
    // Crossing the due time asks lib/core again: the card renders once more, with the state it computes.
    await vi.waitFor(() => expect(renders.header).toBe(quiet + 1));
    expect(screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown--danger')).toBeTruthy();
    h.advance(90_000);
    act(() => vi.advanceTimersByTime(1000));
    expect(text()).toBe('Follow-up 2 overdue by 1 m');
  });

  it('a first touch that runs out turns into "SLA breached"', async () => {
    await db.contacts.put(dana());
    // Monday 12:29:59, one second before the first-touch deadline.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = renderWith(<LeadView contactId="c_dana" />, { db, now: Date.parse('2026-01-19T17:29:59Z') });
    await screen.findByRole('heading', { name: 'Dana Reyes' });
    // Let the countdown's effect start its interval.
    await settled();
    expect(text()).toBe('Due in 1 s');
    h.advance(61_000);
    act(() => vi.advanceTimersByTime(1000));
    expect(text()).toBe('First touch missed · overdue by 1 m');
    expect(announced()).toBe('Follow-up status: SLA breached');
  });
});
