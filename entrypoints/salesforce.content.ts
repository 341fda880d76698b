import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readSalesforce, SALESFORCE_ROOTS } from '../lib/detect/salesforce';
import { runPageReader } from '../lib/detect/run';

/**
 * Salesforce Lightning: a lead's or contact's email, through shadow roots.
 * No UI: it reports what lib/detect/salesforce.ts reads to the background.
 */
export default defineContentScript({
  matches: ['https://*.lightning.force.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, {
      host: 'salesforce',
      read: readSalesforce,
      roots: SALESFORCE_ROOTS,
      shadowRoots: true,
    });
  },
});
