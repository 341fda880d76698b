import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepEvidenceOnFailure } from './support/evidence';
import type { LoadedExtension } from '../support/extension';
import { openHostTab, until } from './support/flows';
import { mayaAttemptsOnDana, setUpMaya, tearDownMaya } from './support/maya';
import { controlServiceWorker } from './support/service-worker';
import type { DemoPages } from '../../server/seed/demo-pages';
import type { DemoServer } from './support/server';

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
  let server: DemoServer;
  let ext: LoadedExtension;
  let pages: DemoPages;

  keepEvidenceOnFailure(() => ({ ext, server }));

  beforeAll(async () => {
    ({ server, pages, ext } = await setUpMaya());
  }, 180_000);

  afterAll(() => tearDownMaya({ ext, pages, server }));

  const danaAttempts = () => mayaAttemptsOnDana(server);

  it('an attempt logged while the server was down reaches it, and no restart moves the minute alarm', async () => {
    const host = await openHostTab(ext, pages.urls.gmail);
    const panel = await ext.openPage(`sidepanel.html?tab=${host.tabId}`);
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const before = (await danaAttempts()).length;

    // Logged while the server is down: it waits in the outbox. Then the rep closes the panel.
    await server.close();
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Voicemail', exact: true }).click();
    await panel.getByText('Offline.').waitFor({ timeout: 30_000 });
    await panel.close();
    server = await server.restart();

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
