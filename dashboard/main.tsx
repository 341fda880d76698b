import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApi } from './api/client';
import { cookieCredentials } from './api/credentials';
import { App } from './shell/App';
import { SharedScreen, sharedTokenOf } from './shell/SharedScreen';
import './app.css';

// In the browser the dashboard is signed in by its session cookie, on the API's own origin.
const api = new DashboardApi(cookieCredentials());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The same bundle is the shared screen at /shared/<token>, which nobody signs in to.
const shared = sharedTokenOf(window.location.pathname);
createRoot(root).render(
  <StrictMode>
    {shared === null ? (
      <App api={api} locale={navigator.language} />
    ) : (
      <SharedScreen api={api} token={shared} locale={navigator.language} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />
    )}
  </StrictMode>,
);
