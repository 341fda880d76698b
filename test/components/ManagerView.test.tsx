// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { applyServerChanges } from '../../lib/sync/apply-server-changes';
import { cacheWithDana, dana, dropDb, ME, MONDAY_10AM } from './support/data';
import { renderWith } from './support/render';

// Priya, a manager, looks at Dana, Maya's lead: the panel names the owner and asks once before Priya logs on Maya's
// cadence.

let db: LeadsideDatabase;
beforeEach(async () => {
  db = await cacheWithDana();
  await db.meta.put({ key: 'me', value: { ...ME, user: { id: 'mgr1', name: 'Priya Patel', email: 'priya@northwind.example', role: 'manager' } } });
  // The pull that brought Dana named her owner.
  await applyServerChanges(db, {
    contacts: [dana()],
    activities: [],
    attempts: [],
    stageChanges: [],
    questions: [],
    content: [],
    answers: [],
    people: [{ id: 'rep1', name: 'Maya Chen' }],
    settings: null,
    removed: { contacts: [], content: [] },
    cursor: 'eyJ2IjoxfQ',
    more: false,
  });
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

describe('as a manager', () => {
  it("a rep's lead shows the owner's name, not \"Another rep\"", async () => {
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
    const owner = () => screen.getByText('Owner').parentElement?.querySelector('dd')?.textContent;
    await waitFor(() => expect(owner()).toBe('Maya Chen'));
  });

  it("logging on a rep's lead says whose cadence it is and asks once; Cancel logs nothing", async () => {
    renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
    await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
    await screen.findByText('Maya Chen');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    const question = await screen.findByRole('alertdialog', { name: 'This is Maya Chen’s lead: your attempt counts in Maya Chen’s cadence. Log it anyway?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(await db.attempts.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Log call' }));
    await screen.findByText('Call logged.');
    expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', userId: 'mgr1' }]);
    // Once answered, the next log on this lead goes straight through.
    fireEvent.click(screen.getByRole('button', { name: 'Email' }));
    await screen.findByText('Email logged.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.attempts.count()).toBe(2);
  });
});
