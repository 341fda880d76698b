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

/**
 * How numbers read, and whether a figure links to its leads: given by the signed-in dashboard, and by the shared
 * screen (read-only: no links, nobody is signed in) to the same report sections.
 */
interface Presentation {
  formats: Formats;
  figureLinks: boolean;
}
const PresentationContext = createContext<Presentation | null>(null);

export function DashboardProvider({ api, session, now, children }: { api: DashboardApi; session: DashboardSession; now: () => Date; children: ReactNode }) {
  const value = useMemo(() => ({ api, session, now, formats: formatsFor(session.locale, session.timeZone) }), [api, session, now]);
  const presentation = useMemo(() => ({ formats: value.formats, figureLinks: true }), [value.formats]);
  return (
    <DashboardContext.Provider value={value}>
      <PresentationContext.Provider value={presentation}>{children}</PresentationContext.Provider>
    </DashboardContext.Provider>
  );
}

/** For the shared screen: numbers in the viewer's locale and the given zone, figures as plain text. */
export function ReadOnlyProvider({ locale, timeZone, children }: { locale: string; timeZone: string; children: ReactNode }) {
  const presentation = useMemo(() => ({ formats: formatsFor(locale, timeZone), figureLinks: false }), [locale, timeZone]);
  return <PresentationContext.Provider value={presentation}>{children}</PresentationContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside DashboardProvider');
  return value;
}

function usePresentation(): Presentation {
  const value = useContext(PresentationContext);
  if (!value) throw new Error('a report section outside DashboardProvider or ReadOnlyProvider');
  return value;
}

export function useFormats(): Formats {
  return usePresentation().formats;
}

export function useFigureLinks(): boolean {
  return usePresentation().figureLinks;
}
