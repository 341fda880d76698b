import { useState } from 'react';
import { ApiFailure } from '../../lib/api/errors';
import { useApi } from '../hooks/useApi';
import { useServices } from '../services';

/**
 * "Open dashboard": asks the server for a one-time dashboard link (60 s) and opens it in a new tab, where the server
 * exchanges it for a browser session. The bearer token never goes in a URL. Every role has a dashboard: a rep's shows
 * their own SLA figures.
 */
export function OpenDashboard() {
  const api = useApi();
  const { platform } = useServices();
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  if (!api) return null;

  async function open() {
    setState({ kind: 'working' });
    try {
      const { url } = await api!.dashboardLink();
      await platform.openTab(url);
      setState({ kind: 'idle' });
    } catch (err) {
      const reason = err instanceof ApiFailure && err.kind !== 'offline' ? err.message : 'could not reach the server';
      setState({ kind: 'error', message: `The dashboard did not open: ${reason}.` });
    }
  }

  return (
    <div className="options__dashboard">
      <button type="button" onClick={open} disabled={state.kind === 'working'} aria-describedby="open-dashboard-hint">
        Open dashboard
      </button>
      <p id="open-dashboard-hint" className="options__hint">
        Signs this browser in to the Leadside dashboard in a new tab.
      </p>
      {state.kind === 'error' && (
        <p role="alert" className="options__status options__status--error">
          {state.message}
        </p>
      )}
    </div>
  );
}
