// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { cacheWithDana, dropDb, library, MONDAY_10AM } from './support/data';
import { renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(async () => {
  db = await cacheWithDana();
  await db.content.bulkPut(library());
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

async function show() {
  // No route: every request fails as if offline, so what shows comes from the cache alone.
  const h = renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
  await screen.findByRole('heading', { level: 3, name: 'Questions they asked' });
  return h;
}

const section = () => screen.getByRole('region', { name: 'Questions they asked' });
const field = () => within(section()).getByRole('textbox', { name: 'A question they asked' });

describe('questions they asked', () => {
  it('notes a question in one line, offline: on the lead at once, with its outbox entry', async () => {
    await show();
    fireEvent.change(field(), { target: { value: '  Do you integrate with Salesforce? ' } });
    fireEvent.click(within(section()).getByRole('button', { name: 'Note' }));
    await within(section()).findByText('Do you integrate with Salesforce?');
    expect(within(section()).getByText('Question noted: marketing will see it with the others like it.')).toBeTruthy();
    expect((field() as HTMLInputElement).value).toBe('');
    // Monday 10:00 New York, shown in the rep's own clock; the stage the panel showed.
    expect(within(section()).getAllByRole('listitem').map((li) => li.querySelector('.question__meta')?.textContent)).toEqual([
      expect.stringMatching(/ · as MQL$/),
    ]);

    const [question] = await db.questions.toArray();
    expect(question).toEqual({
      id: 'id_1',
      contactId: 'c_dana',
      userId: 'rep1',
      text: 'Do you integrate with Salesforce?',
      key: 'integr-salesforc',
      stage: 'mql',
      at: '2026-01-19T15:00:00.000Z',
      version: 0,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.status, e.mutation])).toEqual([
      [
        'pending',
        {
          id: 'id_2',
          type: 'question.note',
          at: '2026-01-19T15:00:00.000Z',
          question: { id: 'id_1', contactId: 'c_dana', text: 'Do you integrate with Salesforce?', at: '2026-01-19T15:00:00.000Z' },
        },
      ],
    ]);
  });

  it('refuses what the server would refuse, saying why, and writes nothing', async () => {
    await show();
    fireEvent.change(field(), { target: { value: '? !' } });
    fireEvent.submit(field());
    const alert = await within(section()).findByRole('alert');
    expect(alert.textContent).toBe('a question needs at least one word of two letters or more');
    expect(await db.questions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((field() as HTMLInputElement).maxLength).toBe(280);
  });

  it('shows the answer marketing linked, and "Send next" offers it first, saying when they asked', async () => {
    // Asked Tuesday 13 January, 11:00 New York; marketing linked the benchmark (an awareness piece an MQL would not get).
    await db.questions.put({ id: 'q1', contactId: 'c_dana', userId: 'rep1', text: 'Do you support SSO?', key: 'sso-support', stage: 'mql', at: '2026-01-13T16:00:00Z', version: 7 });
    await db.answers.put({ key: 'sso-support', contentId: 'ct_benchmark', linkedBy: 'u_marketing', linkedAt: '2026-01-14T10:00:00Z', version: 8 });
    await show();
    await waitFor(() => expect(within(section()).getByText(/answered by “The 2026 Lead Response Benchmark”/)).toBeTruthy());
    const send = screen.getByRole('region', { name: 'Send next' });
    const first = within(send).getAllByRole('listitem')[0]!;
    expect(first.querySelector('a')?.textContent).toBe('The 2026 Lead Response Benchmark');
    expect(first.querySelector('.suggestion__reason')?.textContent).toBe('Answers the question they asked on Tuesday');
    expect(within(send).getAllByRole('listitem')).toHaveLength(3);

    // Marketing unlinks it: the next pull deletes the cached answer, and the suggestion goes back to the ranking.
    await db.answers.delete('sso-support');
    await waitFor(() => expect(within(send).getAllByRole('listitem')[0]!.querySelector('a')?.textContent).toBe('Lead Scoring Playbook for B2B Teams'));
  });
});
