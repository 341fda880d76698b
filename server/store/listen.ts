import pg from 'pg';
import type { Logger } from '../http/logger';

const RECONNECT_MS = [250, 1000, 5000];

/**
 * One dedicated connection that LISTENs on a channel and hands each payload to `onPayload`. While the connection is
 * down (a database restart) notices are missed; it reconnects with backoff, and the caller's own catch-up (the
 * extension's sync) fills the gap. Used by the activity bus and the alert bus.
 */
export async function listenOnChannel(
  databaseUrl: string,
  channel: string,
  onPayload: (payload: string | undefined) => void,
  log: Logger,
): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    const retry = (err: unknown) => {
      if (client === next) client = null;
      next.removeAllListeners();
      // A late error from the dying connection must not go unhandled.
      next.on('error', () => {});
      void next.end().catch(() => {});
      if (closed || reconnectTimer) return;
      const wait = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]!;
      log.warn(`${channel} listener lost its connection; reconnecting`, { err: String(err), inMs: wait });
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        connect().catch(retry);
      }, wait);
      reconnectTimer.unref();
    };
    next.on('error', retry);
    next.on('end', () => retry('connection ended'));
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload);
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (closed) {
      next.removeAllListeners();
      await next.end().catch(() => {});
      return;
    }
    client = next;
    failures = 0;
  };
  await connect();

  return {
    close: async () => {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const open = client;
      client = null;
      if (open) {
        open.removeAllListeners();
        open.on('error', () => {});
        await open.end().catch(() => {});
      }
    },
  };
}
