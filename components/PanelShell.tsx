import type { ReactNode } from 'react';

export interface PanelShellProps {
  /** What the panel shows under its header; the empty state until a workspace is connected. */
  children?: ReactNode;
}

/** The side panel's frame: a header naming the product and one main region. */
export function PanelShell({ children }: PanelShellProps) {
  return (
    <div className="panel">
      <header className="panel__header">
        <h1 className="panel__title">Leadside</h1>
      </header>
      <main className="panel__main" aria-label="Lead">
        {children ?? <NotConnected />}
      </main>
    </div>
  );
}

function NotConnected() {
  return (
    <section className="panel__empty" aria-labelledby="not-connected-title">
      <h2 id="not-connected-title">Not connected to a workspace</h2>
      <p>
        Leadside shows the lead on your screen, its score and your follow-up clock once it is signed in to your team's
        Leadside server.
      </p>
    </section>
  );
}
