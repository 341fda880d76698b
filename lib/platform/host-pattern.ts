export type BrowserTarget = 'chrome' | 'firefox';

/**
 * The host permission pattern to ask `browser.permissions` for, given `<origin>/*`. Chrome keeps the port, so the grant
 * is for that one origin. Firefox's patterns take no port (a portless one matches every port of the host) and it
 * refuses to request a pattern with a port, since none of the manifest's optional ones (`https://*\/*`,
 * `http://127.0.0.1/*`) subsumes it: a server on :8443 or :8787 could never be signed in to.
 */
export function hostPatternFor(pattern: string, target: BrowserTarget): string {
  if (target === 'chrome') return pattern;
  return pattern.replace(/^([a-z][a-z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/:]+)):\d+\//i, '$1/');
}
