import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../../support/extension';
import { until } from './flows';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping' | 'unknown';

export interface ServiceWorkerControl {
  /** Stops the extension's service worker, as Chrome does to an idle one, and waits until it has stopped. */
  stop(): Promise<void>;
  /** Runs `fn` in the worker, where `chrome` is the real API; waits for a stopped worker to be woken. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
}

/**
 * Controls the extension's service worker through the DevTools protocol of a page (`ServiceWorker.stopAllWorkers`),
 * since Playwright has no call for it. Playwright keeps the same Worker object across a restart and evaluates in the
 * fresh one; something must wake it (a host page the content script reads sends a message).
 */
export async function controlServiceWorker(ext: LoadedExtension, page: Page): Promise<ServiceWorkerControl> {
  const cdp = await ext.context.newCDPSession(page);
  const origin = `chrome-extension://${ext.id}/`;
  let status: RunningStatus = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.startsWith(origin));
    if (ours) status = ours.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(origin));
  if (!worker) throw new Error('the extension has no service worker');
  return {
    stop: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until(async () => status === 'stopped', 'the service worker to stop', 30_000);
    },
    evaluate: (fn) => worker.evaluate(fn),
  };
}
