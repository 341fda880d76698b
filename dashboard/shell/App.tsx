import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../../lib/api/errors';
import type { DashboardApi } from '../api/client';
import { loadSession, type DashboardSession } from '../api/session';
import { DashboardProvider } from './context';
import { RouterProvider } from './router';
import { Shell } from './Shell';
import { SignedOut } from './SignedOut';
import { ErrorState, Loading } from './states';

type SessionState =
  | { state: 'loading' }
  | { state: 'signed-in'; session: DashboardSession }
  | { state: 'signed-out'; reason?: string }
  | { state: 'error'; error: unknown };

export interface AppProps {
  api: DashboardApi;
  /** The reader's language for numbers (navigator.language in the browser). */
  locale: string;
  now?: () => Date;
}

const systemNow = () => new Date();

/** The whole dashboard: who is signed in decides between the sign-in page and the shell with its pages. */
export function App({ api, locale, now = systemNow }: AppProps) {
  // Each try at loading the session is numbered: an answer counts only for the try it answers.
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; session: SessionState } | null>(null);
  useEffect(() => {
    let current = true;
    const settle = (s: SessionState) => current && setResult({ attempt, session: s });
    loadSession(api, locale).then(
      (s) => settle({ state: 'signed-in', session: s }),
      (error: unknown) => settle(error instanceof ApiFailure && error.kind === 'unauthorized' ? { state: 'signed-out', reason: expiredReason(error) } : { state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [api, locale, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const signOut = useCallback(() => {
    api.signOut().then(
      () => setResult({ attempt, session: { state: 'signed-out', reason: 'You are signed out.' } }),
      (error: unknown) => setResult({ attempt, session: { state: 'error', error } }),
    );
  }, [api, attempt]);

  const session: SessionState = result?.attempt === attempt ? result.session : { state: 'loading' };
  if (session.state === 'loading') return <Loading what="your session" />;
  if (session.state === 'signed-out') return <SignedOut api={api} reason={session.reason} />;
  if (session.state === 'error') return <ErrorState what="your session" error={session.error} retry={retry} />;
  return (
    <DashboardProvider api={api} session={session.session} now={now}>
      <RouterProvider>
        <Shell onSignOut={signOut} />
      </RouterProvider>
    </DashboardProvider>
  );
}

function expiredReason(error: ApiFailure): string | undefined {
  return error.code === 'session_expired' || error.code === 'token_expired' ? 'Your session has ended: sign in again with a new link.' : undefined;
}
