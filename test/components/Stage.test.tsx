// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { cacheWithDana, dropDb, MONDAY_10AM } from './support/data';
import { renderWith, type Harness } from './support/render';

let db: LeadsideDatabase;
let h: Harness;
beforeEach(async () => {
  db = await cacheWithDana();
  h = renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
  await screen.findByRole('heading', { level: 3, name: 'Stage: MQL' });
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

describe('stage actions', () => {
  it('Accept moves an MQL to SQL in one click, queued for the server', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: SQL' });
    expect((await db.contacts.get('c_dana'))?.stage).toBe('sql');
    expect(await db.outbox.toArray()).toMatchObject([{ mutation: { type: 'contact.stage', from: 'mql', to: 'sql', reason: null } }]);
    expect(screen.getByText('Accepted: now an SQL.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept as SQL' })).toBeNull();
    expect(h.platform.syncReasons()).toEqual(['local_write']);
  });

  it('Recycle needs a reason: an inline form, no prompt, and nothing is written without one', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Recycle to marketing' }));
    const form = screen.getByRole('form', { name: 'Recycle to marketing' });
    const reason = within(form).getByRole('textbox', { name: 'Reason (required)' });
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: ' x ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give a reason of at least 3 characters.');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);
    fireEvent.change(reason, { target: { value: 'No budget until Q3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: Recycled' });
    expect(await db.contacts.get('c_dana')).toMatchObject({ stage: 'recycled', stageReason: 'No budget until Q3' });
    expect(await db.outbox.toArray()).toMatchObject([{ mutation: { type: 'contact.recycle', reason: 'No budget until Q3' } }]);
    expect(screen.getByText('Recycled: No budget until Q3')).toBeTruthy();
    // A recycled lead has left the cadence.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown__text')?.textContent).toBe('Exited: stage changed'));
  });

  it('Disqualify needs a reason too, and Cancel writes nothing', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Disqualify' }));
    let form = screen.getByRole('form', { name: 'Disqualify' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Disqualify' }));
    form = screen.getByRole('form', { name: 'Disqualify' });
    fireEvent.click(within(form).getByRole('button', { name: 'Disqualify' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give a reason of at least 3 characters.');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Reason (required)' }), { target: { value: 'Student, no buying role' } });
    fireEvent.submit(form);
    await screen.findByRole('heading', { level: 3, name: 'Stage: Disqualified' });
    expect(await db.outbox.toArray()).toMatchObject([{ mutation: { type: 'contact.stage', from: 'mql', to: 'disqualified', reason: 'Student, no buying role' } }]);
    expect(screen.getByText('No stage actions for a disqualified.')).toBeTruthy();
  });
});
