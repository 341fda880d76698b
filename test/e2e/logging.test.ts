import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contacts, stageChanges } from '../../server/store/schema';
import { openHostTab, until } from './support/flows';
import { mayaAttemptsOnDana, mayaForSuite } from './support/maya';

// Logging that follows the click, in real Chromium against the real server: the channel first and the outcome second
// make ONE attempt with that outcome on the server, and a stage change undone in the panel ends at the old stage on
// the server, with both the move and its undo in the history.

const DANA = 'dana.reyes@brightwave.example';

describe('logging follows the click, and stage changes can be undone', () => {
  const session = mayaForSuite();
  let panel: Page;

  async function danaOnServer() {
    const [row] = await session.server.store.db.select({ id: contacts.id, stage: contacts.stage }).from(contacts).where(eq(contacts.email, DANA));
    return row!;
  }

  it('Call then No answer is one call with that outcome on the server', async () => {
    const { tabId } = await openHostTab(session.ext, session.pages.urls.gmail);
    panel = await session.ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    const before = (await mayaAttemptsOnDana(session.server)).length;

    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Call', exact: true }).click();
    await panel.getByRole('group', { name: 'Outcome of this call' }).getByRole('button', { name: 'No answer' }).click();
    await panel.getByText('Call logged: no answer.').waitFor();

    const rows = await until(async () => {
      const all = await mayaAttemptsOnDana(session.server);
      return all.length === before + 1 && all.some((a) => a.channel === 'call' && a.outcome === 'no_answer') ? all : null;
    }, 'the call with its outcome on the server');
    expect(rows.filter((a) => a.channel === 'call' && a.outcome === 'no_answer' && a.undoneAt === null)).toHaveLength(1);
    // Nothing armed: the next log carries no outcome.
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Email', exact: true }).click();
    await panel.getByText('Email logged.').waitFor();
    const after = await until(async () => {
      const all = await mayaAttemptsOnDana(session.server);
      return all.length === before + 2 ? all : null;
    }, 'the email on the server');
    expect(after.filter((a) => a.channel === 'email').at(-1)?.outcome ?? null).toBeNull();
    expect(after).toHaveLength(before + 2);
  }, 60_000);

  it('Accept then Undo: the server ends at the old stage, its history keeping the move and the undo', async () => {
    const { id, stage: old } = await danaOnServer();
    expect(old).toBe('mql');
    const stage = panel.getByRole('region', { name: /^Stage: / });
    await stage.getByRole('button', { name: 'Accept as SQL' }).click();
    // With no attempt yet, or past the SLA, the panel asks once.
    const asked = stage.getByRole('alertdialog');
    if (await asked.count()) await asked.getByRole('button', { name: 'Accept as SQL anyway' }).click();
    await panel.getByRole('heading', { name: 'Stage: SQL' }).waitFor();
    await stage.getByRole('button', { name: 'Undo' }).click();
    await panel.getByRole('heading', { name: 'Stage: MQL' }).waitFor();

    const history = await until(async () => {
      const rows = await session.server.store.db
        .select()
        .from(stageChanges)
        .where(and(eq(stageChanges.contactId, id), isNotNull(stageChanges.undoes)))
        .orderBy(asc(stageChanges.version));
      return rows.length === 1 ? rows : null;
    }, 'the undo recorded on the server');
    expect((await danaOnServer()).stage).toBe('mql');
    expect(history[0]).toMatchObject({ fromStage: 'sql', toStage: 'mql', actorId: 'u_demo_maya' });
    // The timeline shows both moves once the server's rows are back.
    const list = panel.getByRole('list', { name: /^Timeline, / });
    await list.getByText('Undone by Maya Chen: back to MQL', { exact: true }).waitFor({ timeout: 30_000 });
  }, 60_000);
});
