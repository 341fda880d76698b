import { useEffect, useState } from 'react';
import type { SignInOptions } from '../../lib/core/model/sessions';
import type { DashboardApi } from '../api/client';

/**
 * Shown without a session: the dashboard has no password; a sign-in link from an admin (or the CLI) opens it, and so
 * does the team's identity provider when the server has single sign-on configured (GET /v1/sign-in-options).
 */
export function SignedOut({ api, reason }: { api: DashboardApi; reason?: string }) {
  const [sso, setSso] = useState<SignInOptions['sso']>(null);
  useEffect(() => {
    let current = true;
    // Unanswered or refused, the page still offers what it always did: the link.
    api.signInOptions().then(
      (options) => current && setSso(options.sso),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  return (
    <main className="app__main signed-out" id="main">
      <h1>Leadside dashboard</h1>
      {reason ? <p className="notice notice--warn">{reason}</p> : null}
      {sso ? (
        <p>
          {/* A plain link: the server sends the browser on to the provider and back, no script involved. */}
          <a className="signed-out__sso" href={sso.startUrl}>
            Sign in with {sso.name}
          </a>
        </p>
      ) : null}
      <h2>{sso ? 'Or ask your admin for a sign-in link' : 'Ask your admin for a sign-in link'}</h2>
      <p className="muted">
        A link signs you in once and works for 15 minutes. An admin makes one from the Team page, or on the server
        with <code>npm run server -- signin-link --email you@company.com</code>. Reps can also open the dashboard from
        the Leadside side panel.
      </p>
    </main>
  );
}
