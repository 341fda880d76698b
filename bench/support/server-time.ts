import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ServerTime {
  method: string;
  path: string;
  status: number;
  /** From the request's head being parsed to the response's last byte handed to the socket, ms. */
  ms: number;
}

/**
 * Server-side time of every HTTP request this process serves, from Node's own diagnostics channels (so nothing in the
 * server changes and the clock is precise: the request log's `ms` is rounded to 0.1 ms). Bounded.
 */
export function serverTimer(max = 500_000) {
  const started = new WeakMap<IncomingMessage, number>();
  const times: ServerTime[] = [];
  let recording = false;
  const onStart = (message: unknown) => {
    if (recording) started.set((message as { request: IncomingMessage }).request, performance.now());
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const t0 = started.get(request);
    if (t0 === undefined || times.length >= max) return;
    times.push({ method: request.method ?? '', path: (request.url ?? '').split('?')[0]!, status: response.statusCode, ms: performance.now() - t0 });
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return {
    times,
    start() {
      recording = true;
    },
    stop() {
      recording = false;
    },
    take(): ServerTime[] {
      return times.splice(0, times.length);
    },
    close() {
      recording = false;
      unsubscribe('http.server.request.start', onStart);
      unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

export const msOf = (times: readonly ServerTime[], path: string, status = 200) => times.filter((t) => t.path === path && t.status === status).map((t) => t.ms);
