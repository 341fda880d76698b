import type { ApiClient } from '../api/client';
import { ApiFailure } from '../api/errors';
import { StreamActivity } from '../core/model/tracking';
import type { LeadsideDatabase } from '../db/database';
import { backoffDelay } from './backoff';

/** One server-sent event: its type ("message" unless named), its data lines joined, its id. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * A parser for the text/event-stream format (WHATWG HTML §9.2): feed it text as it arrives, in any chunking; it calls
 * back once per complete event. Comments (": heartbeat") are skipped; `retry:` reports the server's reconnect delay.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void, onRetry: (ms: number) => void = () => {}) {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  let sawCr = false;

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };

  return (chunk: string) => {
    for (const ch of chunk) {
      if (ch === '\n' && sawCr) {
        // The \n of a \r\n pair: the line already ended at the \r.
        sawCr = false;
        continue;
      }
      sawCr = ch === '\r';
      if (ch === '\n' || ch === '\r') {
        line(buffer);
        buffer = '';
      } else buffer += ch;
    }
  };
}

export type StreamState = 'connecting' | 'open' | 'waiting' | 'stopped';

export interface ActivityStreamOptions {
  db: LeadsideDatabase;
  api: Pick<ApiClient, 'stream'>;
  /** Stops the stream (the panel closed, the rep signed out). */
  signal: AbortSignal;
  /** 0 ≤ x < 1, for the backoff's jitter. */
  random?: () => number;
  onState?: (state: StreamState) => void;
  /** Waits between reconnections; tests make it instant. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Each `alert` event's data, as JSON not yet checked (lib/alerts parses it): the background shows them. Without it
   * (the panel's stream) alert events are skipped.
   */
  onAlert?: (alert: unknown) => Promise<unknown>;
  /** Called whenever bytes arrive, heartbeats included (the background keeps its worker awake with it). */
  onData?: () => void;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Listens to GET /v1/stream while the panel is open (docs/sync.md) and writes each `activity` event into the cache, so
 * the live queries update and "Active now" shows within seconds. fetch and a stream reader, not EventSource: the
 * request carries the Authorization header. A dropped stream reconnects with the sync engine's backoff (the server's
 * `retry:` and Retry-After when longer); a 401 or 403 stops it (the sync engine handles signing out). The stream is
 * live news, not a log: the next pull fills any gap, and a replayed activity is the same row put twice.
 */
export async function runActivityStream(options: ActivityStreamOptions): Promise<void> {
  const { db, api, signal } = options;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const report = options.onState ?? (() => {});
  let failures = 0;
  let retryMs = 3_000;
  while (!signal.aborted) {
    report('connecting');
    let waitMs: number;
    try {
      const response = await api.stream(signal);
      failures = 0;
      report('open');
      await readActivities(response, signal, db, options, (ms) => (retryMs = ms));
      // The server ended the stream (a restart, a deploy): come back after its retry hint.
      waitMs = backoffDelay(1, random, retryMs);
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof ApiFailure && (err.kind === 'unauthorized' || err.kind === 'forbidden')) break;
      failures++;
      waitMs = backoffDelay(failures, random, err instanceof ApiFailure ? err.retryAfterMs : null);
    }
    report('waiting');
    await sleep(waitMs, signal);
  }
  report('stopped');
}

async function readActivities(
  response: Response,
  signal: AbortSignal,
  db: LeadsideDatabase,
  { onAlert, onData }: Pick<ActivityStreamOptions, 'onAlert' | 'onData'>,
  onRetry: (ms: number) => void,
): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const pending: Promise<unknown>[] = [];
  const parse = createSseParser((event) => {
    if (event.event !== 'activity' && !(event.event === 'alert' && onAlert)) return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return; // Not JSON: nothing we can show.
    }
    if (event.event === 'alert') {
      pending.push(onAlert!(json));
      return;
    }
    const activity = StreamActivity.safeParse(json);
    if (activity.success) pending.push(db.activities.put(activity.data));
  }, onRetry);
  const cancel = () => void reader.cancel().catch(() => null);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onData?.();
      parse(decoder.decode(value, { stream: true }));
      await Promise.all(pending.splice(0));
    }
    parse(decoder.decode());
    await Promise.all(pending.splice(0));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
