import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Activity } from '../../lib/core/model/activity';
import { operation } from '../http/openapi';
import type { AppEnv } from '../context';
import { ApiError } from '../http/errors';
import type { ActivityNotice } from '../tracking/bus';
import { takeStreamSlot } from '../tracking/limits';
import { visibleTo } from '../tracking/stream';

/**
 * GET /v1/stream: server-sent events of new activity on the caller's contacts (those in their sync scope), as each
 * write commits, from whichever process took it. Each is `event: activity` with the Activity as JSON; the caller's
 * own alerts come as `event: alert` with the Alert as JSON when they are delivered; a comment line
 * every `streamHeartbeatMs` keeps proxies from closing an idle stream. It ends when the client goes or the server
 * closes; the client reconnects and its sync fills any gap (the stream is live news, not a log).
 */
const stream = operation({
  tag: 'Sync',
  summary: 'Server-sent events: new activity on the caller’s contacts, and the caller’s own alerts',
  description: '`event: activity` with the Activity as JSON, `event: alert` with the Alert as JSON; a heartbeat comment every 15 s. Too many open streams for one user is a 429.',
  responses: { 200: { description: 'an event stream (`text/event-stream`)', media: 'text/event-stream' } },
});

export const streamRoutes = new Hono<AppEnv>().get('/', stream, (c) => {
  const deps = c.get('deps');
  const caller = c.get('caller');
  const release = takeStreamSlot(deps, caller.user.id);
  if (!release) throw new ApiError('rate_limited', 'too many open streams for this user: close one first', undefined, { 'Retry-After': '30' });
  c.header('X-Accel-Buffering', 'no');

  const response = streamSSE(c, async (stream) => {
    let chain: Promise<unknown> = Promise.resolve();
    // One write at a time, in order: heartbeats and events never interleave.
    const enqueue = (write: () => Promise<unknown>) => {
      chain = chain.then(write).catch((err: unknown) => deps.log.warn('stream write failed', { reqId: c.get('requestId'), err: String(err) }));
    };
    const deliver = async (notice: ActivityNotice) => {
      const shown: Activity[] = await visibleTo(deps.db, caller.user.id, caller.workspace.id, notice.activities, deps.now());
      for (const activity of shown) await stream.writeSSE({ event: 'activity', id: activity.id, data: JSON.stringify(activity) });
    };
    const unsubscribe = deps.activityBus.subscribe((notice) => {
      if (notice.workspaceId === caller.workspace.id) enqueue(() => deliver(notice));
    });
    // The caller's own alerts, as each is delivered (its sync page carries the same ones; the client shows each id once).
    const unsubscribeAlerts = deps.alertBus.subscribe((notice) => {
      if (notice.workspaceId !== caller.workspace.id) return;
      for (const alert of notice.alerts) {
        if (alert.userId === caller.user.id) enqueue(() => stream.writeSSE({ event: 'alert', id: alert.id, data: JSON.stringify(alert) }));
      }
    });
    const heartbeat = setInterval(() => enqueue(() => stream.write(': heartbeat\n\n')), deps.streamHeartbeatMs);
    let end = () => {};
    try {
      // Says the stream is open (and how soon to come back after a drop) before any event.
      enqueue(() => stream.write('retry: 3000\n: connected\n\n'));
      await new Promise<void>((resolve) => {
        end = resolve;
        stream.onAbort(resolve);
        if (deps.closing.aborted) resolve();
        else deps.closing.addEventListener('abort', end, { once: true });
      });
    } finally {
      deps.closing.removeEventListener('abort', end);
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeAlerts();
      release();
    }
    // Not waiting for writes still queued: a client that stopped reading must not hold the stream (or a shutdown) open.
  });
  // The connection ends with the stream (the client reconnects anyway), so a closing server is not left waiting on an
  // idle keep-alive socket. Set after streamSSE, whose own "keep-alive" this overrides.
  c.header('Connection', 'close');
  return response;
});
