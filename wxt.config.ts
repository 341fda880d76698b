import { defineConfig } from 'wxt';
import { DEMO_EXTENSION_KEY } from './server/seed/demo-extension';

// Chrome gets `side_panel`; Firefox (built with --mv3) gets `sidebar_action` from the same entrypoint.
/**
 * The end-to-end and demo build (LEADSIDE_E2E=1: the browser suite and `npm start`) is the only one whose content
 * scripts also read stand-in host pages served from http://localhost/<host>/…, and which holds access to a loopback
 * server up front (a headless browser cannot answer the permission prompt). It also pins the extension id (`key`), so
 * `npm start` can print one-click sign-in links into the options page, and prefills the options page's server field
 * with the demo server. Nothing else differs; `npm run build` and the store zips never carry it.
 */
/** What the demo build's sign-in form starts with: where `npm start` serves (lib/session/demo-server.ts reads it). */
const DEMO_SERVER_URL = 'http://127.0.0.1:8787';
const E2E = process.env.LEADSIDE_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // Tests build into a scratch folder so they never race a developer's own build.
  outDir: process.env.LEADSIDE_OUT_DIR ?? '.output',
  vite: () => ({
    define: { 'import.meta.env.LEADSIDE_DEMO_SERVER': JSON.stringify(E2E ? DEMO_SERVER_URL : ''), 'import.meta.env.LEADSIDE_E2E': JSON.stringify(E2E) },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (!E2E) return;
      manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
      // `scripting` granted up front too, so turning the mailto: reader on for a loopback site resolves without a
      // prompt; the request itself is the same call the shipped build makes.
      manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
      // And `notifications`, so the alerts switch resolves without a prompt too (the suite reads what it shows).
      manifest.permissions.push('notifications');
      // Chrome derives the id from `key`; Firefox has no such key (it warns on it) and takes its gecko id instead.
      if (wxt.config.browser !== 'firefox') manifest.key = DEMO_EXTENSION_KEY;
      for (const script of manifest.content_scripts ?? []) {
        const host = /content-scripts\/([a-z]+)\.js$/.exec(script.js?.[0] ?? '')?.[1];
        if (host) script.matches = [...(script.matches ?? []), `http://localhost/${host}/*`];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Leadside',
    description: 'Lead intelligence and the follow-up clock beside your inbox and CRM.',
    // Only what is used: the side panel (Chrome), an alarm for the minute sync, and `storage` (no install warning):
    // session storage for each tab's detected contacts (lib/routing), local for the rep's settings (lib/stored). Access
    // to the rep's server is optional and asked at sign-in, for that one origin.
    // `activeTab` (no install warning): the toolbar click lets the panel see that tab's address, for "Read contacts on
    // this site".
    permissions: browser === 'firefox' ? ['alarms', 'storage', 'activeTab'] : ['sidePanel', 'alarms', 'storage', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // The `mailto:` reader runs only on sites the rep turns on: `scripting` is asked then, with that site's origin
    // (lib/routing/mailto-sites.ts). The CRM and mail hosts' readers are manifest content scripts.
    // `notifications` is asked when the rep turns alerts on in the options page (lib/stored/alert-switch.ts), never at
    // install.
    optional_permissions: ['scripting', 'notifications'],
    action: { default_title: 'Open Leadside' },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'extension@leadside.app', strict_min_version: '115.0' } },
    }),
  }),
});
