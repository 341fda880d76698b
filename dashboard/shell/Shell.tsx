import { useEffect, useRef } from 'react';
import { pagesFor } from '../pages';
import { useDashboard } from './context';
import { AppLink, useRouter } from './router';
import { Empty } from './states';

/** The frame around every page: the workspace, the nav of the pages this role has, who is signed in, sign out. */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const { session } = useDashboard();
  const { route } = useRouter();
  const pages = pagesFor(session.user.role);
  const page = pages.find((p) => p.path === route.path);
  const main = useRef<HTMLElement>(null);
  const title = page?.title ?? 'Not found';
  // A new page moves focus to its content, as a page load would: a screen reader starts reading there.
  useEffect(() => {
    document.title = `${title} · Leadside`;
    main.current?.focus();
  }, [title]);
  const Page = page?.component;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app__header">
        <p className="app__brand">
          Leadside <span className="muted">· {session.workspace.name}</span>
        </p>
        <nav aria-label="Dashboard" className="app__nav">
          <ul>
            {pages
              .filter((p) => p.inNav)
              .map((p) => (
                <li key={p.path}>
                  <AppLink to={p.path} aria-current={p.path === route.path ? 'page' : undefined}>
                    {p.title}
                  </AppLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="app__who">
          <span>
            {session.user.name} <span className="muted">({session.user.role})</span>
          </span>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="app__main" ref={main} tabIndex={-1}>
        {Page ? (
          <Page />
        ) : pages.length === 0 ? (
          <Empty title="Nothing here for your role yet">
            The dashboard’s pages are for managers, marketers and admins. Your own follow-ups and their SLA are in the
            Leadside side panel.
          </Empty>
        ) : (
          <Empty title="No such page">
            <AppLink to="">Go to the SLA page</AppLink>
          </Empty>
        )}
      </main>
    </div>
  );
}
