// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import type { ContactInput } from '../../lib/core/model/contact';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { LeadsideDatabase } from '../../lib/db/database';
import { attempt, dana, dropDb, MONDAY_10AM, seedSession, testDb, ZONE } from './support/data';
import { renderWith, type Harness } from './support/render';

let db: LeadsideDatabase;
let h: Harness;
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

/** Dana in the panel at Monday 10:00, in the stage asked, with the attempts given, under the workspace's settings. */
async function show(overrides: Partial<ContactInput> = {}, options: { calls?: string[]; settings?: WorkspaceSettings } = {}) {
  db = testDb();
  await seedSession(db, { settings: options.settings ?? defaultWorkspaceSettings(ZONE) });
  const contact = dana(overrides);
  await db.contacts.put(contact);
  await db.attempts.bulkPut((options.calls ?? []).map((at) => attempt(at)));
  h = renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
  await screen.findByRole('heading', { level: 3, name: `Stage: ${STAGE_NAMES[contact.stage]}` });
}
const STAGE_NAMES: Record<string, string> = { mql: 'MQL', sql: 'SQL', opportunity: 'Opportunity', customer: 'Customer', recycled: 'Recycled', disqualified: 'Disqualified' };

const stageRegion = () => screen.getByRole('region', { name: /^Stage: / });
const offered = () => within(stageRegion()).getAllByRole('button').map((b) => b.textContent);
const optionsOf = (form: HTMLElement) => within(within(form).getByRole('combobox', { name: 'Reason' })).getAllByRole('option').map((o) => o.textContent);
const pick = (form: HTMLElement, label: string) => {
  const select = within(form).getByRole('combobox', { name: 'Reason' }) as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
};
const pending = async () => (await db.outbox.toArray()).map((e) => e.mutation);

