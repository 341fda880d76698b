import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MAILTO_ROOTS, readMailto } from '../lib/detect/mailto';
import { runPageReader } from '../lib/detect/run';

/**
 * `mailto:` links on a site the rep turned on. Not in the manifest: the background registers it at run time for the
 * sites the rep enabled and granted (entrypoints/background/tab-routing.ts, lib/routing/mailto-sites.ts). No `matches`
 * here on purpose: WXT would add them to the required host permissions. No UI.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    runPageReader(ctx, browser.runtime, { host: 'mailto', read: readMailto, roots: MAILTO_ROOTS });
  },
});
