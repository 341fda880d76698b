import { useCallback } from 'react';
import type { WriteContext } from '../../lib/db/writes';
import { sendTyped } from '../../lib/messages';
import { readMeta } from '../../lib/db/meta';
import { useServices } from '../services';

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

export type LocalWrite = <T>(write: (ctx: WriteContext) => Promise<T>) => Promise<T>;

/**
 * Runs a local write (lib/db/writes: data and outbox in one transaction) as the signed-in rep, then asks the background
 * to push it. The write is what the UI waits for; the push is best effort (offline, it goes with the next sync).
 */
export function useLocalWrite(): LocalWrite {
  const { db, now, newId, platform } = useServices();
  return useCallback(
    async <T,>(write: (ctx: WriteContext) => Promise<T>): Promise<T> => {
      const me = await readMeta(db, 'me');
      if (!me) throw new Error('you are signed out');
      const result = await write({ db, now, newId: newId ?? randomId, userId: me.user.id });
      void sendTyped(platform.sendMessage, 'sync.request', { reason: 'local_write' }).catch(() => null);
      return result;
    },
    [db, now, newId, platform],
  );
}
