import http from 'node:http';
import { connect } from 'node:net';

/** A keep-alive HTTP/1.1 client over loopback, cheaper per request than fetch, so the client steals less CPU. */
export function client(maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    request: (url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) => send(agent, url, options),
    close: () => agent.destroy(),
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent (not decompressed). */
  raw: Buffer;
  body: string;
  /** Client-side round trip, ms. */
  ms: number;
}

function send(agent: http.Agent, url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = http.request(url, { method: options.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: raw.toString('utf8'), ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${url}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface LoopResult {
  /** Round trips of the requests answered 2xx, ms. */
  latencies: number[];
  statuses: Record<string, number>;
  requests: number;
  elapsedMs: number;
}

/**
 * `concurrency` workers, each sending its next request as soon as the last one is answered, until `durationMs` is up
 * or `maxRequests` were sent in all: bounded in time and count. Requests that fail or answer non-2xx are counted by
 * status ("error" for a network failure) and left out of the latencies.
 */
export async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  next: (worker: number, answer: Answer | null) => Promise<Answer>;
}): Promise<LoopResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async (index: number) => {
    let last: Answer | null = null;
    while (performance.now() < deadline && sent < options.maxRequests) {
      sent++;
      try {
        last = await options.next(index, last);
        statuses[last.status] = (statuses[last.status] ?? 0) + 1;
        if (last.status >= 200 && last.status < 300) latencies.push(last.ms);
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
        last = null;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  return { latencies, statuses, requests: sent, elapsedMs: performance.now() - started };
}

/** The exact bytes a response takes on the wire (status line, headers, body) over a keep-alive HTTP/1.1 connection. */
export function wireBytes(url: string, headers: Record<string, string>): Promise<{ total: number; head: number; body: number; headText: string; bodyText: string }> {
  const u = new URL(url);
  const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Connection: keep-alive', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headText = all.subarray(0, end + 4).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headText)?.[1] ?? Number.NaN);
      if (!Number.isFinite(length)) {
        socket.destroy();
        reject(new Error('the response has no Content-Length'));
        return;
      }
      if (all.length < end + 4 + length) return;
      socket.destroy();
      resolve({ total: end + 4 + length, head: end + 4, body: length, headText, bodyText: all.subarray(end + 4, end + 4 + length).toString('utf8') });
    });
  });
}

/**
 * An open loop: each of `clients` sends a request every `periodMs` (their phases spread evenly over the period), for
 * `durationMs`, whatever the answers' speed, as reps whose alarms fire on their own clocks. A client whose last
 * request is still unanswered skips its turn (the extension runs one sync at a time) and the skip is counted.
 */
export async function pacedLoop(options: { clients: number; periodMs: number; durationMs: number; send: (client: number) => Promise<Answer> }): Promise<LoopResult & { skipped: number }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const busy = new Array<boolean>(options.clients).fill(false);
  const inFlight = new Set<Promise<void>>();
  let requests = 0;
  let skipped = 0;
  const started = performance.now();
  const turns = Math.floor(options.durationMs / options.periodMs);
  const schedule: { at: number; client: number }[] = [];
  for (let k = 0; k < turns; k++) for (let c = 0; c < options.clients; c++) schedule.push({ at: k * options.periodMs + (c * options.periodMs) / options.clients, client: c });
  schedule.sort((a, b) => a.at - b.at);
  for (const turn of schedule) {
    const wait = started + turn.at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (busy[turn.client]) {
      skipped++;
      continue;
    }
    busy[turn.client] = true;
    requests++;
    const p: Promise<void> = options
      .send(turn.client)
      .then(
        (a) => {
          statuses[a.status] = (statuses[a.status] ?? 0) + 1;
          if (a.status >= 200 && a.status < 300) latencies.push(a.ms);
        },
        () => {
          statuses.error = (statuses.error ?? 0) + 1;
        },
      )
      .finally(() => {
        busy[turn.client] = false;
        inFlight.delete(p);
      });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { latencies, statuses, requests, skipped, elapsedMs: performance.now() - started };
}
