import { useEffect, useState } from 'react';
import type { SlaReport } from '../../lib/core/model/reports';
import type { DashboardApi } from '../api/client';
import { SlaSections } from '../pages/sla/SlaSections';
import { ReadOnlyProvider } from './context';
import { ErrorState, Loading } from './states';

const systemNow = () => new Date();

/** How often the screen on the wall asks again: the report's figures move with the day, not by the second. */
export const SHARED_REFRESH_MS = 60_000;

type Shown = { state: 'loading' } | { state: 'ready'; report: SlaReport; at: Date } | { state: 'error'; error: unknown; last: SlaReport | null };

/**
 * The shared screen at /shared/<token>: the SLA page read-only, for a team screen or a weekly meeting. Nobody signs
 * in; the figures are plain text (no lead lists), and it refreshes itself, keeping the last figures on screen if one
 * refresh fails (a revoked or expired link says so instead).
 */
export function SharedScreen({ api, token, locale, timeZone, now = systemNow }: { api: DashboardApi; token: string; locale: string; timeZone: string; now?: () => Date }) {
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    const load = () =>
      api.sharedSla(token).then(
        (report) => current && setShown({ state: 'ready', report, at: now() }),
        (error: unknown) => current && setShown((s) => ({ state: 'error', error, last: s.state === 'ready' ? s.report : s.state === 'error' ? s.last : null })),
      );
    void load();
    const timer = setInterval(load, SHARED_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, token, now]);
  const report = shown.state === 'ready' ? shown.report : shown.state === 'error' ? shown.last : null;
  return (
    <ReadOnlyProvider locale={locale} timeZone={timeZone}>
      <main className="app__main shared" id="main">
        <h1>SLA both ways</h1>
        <p className="muted">Shared screen: read-only, refreshed every minute.</p>
        {shown.state === 'loading' ? <Loading what="the shared screen" /> : null}
        {shown.state === 'error' ? <ErrorState what="the shared screen" error={shown.error} /> : null}
        {report ? <SlaSections report={report} /> : null}
      </main>
    </ReadOnlyProvider>
  );
}

/** The token of a shared screen's address (/shared/<token>), or null on any other page. */
export function sharedTokenOf(pathname: string): string | null {
  const match = /^\/shared\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}
