// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagedList } from '../../components/common/PagedList';
import { LeadView } from '../../components/lead/LeadView';
import { TIMELINE_PAGE_SIZE } from '../../components/lead/TimelineSection';
import type { LeadsideDatabase } from '../../lib/db/database';
import { applyServerChanges } from '../../lib/sync/apply-server-changes';
import { act as activity, attempt, cacheWithDana, dropDb, machine, MONDAY_10AM, stageChange } from './support/data';
import { renderWith } from './support/render';

afterEach(cleanup);

describe('PagedList', () => {
  const items = Array.from({ length: 5000 }, (_, i) => `Row ${i + 1}`);
  const list = () => render(<PagedList items={items} pageSize={30} label="Things" itemKey={(s) => s} renderItem={(s) => <span>{s}</span>} />);

  it('renders 5,000 items as one page of rows, in the page’s flow (no fixed heights, no scroll box of its own)', () => {
    list();
    const box = screen.getByRole('list', { name: 'Things' });
    const rows = within(box).getAllByRole('listitem');
    expect(rows).toHaveLength(30);
    expect(rows[0]?.textContent).toBe('Row 1');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[29]?.getAttribute('aria-posinset')).toBe('30');
    for (const el of [box, ...rows]) {
      expect(el.style.height).toBe('');
      expect(el.style.top).toBe('');
    }
    expect(box.tabIndex).toBe(-1);
  });

  it('"Show 30 older" adds the next page, and says how many are left; the last page names what is left', () => {
    render(<PagedList items={items.slice(0, 70)} pageSize={30} label="Things" itemKey={(s) => s} renderItem={(s) => <span>{s}</span>} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 older · 40 not shown yet' }));
    expect(within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem')).toHaveLength(60);
    fireEvent.click(screen.getByRole('button', { name: 'Show the 10 older' }));
    expect(within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem').at(-1)?.textContent).toBe('Row 70');
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();
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
      'Call · No answer',
      'Email',
      'Opened an email (machine)',
      'Viewed Pricing',
    ]);
    expect(rows[1]?.textContent).toContain('Sent the benchmark');
    // An undone attempt reads "Undone" once.
    expect(rows[0]?.textContent?.match(/undone/gi)).toEqual(['Undone']);
    expect(rows[0]?.querySelector('.trow__detail')?.textContent).toBe('Not counted: Undone');
    const faded = rows[2]?.querySelector('.trow') as HTMLElement;
    expect(faded.className).toContain('trow--faded');
    expect(faded.title).toBe('Apple Mail Privacy Protection prefetch');
    expect(faded.textContent).toContain('Not counted: Apple Mail Privacy Protection prefetch');
  });

  it('an attempt can be amended or undone from its row within the day, by its author; older ones and undone ones offer nothing', async () => {
    await db.attempts.bulkPut([
      attempt('2026-01-19T14:00:00Z', { id: 'att_today', channel: 'call', outcome: null }),
      attempt('2026-01-18T14:59:00Z', { id: 'att_old', channel: 'email', outcome: null }),
      attempt('2026-01-19T13:00:00Z', { id: 'att_undone', channel: 'social', undoneAt: '2026-01-19T13:00:05Z' }),
      attempt('2026-01-19T12:00:00Z', { id: 'att_other', channel: 'voicemail', userId: 'rep2' }),
    ]);
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    const timeline = await screen.findByRole('list', { name: 'Timeline, 4 entries, newest first' });
    const changeButtons = await within(timeline).findAllByRole('button', { name: /^Change / });
    expect(changeButtons).toHaveLength(1);
    fireEvent.click(changeButtons[0]!);
    const editor = await screen.findByRole('region', { name: /^Call at / });
    fireEvent.click(within(editor).getByRole('button', { name: 'Connected' }));
    await waitFor(async () => expect((await db.attempts.get('att_today'))?.outcome).toBe('connected'));
    await waitFor(() => expect(within(editor).getByRole('button', { name: 'Connected' }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Note' }), { target: { value: 'Call back Thursday' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.attempts.get('att_today'))?.note).toBe('Call back Thursday'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Undo this call' }));
    await waitFor(async () => expect((await db.attempts.get('att_today'))?.undoneAt).not.toBeNull());
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.mutation.type)).toEqual(['attempt.amend', 'attempt.amend', 'attempt.undo']);
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Call at / })).toBeNull());
    expect(within(timeline).queryAllByRole('button', { name: /^Change / })).toHaveLength(0);
  });

  it('shows the lead’s moves through the funnel among the rest, in words, and a move a pull brings appears at once', async () => {
    await db.stageChanges.bulkPut([
      stageChange(null, 'lead', '2026-01-14T15:00:00Z', { actor: { kind: 'system', userId: null, name: null, rule: null } }),
      stageChange('lead', 'mql', '2026-01-16T15:00:00Z', { actor: { kind: 'rule', userId: null, name: null, rule: 'mql_threshold' } }),
    ]);
    await db.activities.put(activity('page_view', '2026-01-15T14:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }));
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    const timeline = await screen.findByRole('list', { name: 'Timeline, 3 entries, newest first' });
    const texts = () => within(timeline).getAllByRole('listitem').map((r) => r.querySelector('.trow__text')?.textContent);
    expect(texts()).toEqual(['Became an MQL (fit and engagement crossed the thresholds)', 'Viewed Pricing', 'Created as a lead from a website form']);
    expect(within(timeline).getAllByRole('listitem')[0]?.querySelector('.trow')?.className).toContain('trow--stage');

    // A manager recycles Dana on the server; the next pulled page carries the contact and the change together.
    const recycled = stageChange('mql', 'recycled', '2026-01-19T14:50:00Z', {
      actor: { kind: 'user', userId: 'mgr1', name: 'Sam Ortiz', rule: null },
      reason: 'not the buyer',
    });
    const contact = (await db.contacts.get('c_dana'))!;
    await applyServerChanges(db, {
      contacts: [{ ...contact, stage: 'recycled', stageReason: 'not the buyer' }],
      activities: [],
      attempts: [],
      stageChanges: [recycled],
      questions: [],
      content: [],
      answers: [],
      settings: null,
      removed: { contacts: [], content: [] },
      cursor: 'eyJ2IjoxMH0',
      more: false,
    });
    await screen.findByRole('list', { name: 'Timeline, 4 entries, newest first' });
    expect(texts()[0]).toBe('Recycled to marketing by Sam Ortiz: not the buyer');
    // Long lines are cut to one: the whole text is the row's title.
    expect(within(timeline).getAllByRole('listitem')[0]?.querySelector('.trow__text')?.getAttribute('title')).toBe('Recycled to marketing by Sam Ortiz: not the buyer');
  });

  it('a move Maya makes shows at once as waiting to be sent, and once when the server’s record of it comes down', async () => {
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    fireEvent.click(await screen.findByRole('button', { name: 'Accept as SQL' }));
    // No attempt yet: the panel asks once.
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Accept as SQL anyway' }));
    await screen.findByRole('list', { name: 'Timeline, 1 entries, newest first' });
    const row = () => within(screen.getByRole('list', { name: /^Timeline, / })).getAllByRole('listitem').map((r) => [r.querySelector('.trow__text')?.textContent, r.querySelector('.trow__detail')?.textContent ?? null]);
    expect(row()).toEqual([['Accepted as SQL by Maya Chen', 'Waiting to be sent']]);

    // The push is acknowledged (the entry leaves the outbox) and the pull brings the server's row of it.
    const [entry] = await db.outbox.toArray();
    await db.outbox.clear();
    const contact = (await db.contacts.get('c_dana'))!;
    await applyServerChanges(db, {
      contacts: [contact],
      activities: [],
      attempts: [],
      stageChanges: [stageChange('mql', 'sql', entry!.mutation.at, { id: 'sc_server', mutationId: entry!.id })],
      questions: [],
      content: [],
      answers: [],
      settings: null,
      removed: { contacts: [], content: [] },
      cursor: 'eyJ2IjoxMX0',
      more: false,
    });
    await waitFor(() => expect(row()).toEqual([['Accepted as SQL by Maya Chen', null]]));
    expect(screen.getByRole('list', { name: 'Timeline, 1 entries, newest first' })).toBeTruthy();
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
    expect(rows).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(rows[0]?.textContent).toContain('/blog/4999');
    fireEvent.click(screen.getByRole('button', { name: `Show ${TIMELINE_PAGE_SIZE} older · 4,970 not shown yet` }));
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(2 * TIMELINE_PAGE_SIZE);
  });
});
