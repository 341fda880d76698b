import { createContext, useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';

/** Where the app lives: every client route is a path under it, which the server answers with index.html. */
export const APP_BASE = '/app/';

export interface Route {
  /** The path under /app/ without slashes at either end: '' for the home page, 'sla/leads', 'funnel'. */
  path: string;
  params: URLSearchParams;
}

interface RouterValue {
  route: Route;
  navigate(to: string): void;
}

const RouterContext = createContext<RouterValue | null>(null);

function routeOf(location: { pathname: string; search: string }): Route {
  const path = location.pathname.startsWith(APP_BASE) ? location.pathname.slice(APP_BASE.length) : location.pathname.replace(/^\/+/, '');
  return { path: path.replace(/\/+$/, ''), params: new URLSearchParams(location.search) };
}

/** The browser's history as the app's router: a few pages, no library needed. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState(() => routeOf(window.location));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', APP_BASE + to.replace(/^\/+/, ''));
    setRoute(routeOf(window.location));
  }, []);
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/**
 * A link inside the app: a real <a href> (open in a new tab, copy the address, screen readers announce a link), which
 * a plain click follows without reloading the page.
 */
export function AppLink({ to, children, className, 'aria-current': current }: { to: string; children: ReactNode; className?: string; 'aria-current'?: 'page' }) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={APP_BASE + to.replace(/^\/+/, '')} onClick={onClick} className={className} aria-current={current}>
      {children}
    </a>
  );
}
