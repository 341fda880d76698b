import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { DashboardApi } from '../api/client';
import type { DashboardSession } from '../api/session';
import { formatsFor, type Formats } from './format';

/** What every page may use: the API client, who is signed in, and how to write numbers for them. */
export interface DashboardContextValue {
  api: DashboardApi;
  session: DashboardSession;
  formats: Formats;
  /** The clock: periods ("this week") start from it. Tests pass a fixed one. */
  now: () => Date;
}

const DashboardContext = createContext<DashboardContextValue | null>(null);

export function DashboardProvider({ api, session, now, children }: { api: DashboardApi; session: DashboardSession; now: () => Date; children: ReactNode }) {
  const value = useMemo(() => ({ api, session, now, formats: formatsFor(session.locale, session.timeZone) }), [api, session, now]);
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside DashboardProvider');
  return value;
}
