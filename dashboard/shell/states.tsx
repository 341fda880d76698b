import type { ReactNode } from 'react';
import { ApiFailure } from '../../lib/api/errors';

/** The three states every page has besides its content, one look for all. */

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" role="status">
      <h2>{title}</h2>
      {children ? <p className="muted">{children}</p> : null}
    </div>
  );
}

/** What went wrong, in the server's own words when it gave some, and a way to try again. */
export function ErrorState({ what, error, retry }: { what: string; error: unknown; retry?: () => void }) {
  return (
    <div className="notice notice--danger state state--error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {messageOf(error)}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.kind === 'forbidden') return `Your role cannot see this (${error.message}).`;
    return error.message.charAt(0).toUpperCase() + error.message.slice(1) + (error.message.endsWith('.') ? '' : '.');
  }
  return error instanceof Error ? error.message : String(error);
}
