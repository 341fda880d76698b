// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../components/common/VirtualList';
import { LeadView } from '../../components/lead/LeadView';
import { TIMELINE_ROW_HEIGHT } from '../../components/lead/TimelineSection';
import type { LeadsideDatabase } from '../../lib/db/database';
import { act as activity, attempt, cacheWithDana, dropDb, machine, MONDAY_10AM } from './support/data';
import { renderWith } from './support/render';

afterEach(cleanup);

describe('VirtualList', () => {
  const items = Array.from({ length: 5000 }, (_, i) => `Row ${i + 1}`);
  const list = () =>
    render(<VirtualList items={items} rowHeight={40} height={400} overscan={5} label="Things" itemKey={(s) => s} renderItem={(s) => <span>{s}</span>} />);

  it('renders 5,000 items as a few dozen rows: the visible ones and the overscan', () => {
    list();
    const box = screen.getByRole('list', { name: 'Things' });
    const rows = within(box).getAllByRole('listitem');
    // 10 rows fit in 400 px, plus 5 overscan below (none above at the top).
    expect(rows).toHaveLength(15);
    expect(rows[0]?.textContent).toBe('Row 1');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('5000');
    // The spacer is as tall as all rows, so the scrollbar tells the truth.
    expect((box.firstElementChild as HTMLElement).style.height).toBe('200000px');
  });

  it('scrolling far down shows those rows, at their place, and still only a few dozen', () => {
    list();
    const box = screen.getByRole('list', { name: 'Things' });
    box.scrollTop = 40 * 3000;
    fireEvent.scroll(box);
    const rows = within(box).getAllByRole('listitem');
    expect(rows).toHaveLength(20);
    expect(rows[0]?.textContent).toBe('Row 2996');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('2996');
    expect((rows[5] as HTMLElement).style.top).toBe(`${3000 * 40}px`);
    expect(rows.at(-1)?.textContent).toBe('Row 3015');
  });
});

describe('the timeline', () => {
  let db: LeadsideDatabase;
  beforeEach(async () => {
    db = await cacheWithDana();
  });
  afterEach(async () => {
    cleanup();
    await dropDb(db);
  });

  it('lists activities and attempts newest first, machine ones faded with their reason, undone attempts marked', async () => {
    await db.activities.bulkPut([
      activity('page_view', '2026-01-16T14:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }),
      machine('email_open', '2026-01-17T12:00:05Z', 'Apple Mail Privacy Protection prefetch'),
    ]);
    await db.attempts.bulkPut([
      attempt('2026-01-19T14:00:00Z', { channel: 'email', outcome: null, note: 'Sent the benchmark' }),
      attempt('2026-01-19T14:30:00Z', { channel: 'call', undoneAt: '2026-01-19T14:30:05Z' }),
    ]);
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    const timeline = await screen.findByRole('list', { name: 'Timeline, 4 entries, newest first' });
    const rows = within(timeline).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.trow__text')?.textContent)).toEqual([
      'Call · No answer (undone)',
      'Email',
      'Opened an email (machine)',
      'Viewed Pricing',
    ]);
    expect(rows[1]?.textContent).toContain('Sent the benchmark');
    const faded = rows[2]?.querySelector('.trow') as HTMLElement;
    expect(faded.className).toContain('trow--faded');
    expect(faded.title).toBe('Apple Mail Privacy Protection prefetch');
    expect(faded.textContent).toContain('Not counted: Apple Mail Privacy Protection prefetch');
  });

  it('a long history stays a few dozen rows in the DOM', async () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    await db.activities.bulkPut(
      Array.from({ length: 5000 }, (_, i) =>
        activity('page_view', new Date(start + i * 3_600_000).toISOString(), { id: `pv${i}`, url: `https://northwind.example/blog/${i}` }),
      ),
    );
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    const timeline = await screen.findByRole('list', { name: 'Timeline, 5000 entries, newest first' });
    const rows = within(timeline).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.textContent).toContain('/blog/4999');
    expect((timeline.firstElementChild as HTMLElement).style.height).toBe(`${5000 * TIMELINE_ROW_HEIGHT}px`);
  });
});
