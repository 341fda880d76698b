import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readHubSpot, HUBSPOT_ROOTS } from '../lib/detect/hubspot';
import { runPageReader } from '../lib/detect/run';

/**
 * HubSpot: a contact record's email, a company record's associated contacts.
 * No UI: it reports what lib/detect/hubspot.ts reads to the background.
 */
export default defineContentScript({
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, { host: 'hubspot', read: readHubSpot, roots: HUBSPOT_ROOTS });
  },
});
