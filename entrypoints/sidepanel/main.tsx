import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelShell } from '../../components/PanelShell';
import '../../components/panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('Leadside side panel: #root is missing from sidepanel/index.html');
createRoot(root).render(
  <StrictMode>
    <PanelShell />
  </StrictMode>,
);
