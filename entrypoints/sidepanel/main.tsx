import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../components/panel/SidePanel';
import { ServicesProvider } from '../../components/services';
import { leadsideDb } from '../../lib/db/database';
import { browserPlatform } from '../../lib/platform';
import '../../components/panel.css';
import '../../components/sidepanel.css';

// `sidepanel.html?tab=<id>` follows that tab instead of the active one (a popped-out panel, the end-to-end suite).
const pinned = Number(new URLSearchParams(location.search).get('tab'));
const platform = browserPlatform(browser, { pinnedTabId: Number.isInteger(pinned) && pinned > 0 ? pinned : null });

const root = document.getElementById('root');
if (!root) throw new Error('Leadside side panel: #root is missing from sidepanel/index.html');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={{ db: leadsideDb(), platform, now: () => new Date() }}>
      <SidePanel />
    </ServicesProvider>
  </StrictMode>,
);
