import { describe, expect, it } from 'vitest';
import { until } from './support/flows';
import { mayaForSuite } from './support/maya';

/** The toolbar badge as the browser holds it, read in the extension's service worker. */
interface BadgeSighting {
  text: string;
  title: string;
  color: number[];
}

// The toolbar badge in real Chromium against the demo server: Maya's breached and overdue count after the first sync,
// coloured red (the demo has breached leads), and one less once she logs a call on a lead whose follow-up is overdue.

describe('the toolbar badge counts the rep’s breached and overdue leads', () => {
  const session = mayaForSuite();

  const readBadge = () => {
    const worker = session.ext.context.serviceWorkers().find((w) => w.url().includes(session.ext.id))!;
    return worker.evaluate(async (): Promise<BadgeSighting> => {
      type Action = {
        getBadgeText(d: object): Promise<string>;
        getTitle(d: object): Promise<string>;
        getBadgeBackgroundColor(d: object): Promise<number[]>;
      };
      const { action } = (globalThis as unknown as { chrome: { action: Action } }).chrome;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}), color: await action.getBadgeBackgroundColor({}) };
    });
  };

  it('shows the count after the sync, says what it counts, and drops by one after a call on an overdue lead', async () => {
    const first = await until(async () => {
      const b = await readBadge();
      return /^\d+$/.test(b.text) ? b : null;
    }, 'a count on the badge after the first sync', 60_000);
    const count = Number(first.text);
    expect(count).toBeGreaterThan(0);
    expect(first.title).toBe(`${count} ${count === 1 ? 'lead' : 'leads'} breached or overdue`);
    // Red: the demo gives Maya leads whose first touch is breached.
    expect(first.color.slice(0, 3)).toEqual([0xb4, 0x23, 0x18]);

    // The queue's "Breached & overdue" group holds exactly the badge's count.
    const panel = await session.ext.openPage('sidepanel.html');
    const urgent = panel.getByRole('region', { name: /^Breached & overdue/ });
    await urgent.waitFor({ timeout: 30_000 });
    // A follow-up overdue (a regular expression: case-sensitive, so not "Cadence window closed · follow-up overdue",
    // a breached cadence a call does not mend).
    const overdue = urgent.getByRole('button').filter({ hasText: /Follow-up overdue/ }).first();
    await overdue.click();
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Call', exact: true }).click();
    await panel.getByText(/^Call logged/).first().waitFor();

    // The write asks the background to sync; after it, the badge is one less.
    const after = await until(async () => {
      const b = await readBadge();
      return b.text === String(count - 1) ? b : null;
    }, `the badge at ${count - 1} after the call`, 30_000);
    expect(after.title).toBe(`${count - 1} ${count - 1 === 1 ? 'lead' : 'leads'} breached or overdue`);
    await panel.close();
  }, 120_000);
});
