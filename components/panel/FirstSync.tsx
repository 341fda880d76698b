import { useId } from 'react';
import type { SyncState } from '../../lib/db/types';
import { formatCount } from '../../lib/view-model/labels';

/** The first sync, with how far it got: the queue would be misleadingly empty until it ends. */
export function FirstSync({ sync }: { sync: SyncState }) {
  const headingId = useId();
  const rows = sync.progress?.rows ?? 0;
  const running = sync.status === 'syncing';
  return (
    <section className="empty" aria-labelledby={headingId}>
      <h2 id={headingId}>{running ? 'Syncing your leads…' : 'Your leads have not synced yet'}</h2>
      {running ? (
        <>
          <progress className="first-sync__bar" aria-label="First sync" />
          <p role="status">
            Syncing your leads… {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}
          </p>
        </>
      ) : (
        <p className="muted">They appear here as soon as the first sync reaches your server.</p>
      )}
    </section>
  );
}
