/**
 * The side panel as entrypoints/sidepanel/main.tsx mounts it (same components, the extension's own cache, the real
 * browser adapter, its `watchPageContacts` being lib/routing's `watchPanelContacts`), bundled with its function names
 * kept. Copied into the built extension as bench-panel.html by ../figures/panel.ts, so it runs in the extension's
 * origin beside the real background and content scripts: the figure profiles it (a readable profile), and measures in
 * it should the built sidepanel.html ever stop following the active tab.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../components/panel/SidePanel';
import { ServicesProvider } from '../../components/services';
import { leadsideDb } from '../../lib/db/database';
import { browserPlatform, type Platform } from '../../lib/platform';
import { watchPanelContacts } from '../../lib/routing';
import '../../components/panel.css';
import '../../components/sidepanel.css';

const platform: Platform = {
  ...browserPlatform(browser),
  watchPageContacts: (onChange) => watchPanelContacts(browser as unknown as Parameters<typeof watchPanelContacts>[0], onChange),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider services={{ db: leadsideDb(), platform, now: () => new Date() }}>
      <SidePanel />
    </ServicesProvider>
  </StrictMode>,
);
