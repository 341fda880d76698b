/** Shown without a session: the dashboard has no password; a sign-in link from an admin (or the CLI) opens it. */
export function SignedOut({ reason }: { reason?: string }) {
  return (
    <main className="app__main signed-out" id="main">
      <h1>Leadside dashboard</h1>
      {reason ? <p className="notice notice--warn">{reason}</p> : null}
      <h2>Ask your admin for a sign-in link</h2>
      <p className="muted">
        A link signs you in once and works for 15 minutes. An admin makes one from the Team page, or on the server
        with <code>npm run server -- signin-link --email you@company.com</code>. Reps can also open the dashboard from
        the Leadside side panel.
      </p>
    </main>
  );
}
