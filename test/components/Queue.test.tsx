// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../components/panel/SidePanel';
import type { LeadsideDatabase } from '../../lib/db/database';
import { attempt, dropDb, lead, MONDAY_10AM, seedSession, testDb } from './support/data';
import { renderWith } from './support/render';

/**
 * Maya's leads on Monday 19 January 2026 at 10:00 New York time (Mon–Fri 9–5, first touch in 4 business hours,
 * follow-ups 16 business hours apart, due soon within 60 business minutes). Fit: VP 20 + size 15 + B2B 10 + US 5 = 50;
 * a manager scores 40; a manager at a B2C company 30.
 */
async function seedQueue(db: LeadsideDatabase) {
  const manager = { seniority: 'manager' as const };
  await db.contacts.bulkPut([
    // First touch due Thursday 13:00, never made: breached.
    lead('ana', { name: 'Ana Breached', ...manager, assignedAt: '2026-01-15T14:00:00Z' }),
    // Attempt Thursday 09:00, follow-up due Friday 17:00: overdue.
    lead('ben', { name: 'Ben Overdue', assignedAt: '2026-01-14T14:00:00Z' }),
    // Attempt Thursday 10:30, follow-up due Monday 10:30: 30 minutes, due.
    lead('cho', { name: 'Cho Due', assignedAt: '2026-01-14T14:00:00Z' }),
    // Assigned Friday 14:30, first touch due Monday 10:30: inside the due-soon window.
    lead('dev', { name: 'Dev First Touch Soon', ...manager, businessModel: 'b2c', assignedAt: '2026-01-16T19:30:00Z' }),
    // Assigned Monday 09:30, first touch due 13:30: a new lead, not due soon yet.
    lead('eve', { name: 'Eve New', assignedAt: '2026-01-19T14:30:00Z' }),
    lead('eli', { name: 'Eli New Too', ...manager, assignedAt: '2026-01-19T14:45:00Z' }),
    // Attempt Monday 09:30, next due Wednesday 09:30: on track.
    lead('fay', { name: 'Fay On Track', assignedAt: '2026-01-16T14:00:00Z' }),
    // Replied: exited.
    lead('hal', { name: 'Hal Replied', assignedAt: '2026-01-16T14:00:00Z' }),
    // Paused with no end.
    lead('ivy', { name: 'Ivy Paused', assignedAt: '2026-01-16T14:00:00Z', pauses: [{ from: '2026-01-16T15:00:00Z', to: null, reason: 'on leave' }] }),
    // Someone else's: not in Maya's queue.
    lead('zed', { name: 'Zed Not Mine', ownerId: 'rep2', assignedAt: '2026-01-15T14:00:00Z' }),
  ]);
  await db.attempts.bulkPut([
    attempt('2026-01-15T14:00:00Z', { contactId: 'ben' }),
    attempt('2026-01-15T15:30:00Z', { contactId: 'cho' }),
    attempt('2026-01-19T14:30:00Z', { contactId: 'fay' }),
    attempt('2026-01-16T15:00:00Z', { contactId: 'hal', channel: 'email', outcome: 'replied' }),
  ]);
}

let db: LeadsideDatabase;
beforeEach(async () => {
  db = testDb();
  await seedSession(db);
  await seedQueue(db);
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

function group(title: RegExp) {
  const region = screen.getByRole('region', { name: title });
  return within(region)
    .getAllByRole('button')
    .map((b) => b.querySelector('.qitem__name')?.textContent);
}

describe('the queue', () => {
  it('groups the rep’s own leads, most urgent first, each group by score, with counts', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    expect(screen.getByRole('main', { name: 'Queue' })).toBeTruthy();
    expect(screen.getByText('Breached & overdue: 2 · Due soon: 2 · New leads: 2 · On track: 1')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Breached & overdue 2', 'Due soon 2', 'New leads 2', 'On track 1']);
    // Both untouched since Thursday 09:00; Ana's first touch was due first (Thursday 13:00), so she leads, score or not.
    expect(group(/^Breached & overdue/)).toEqual(['Ana Breached', 'Ben Overdue']);
    expect(group(/^Due soon/)).toEqual(['Cho Due', 'Dev First Touch Soon']);
    expect(group(/^New leads/)).toEqual(['Eve New', 'Eli New Too']);
    expect(group(/^On track/)).toEqual(['Fay On Track']);
    expect(screen.queryByText('Zed Not Mine')).toBeNull();
    const ben = screen.getByRole('button', { name: /Ben Overdue/ });
    expect(ben.textContent).toContain('Grade A');
    // One way for the group: which promise broke, and how long ago in wall time (due Friday 17:00).
    expect(ben.querySelector('.qitem__status')?.textContent).toBe('Follow-up overdue 2 d 17 h');
    // Seen as "MQL · 1/5"; heard with the words a screen reader needs, and the visible text inside the name.
    expect(ben.querySelector('.qitem__meta')?.textContent).toBe('MQL · 1/5 attempts');
    expect(ben.hasAttribute('aria-label')).toBe(false);
    expect(ben.textContent).toBe('Ben Overdue · BrightwaveGrade Ascore 50Follow-up overdue 2 d 17 hMQL · 1/5 attempts');
    expect(screen.getByRole('button', { name: /Cho Due/ }).textContent).toContain('Due in 30 m');
    expect(screen.getByRole('button', { name: /Dev First Touch Soon/ }).textContent).toContain('First touch due in 30 m');
    expect(screen.getByRole('button', { name: /Eve New/ }).textContent).toContain('First touch due in 3 h 30 m');
    expect(screen.getByRole('button', { name: /Ana Breached/ }).querySelector('.qitem__status')?.textContent).toBe('First touch overdue 3 d 21 h');
  });

  it('keeps complete, exited and paused leads behind a toggle', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const toggle = await screen.findByRole('button', { name: 'Show 2 complete, exited or paused' });
    expect(screen.queryByText('Hal Replied')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(group(/^Complete, exited & paused/)).toEqual(['Hal Replied', 'Ivy Paused']);
    expect(screen.getByRole('button', { name: /Hal Replied/ }).textContent).toContain('Exited: replied');
    expect(screen.getByRole('button', { name: /Ivy Paused/ }).textContent).toContain('Paused until resumed');
  });

  it('a click opens the lead; "Back to the queue" and the q key come back', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    fireEvent.click(await screen.findByRole('button', { name: /Cho Due/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Cho Due' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Lead' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to the queue' }));
    fireEvent.click(await screen.findByRole('button', { name: /Ben Overdue/ }));
    await screen.findByRole('heading', { level: 2, name: 'Ben Overdue' });
    fireEvent.keyDown(document.body, { key: 'q' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Queue' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opening a lead from the queue moves focus to its name, so the keyboard and a screen reader follow', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const row = await screen.findByRole('button', { name: /Cho Due/ });
    row.focus();
    fireEvent.click(row);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Cho Due' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('a logged attempt moves the lead out of its group at once', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    fireEvent.click(await screen.findByRole('button', { name: /Ana Breached/ }));
    await screen.findByRole('heading', { level: 2, name: 'Ana Breached' });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await screen.findByText('Call logged.');
    fireEvent.click(screen.getByRole('button', { name: 'Queue' }));
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    expect(group(/^Breached & overdue/)).toEqual(['Ben Overdue']);
    expect(group(/^On track/)).toEqual(['Fay On Track', 'Ana Breached']);
  });

  it('says so plainly when the rep has no leads, only after the cache answered', async () => {
    await db.contacts.clear();
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    expect(await screen.findByText('No leads are assigned to you yet. New ones appear here as soon as they are.')).toBeTruthy();
  });
});
