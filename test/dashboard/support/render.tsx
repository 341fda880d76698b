import { configure, render, type RenderResult } from '@testing-library/react';
import { DashboardApi } from '../../../dashboard/api/client';
import { bearerCredentials, cookieCredentials } from '../../../dashboard/api/credentials';
import { App } from '../../../dashboard/shell/App';

// Each page asks a real server over HTTP; a loaded machine can stretch an answer past the default second.
configure({ asyncUtilTimeout: 8000 });

/** The dashboard's client against a real test server, signed in with a token (cookie sessions are the browser's). */
export function apiAs(serverUrl: string, token: string | null): DashboardApi {
  return new DashboardApi(token === null ? cookieCredentials() : bearerCredentials(token), undefined, serverUrl);
}

/** Renders the whole app at `path` (under /app/), in en-US, with the test server's clock. */
export function renderApp(api: DashboardApi, options: { path?: string; now: () => Date }): RenderResult {
  window.history.replaceState(null, '', `/app/${options.path ?? ''}`);
  return render(<App api={api} locale="en-US" now={options.now} />);
}
