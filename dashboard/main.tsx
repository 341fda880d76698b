import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApi } from './api/client';
import { cookieCredentials } from './api/credentials';
import { App } from './shell/App';
import './app.css';

// In the browser the dashboard is signed in by its session cookie, on the API's own origin.
const api = new DashboardApi(cookieCredentials());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={api} locale={navigator.language} />
  </StrictMode>,
);
