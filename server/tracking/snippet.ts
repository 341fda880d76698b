import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrackingMode } from '../../lib/core/model/tracking';

/**
 * t.js as browsers get it: the readable source (server/tracking/t.js) with its whole-line comments (`// ...`, and the
 * `/* ... *\/` lines for the linter) and indentation taken out, nothing else changed (about 2 KB gzipped instead of
 * 3.3 KB with the comments), and the site's settings written into its last line.
 */
const SOURCE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 't.js'), 'utf8');
export const SNIPPET_TEMPLATE = SOURCE.split('\n')
  .filter((line) => !/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line))
  .map((line) => line.trim())
  .filter((line) => line !== '')
  .join('\n');
const CONFIG_SLOT = '/*CONFIG*/ null';
if (!SNIPPET_TEMPLATE.includes(CONFIG_SLOT)) throw new Error('t.js has lost its /*CONFIG*/ slot');

/** What the snippet needs: the site key, where to send events, and the workspace's mode. */
export interface SnippetConfig {
  siteKey: string;
  endpoint: string;
  mode: Exclude<TrackingMode, 'off'>;
}

export function snippetFor(config: SnippetConfig): string {
  const json = JSON.stringify({ k: config.siteKey, e: config.endpoint, m: config.mode })
    // Safe inside any script context, whatever a value holds.
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return SNIPPET_TEMPLATE.replace(CONFIG_SLOT, json);
}

/** For a site whose tracking is off, or a key nobody has: a script that does nothing. */
export const NO_SNIPPET = '/* Leadside: no tracking on this site */\n';

/** A strong validator per representation: the gzipped body gets its own (`variant`). */
export function etagOf(body: string, variant = ''): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${variant ? `-${variant}` : ''}"`;
}
