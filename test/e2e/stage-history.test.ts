import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contacts } from '../../server/store/schema';
import { openHostTab, until } from './support/flows';
import { mayaForSuite } from './support/maya';

// Stage history in real Chromium: Maya's own move and a manager's, each recorded by the server, come back through the
// sync into the panel's timeline, worded for a person.

const DANA = 'dana.reyes@brightwave.example';

describe('the lead’s moves through the funnel show in the panel’s timeline', () => {
  const session = mayaForSuite();
  let panel: Page;

  const timelineRow = (text: string) => panel.getByRole('list', { name: /^Timeline, / }).getByText(text, { exact: true });
  async function danaOnServer() {
    const [row] = await session.server.store.db.select({ id: contacts.id, stage: contacts.stage }).from(contacts).where(eq(contacts.email, DANA));
    return row!;
  }

  it('starts, at the bottom of the timeline, with how Dana arrived and who made her an MQL, as the demo recorded them', async () => {
    const { tabId } = await openHostTab(session.ext, session.pages.urls.gmail);
    panel = await session.ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    // The demo's entries sit at Dana's arrival, below all her activity: scroll the timeline to its end.
    const list = panel.getByRole('list', { name: /^Timeline, / });
    await list.waitFor({ timeout: 30_000 });
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const alex = session.server.credentials.find((c) => c.role === 'marketing')!;
    try {
      await timelineRow('Created as a lead from a website form').waitFor({ timeout: 30_000 });
      await timelineRow(`Marked as an MQL by ${alex.name}`).waitFor({ timeout: 30_000 });
    } finally {
      await list.evaluate((el) => el.scrollTo({ top: 0 }));
    }
  }, 60_000);

  it('Maya accepting Dana in the panel comes back from the server as "Accepted as SQL by Maya Chen"', async () => {
    await panel.getByRole('button', { name: 'Accept as SQL' }).click();
    // With no attempt yet, or past the SLA, the panel asks once.
    const asked = panel.getByRole('alertdialog');
    if (await asked.count()) await asked.getByRole('button', { name: 'Accept as SQL anyway' }).click();
    await until(async () => ((await danaOnServer()).stage === 'sql' ? true : null), 'Dana at sql on the server');
    // At once, from the outbox: the move, waiting to be sent. The push is followed by a pull, which brings the server's
    // record of the move in its place: one row, no longer waiting.
    await timelineRow('Accepted as SQL by Maya Chen').waitFor({ timeout: 30_000 });
    const list = panel.getByRole('list', { name: /^Timeline, / });
    const recorded = async () => (await list.getByText('Waiting to be sent').count()) === 0 && (await timelineRow('Accepted as SQL by Maya Chen').count()) === 1;
    await until(async () => ((await recorded()) ? true : null), "the server's record in the timeline");
  }, 60_000);

  it('a manager recycling Dana on the server shows, with the manager’s name and reason, once the panel syncs', async () => {
    const priya = session.server.credentials.find((c) => c.role === 'manager')!;
    const { id } = await danaOnServer();
    const res = await fetch(`${session.server.url}/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${priya.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ id: 'e2e-recycle-dana', type: 'contact.recycle', at: new Date().toISOString(), contactId: id, reason: 'not the buyer' }] }),
    });
    expect(await res.json()).toEqual({ results: [{ id: 'e2e-recycle-dana', status: 'applied' }] });
    // Opening the panel syncs.
    await panel.reload();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    await timelineRow(`Recycled to marketing by ${priya.name}: not the buyer`).waitFor({ timeout: 30_000 });
    await panel.getByRole('heading', { name: 'Stage: Recycled' }).waitFor();
  }, 60_000);
});
