import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { SyncState } from '../../lib/db/types';
import { sendTyped } from '../../lib/messages';
import { plural } from '../../lib/view-model/labels';
import { useServices } from '../services';

/** What is waiting in the outbox, in words: "2 attempts waiting to send", "1 attempt and 1 other change waiting to send". */
export function pendingWords(attempts: number, others: number): string {
  if (attempts + others === 0) return 'Nothing is waiting to send';
  const parts = [attempts > 0 ? plural(attempts, 'attempt') : null, others > 0 ? plural(others, attempts > 0 ? 'other change' : 'change') : null];
  return `${parts.filter(Boolean).join(' and ')} waiting to send`;
}

/** Offline (with what waits to send) or a failed sync (with the reason and Retry). Nothing when all is well. */
export function SyncNotices({ sync }: { sync: SyncState }) {
  const { db, platform } = useServices();
  const [retry, setRetry] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const pending = useLiveQuery(async () => {
    const entries = await db.outbox.where('status').equals('pending').toArray();
    const attempts = entries.filter((e) => e.mutation.type === 'attempt.log').length;
    return { attempts, others: entries.length - attempts };
  }, [db]);
  if (pending === undefined || (sync.status !== 'offline' && sync.status !== 'error')) return null;

  async function tryNow() {
    setRetry({ busy: true, error: null });
    try {
      await sendTyped(platform.sendMessage, 'sync.request', { reason: 'manual' });
      setRetry({ busy: false, error: null });
    } catch (err) {
      setRetry({ busy: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  const waiting = pendingWords(pending.attempts, pending.others);
  const button = (
    <button type="button" onClick={() => void tryNow()} disabled={retry.busy}>
      {retry.busy ? 'Retrying…' : 'Retry'}
    </button>
  );
  if (sync.status === 'offline') {
    return (
      <div role="status" className="notice notice--warn bar">
        <p>
          <strong>Offline.</strong> {waiting}; everything is saved here and goes when the server is back.
        </p>
        {button}
        {retry.error && <p className="error-text">{retry.error}</p>}
      </div>
    );
  }
  return (
    <div role="alert" className="notice notice--danger bar">
      <p>
        <strong>Sync failed:</strong> {sync.lastError ?? 'the server did not answer as expected'}. {waiting}.
      </p>
      {button}
      {retry.error && <p className="error-text">{retry.error}</p>}
    </div>
  );
}
