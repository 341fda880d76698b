/**
 * One page, one key: the same page reached through a campaign link, an anchor or with a trailing slash must count once.
 * Drops the hash, `utm_*` campaign parameters and Leadside's own tracked-link parameters (`ls`, `ls_*`), a trailing
 * slash (except the root "/"), and lower-cases the host (URL parsing does that, and drops a default port).
 * Other query parameters stay, in their order and encoding: they can name a different page (`?id=42`).
 */
export function normalizePageUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Not a URL we can take apart (stored rows are validated, so this is defensive): compare it as written.
    return raw.trim();
  }
  url.hash = '';
  url.search = keptQuery(url.search);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.toString();
}

/** True for a parameter that says how someone arrived, not which page they saw. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key === 'ls' || key.startsWith('ls_');
}

function keptQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(decodeName(pair)));
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
