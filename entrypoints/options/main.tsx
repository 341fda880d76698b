import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { ServicesProvider } from '../../components/services';
import { leadsideDb } from '../../lib/db/database';
import { browserPlatform } from '../../lib/platform';
import '../../components/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('Leadside options: #root is missing from options/index.html');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={{ db: leadsideDb(), platform: browserPlatform(browser), now: () => new Date() }}>
      <OptionsPage />
    </ServicesProvider>
  </StrictMode>,
);
