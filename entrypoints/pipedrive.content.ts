import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPipedrive, PIPEDRIVE_ROOTS } from '../lib/detect/pipedrive';
import { runPageReader } from '../lib/detect/run';

/**
 * Pipedrive: a person's addresses, and the person's on a deal.
 * No UI: it reports what lib/detect/pipedrive.ts reads to the background.
 */
export default defineContentScript({
  matches: ['https://*.pipedrive.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, { host: 'pipedrive', read: readPipedrive, roots: PIPEDRIVE_ROOTS });
  },
});
