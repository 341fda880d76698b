import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readGmail, GMAIL_ROOTS } from '../lib/detect/gmail';
import { runPageReader } from '../lib/detect/run';

/**
 * Gmail: the open thread's people and the compose windows' recipients.
 * No UI: it reports what lib/detect/gmail.ts reads to the background.
 */
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, { host: 'gmail', read: readGmail, roots: GMAIL_ROOTS });
  },
});
