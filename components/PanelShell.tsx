import type { ReactNode } from 'react';

export interface PanelShellProps {
  /** Beside the product name: the panel's views and tools. */
  nav?: ReactNode;
  /** Between the header and the main region: sync state and changes the server refused. */
  notices?: ReactNode;
  /** The main region's accessible name ("Lead", "Queue"). */
  label: string;
  children: ReactNode;
}

/** The side panel's frame: a header naming the product, notices, and one main region. */
export function PanelShell({ nav, notices, label, children }: PanelShellProps) {
  return (
    <div className="panel">
      <header className="panel__header">
        <h1 className="panel__title">Leadside</h1>
        {nav}
      </header>
      {notices}
      <main className="panel__main" aria-label={label}>
        {children}
      </main>
    </div>
  );
}
