import { describe, expect, it } from 'vitest';
import { openHostTab, until } from './support/flows';
import { mayaAttemptsOnDana, mayaForSuite } from './support/maya';
import { controlServiceWorker } from './support/service-worker';

/** What a restarted worker reports: when it started, and when its minute alarm is next due. */
interface WorkerSighting {
  startedAt: number;
  alarmAt: number | null;
  seenAt: number;
}

/**
 * A fresh worker finds the alarm, where the last one saw it unless it had come due (and fired, moving a period on):
 * a worker that created it again on every start would push it a minute out each time, and it would never fire.
 */
function expectAlarmKept(earlier: readonly WorkerSighting[], seen: WorkerSighting): void {
  const n = earlier.length + 1;
  expect(seen.alarmAt, `restart ${n} found no alarm`).not.toBeNull();
  const last = earlier.at(-1);
  if (!last) return;
  expect(seen.startedAt, `restart ${n} was not a new worker`).toBeGreaterThan(last.startedAt);
  if (seen.alarmAt !== last.alarmAt) expect(last.alarmAt!, `restart ${n} moved an alarm not yet due`).toBeLessThanOrEqual(seen.seenAt);
}

describe('with the panel closed, the outbox still leaves however often Chrome stops the service worker', () => {
  const session = mayaForSuite();

  const danaAttempts = () => mayaAttemptsOnDana(session.server);

  it('an attempt logged while the server was down reaches it, and no restart moves the minute alarm', async () => {
    const { ext, pages } = session;
    let { server } = session;
    const host = await openHostTab(ext, pages.urls.gmail);
    const panel = await ext.openPage(`sidepanel.html?tab=${host.tabId}`);
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const before = (await danaAttempts()).length;

    // Logged while the server is down: it waits in the outbox. Then the rep closes the panel.
    await server.close();
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Voicemail', exact: true }).click();
    await panel.getByText('Offline.').waitFor({ timeout: 30_000 });
    await panel.close();
    server = session.server = await server.restart();

    // Chrome stops the idle worker and starts it on the next event, here the rep's Gmail tab reading its page again.
    const worker = await controlServiceWorker(ext, host.page);
    const sightings: WorkerSighting[] = [];
    const arrived = await until(
      async () => {
        await worker.stop();
        await host.page.reload();
        const seen = await worker.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome;
          const alarm = await api.alarms.get('leadside-sync');
          return { startedAt: performance.timeOrigin, alarmAt: alarm?.scheduledTime ?? null, seenAt: Date.now() };
        });
        expectAlarmKept(sightings, seen);
        sightings.push(seen);
        const attempts = await danaAttempts();
        return sightings.length >= 4 && attempts.length > before ? attempts : null;
      },
      'the attempt on the server after the worker restarted',
      180_000,
    );
    expect(arrived).toHaveLength(before + 1);
    expect(arrived.filter((a) => a.channel === 'voicemail')).toHaveLength(1);
  }, 300_000);
});
