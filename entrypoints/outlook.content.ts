import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readOutlook, OUTLOOK_ROOTS } from '../lib/detect/outlook';
import { runPageReader } from '../lib/detect/run';

/**
 * Outlook on the web: the reading pane's From/To/Cc and the compose form's recipients.
 * No UI: it reports what lib/detect/outlook.ts reads to the background.
 */
export default defineContentScript({
  matches: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, { host: 'outlook', read: readOutlook, roots: OUTLOOK_ROOTS });
  },
});