describe('stage actions', () => {
  it('offers a rep on an MQL accept, recycle and disqualify; Accept moves it to SQL in one click, queued for the server', async () => {
    await show({}, { calls: ['2026-01-19T14:00:00Z'] });
    expect(offered()).toEqual(['Accept as SQL', 'Recycle to marketing', 'Disqualify']);
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: SQL' });
    expect((await db.contacts.get('c_dana'))?.stage).toBe('sql');
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'mql', to: 'sql', reasonCode: null, reason: null, dealValue: null }]);
    expect(screen.getByText('Accepted: now an SQL.')).toBeTruthy();
    expect(offered()).toEqual(['Mark opportunity', 'Recycle to marketing', 'Disqualify', 'Undo']);
    expect(h.platform.syncReasons()).toEqual(['local_write']);
  });

  it('marks an SQL an opportunity in one click; an opportunity offers only Won and Lost', async () => {
    await show({ stage: 'sql' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark opportunity' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: Opportunity' });
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'sql', to: 'opportunity' }]);
    expect(screen.getByText('Now an opportunity.')).toBeTruthy();
    expect(offered()).toEqual(['Won', 'Lost', 'Undo']);
  });

  it('accepting a lead with no attempt yet asks once; Cancel writes nothing, the answer accepts', async () => {
    await show();
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    const question = screen.getByRole('alertdialog', { name: 'No attempt logged yet: accept anyway?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Accept as SQL anyway' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: SQL' });
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'mql', to: 'sql' }]);
  });

  it('accepting past the first-touch SLA asks once too', async () => {
    // Assigned the Wednesday before: the first touch was due Wednesday, and came only on Monday.
    await show({ assignedAt: '2026-01-14T15:00:00.000Z' }, { calls: ['2026-01-19T14:00:00Z'] });
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    expect(screen.getByRole('alertdialog', { name: 'The first-touch SLA was breached: accept anyway?' })).toBeTruthy();
  });

  it('Undo after accepting puts the lead back at once and queues the undo after the move; the timeline shows both waiting', async () => {
    await show({}, { calls: ['2026-01-19T14:00:00Z'] });
    fireEvent.click(screen.getByRole('button', { name: 'Accept as SQL' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: SQL' });
    fireEvent.click(within(stageRegion()).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: MQL' });
    expect((await db.contacts.get('c_dana'))?.stage).toBe('mql');
    const [move, undo] = await pending();
    expect(undo).toMatchObject({ type: 'contact.stage_undo', contactId: 'c_dana', undoes: move!.id });
    expect(await screen.findByText('Undone: the stage is back as it was.')).toBeTruthy();
    const timeline = await screen.findByRole('list', { name: /^Timeline, / });
    await waitFor(() =>
      expect(within(timeline).getAllByRole('listitem').map((r) => r.querySelector('.trow__text')?.textContent)).toEqual(
        expect.arrayContaining(['Accepted as SQL by Maya Chen', 'Undone by Maya Chen: back to MQL']),
      ),
    );
  });

  it('Undo after recycling brings back the stage and its reason', async () => {
    await show({ stage: 'sql' });
    fireEvent.click(screen.getByRole('button', { name: 'Recycle to marketing' }));
    const form = screen.getByRole('form', { name: 'Recycle to marketing' });
    pick(form, 'Not the buyer');
    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: Recycled' });
    fireEvent.click(within(stageRegion()).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: SQL' });
    expect(await db.contacts.get('c_dana')).toMatchObject({ stage: 'sql', stageReason: null });
  });
});

describe('recycle and disqualify', () => {
  it('recycle takes a reason from the list, other needs a text, and nothing is written until it is valid', async () => {
    await show();
    fireEvent.click(screen.getByRole('button', { name: 'Recycle to marketing' }));
    const form = screen.getByRole('form', { name: 'Recycle to marketing' });
    expect(document.activeElement).toBe(within(form).getByRole('combobox', { name: 'Reason' }));
    // No attempt made yet: could not reach is not offered, and the panel says why.
    expect(optionsOf(form)).toEqual(['Choose a reason', 'Not ready to buy yet', 'No budget yet', 'Not the buyer', 'Other']);
    expect(within(form).getByText('5 attempts left before Could not reach.')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose a reason.');
    pick(form, 'Other');
    const why = within(form).getByRole('textbox', { name: 'Say why (required)' });
    fireEvent.change(why, { target: { value: ' x ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Say why in at least 3 characters.');
    expect(why.getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.change(why, { target: { value: 'No budget until Q3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Recycle' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: Recycled' });
    expect(await db.contacts.get('c_dana')).toMatchObject({ stage: 'recycled', stageReason: 'No budget until Q3', stageReasonCode: 'other' });
    expect(await pending()).toMatchObject([{ type: 'contact.recycle', from: 'mql', reasonCode: 'other', reason: 'No budget until Q3' }]);
    expect(screen.getByText('Recycled: No budget until Q3')).toBeTruthy();
    expect(screen.getByText('Recycled to marketing.')).toBeTruthy();
    // A recycled lead has left the cadence.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown__text')?.textContent).toBe('Exited: stage changed'));
  });

  it('offers could not reach once the five attempts are made, with the count before that', async () => {
    const calls = ['2026-01-16T21:40:00Z', '2026-01-16T21:45:00Z', '2026-01-16T21:50:00Z'];
    await show({}, { calls });
    fireEvent.click(screen.getByRole('button', { name: 'Recycle to marketing' }));
    expect(within(screen.getByRole('form', { name: 'Recycle to marketing' })).getByText('2 attempts left before Could not reach.')).toBeTruthy();
    cleanup();
    await dropDb(db);

    await show({}, { calls: [...calls, '2026-01-19T14:00:00Z', '2026-01-19T14:30:00Z'] });
    fireEvent.click(screen.getByRole('button', { name: 'Recycle to marketing' }));
    const form = screen.getByRole('form', { name: 'Recycle to marketing' });
    expect(optionsOf(form)).toEqual(['Choose a reason', 'Could not reach', 'Not ready to buy yet', 'No budget yet', 'Not the buyer', 'Other']);
    expect(within(form).queryByText(/attempts? left/)).toBeNull();
    pick(form, 'Could not reach');
    expect(within(form).getByRole('textbox', { name: 'Detail (optional)' })).toBeTruthy();
    fireEvent.submit(form);
    await screen.findByRole('heading', { level: 3, name: 'Stage: Recycled' });
    expect(await db.contacts.get('c_dana')).toMatchObject({ stageReason: 'Could not reach', stageReasonCode: 'could_not_reach' });
    expect(await pending()).toMatchObject([{ type: 'contact.recycle', from: 'mql', reasonCode: 'could_not_reach', reason: null }]);
  });

  it('disqualify offers the workspace’s own list; a detail is kept after the label, a too short one is refused; Cancel writes nothing', async () => {
    const settings = defaultWorkspaceSettings(ZONE);
    await show({}, { settings: { ...settings, outcomes: { ...settings.outcomes, disqualifyReasons: [{ code: 'bad_data', label: 'Bad data' }] } } });
    fireEvent.click(screen.getByRole('button', { name: 'Disqualify' }));
    let form = screen.getByRole('form', { name: 'Disqualify' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Disqualify' }));
    form = screen.getByRole('form', { name: 'Disqualify' });
    expect(optionsOf(form)).toEqual(['Choose a reason', 'Bad data', 'Other']);
    pick(form, 'Bad data');
    const detail = within(form).getByRole('textbox', { name: 'Detail (optional)' });
    fireEvent.change(detail, { target: { value: 'no' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('A detail needs at least 3 characters, or leave it empty.');
    fireEvent.change(detail, { target: { value: 'bounced twice' } });
    fireEvent.submit(form);
    await screen.findByRole('heading', { level: 3, name: 'Stage: Disqualified' });
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'mql', to: 'disqualified', reasonCode: 'bad_data', reason: 'bounced twice' }]);
    expect(screen.getByText('Disqualified: Bad data: bounced twice')).toBeTruthy();
    expect(screen.getByText('No stage actions for a disqualified.')).toBeTruthy();
  });
});

describe('won and lost', () => {
  it('Won takes an optional deal value in the workspace’s currency, refusing what is not one', async () => {
    const settings = defaultWorkspaceSettings(ZONE);
    await show({ stage: 'opportunity' }, { settings: { ...settings, outcomes: { ...settings.outcomes, currency: 'EUR' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Won' }));
    const form = screen.getByRole('form', { name: 'Won' });
    const value = within(form).getByRole('textbox', { name: 'Deal value (EUR, optional)' });
    expect(document.activeElement).toBe(value);
    fireEvent.change(value, { target: { value: 'lots' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Enter the deal value as a number, e.g. 48000 or 48000.50.');
    fireEvent.change(value, { target: { value: '-5' } });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('A deal value cannot be negative.'));
    fireEvent.change(value, { target: { value: '12.345' } });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('A deal value has at most two decimals.'));
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.change(value, { target: { value: '48,000.50' } });
    fireEvent.submit(form);
    await screen.findByRole('heading', { level: 3, name: 'Stage: Customer' });
    expect(await db.contacts.get('c_dana')).toMatchObject({ stage: 'customer', dealValue: 48_000.5 });
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'opportunity', to: 'customer', dealValue: 48_000.5 }]);
    expect(screen.getByText('Won: now a customer.')).toBeTruthy();
    // Only a manager may correct a win.
    expect(screen.getByText('No stage actions for a customer.')).toBeTruthy();
  });

  it('Lost takes a lost reason, back to nurture by default or closed for good', async () => {
    await show({ stage: 'opportunity' });
    fireEvent.click(screen.getByRole('button', { name: 'Lost' }));
    const form = screen.getByRole('form', { name: 'Lost' });
    expect(optionsOf(form)).toEqual(['Choose a reason', 'Chose a competitor', 'Price', 'No decision: stayed as they are', 'Timing: not this year', 'Missing features', 'Other']);
    const nurture = within(form).getByRole('radio', { name: 'Nurture again (recycle to marketing)' }) as HTMLInputElement;
    expect(nurture.checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: 'Close for good (disqualify)' }));
    pick(form, 'Price');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Detail (optional)' }), { target: { value: 'twice the budget' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Mark lost' }));
    await screen.findByRole('heading', { level: 3, name: 'Stage: Disqualified' });
    expect(await pending()).toMatchObject([{ type: 'contact.stage', from: 'opportunity', to: 'disqualified', reasonCode: 'price', reason: 'twice the budget' }]);
    expect(await db.contacts.get('c_dana')).toMatchObject({ stageReason: 'Price: twice the budget', stageReasonCode: 'price' });
    expect(screen.getByText('Lost: closed for good.')).toBeTruthy();
  });

  it('Lost back to nurture is a recycle from the opportunity', async () => {
    await show({ stage: 'opportunity' });
    fireEvent.click(screen.getByRole('button', { name: 'Lost' }));
    const form = screen.getByRole('form', { name: 'Lost' });
    pick(form, 'Chose a competitor');
    fireEvent.submit(form);
    await screen.findByRole('heading', { level: 3, name: 'Stage: Recycled' });
    expect(await pending()).toMatchObject([{ type: 'contact.recycle', from: 'opportunity', reasonCode: 'chose_competitor', reason: null }]);
    expect(screen.getByText('Lost: back to nurture.')).toBeTruthy();
  });
});
