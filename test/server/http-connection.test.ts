import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Answers given before the request body was read: the connection must close cleanly, so a keep-alive client never
// sends its next request down a socket the server is about to drop.

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the socket ended: the server's FIN ('end'), or an error such as a reset. */
  ended: 'end' | `error: ${string}`;
}

/**
 * Sends a request head over a raw socket, then `sendBody` writes (some of) the body; collects the answer, and once the
 * server has ended the socket and the body is written, ends ours and waits for the socket to close.
 */
function rawRequest(url: string, head: string, sendBody: (socket: Socket) => Promise<void>): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Half-open: the server's FIN does not stop us writing the rest of the body, as a client busy uploading would not.
    const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let writing: Promise<void> = Promise.resolve();
    let failure: string | null = null;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => void writing.finally(() => socket.end()));
    socket.on('error', (err: NodeJS.ErrnoException) => (failure ??= err.code ?? err.message));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      if (!statusLine) return reject(new Error(`no answer before the socket closed (${failure ?? 'no error'})`));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), ended: failure ? `error: ${failure}` : 'end' });
    });
    socket.on('connect', () => {
      socket.write(head);
      writing = sendBody(socket).catch(() => {});
    });
  });
}

/** Writes `total` bytes in chunks, waiting for the socket to drain, until done or the socket is gone. */
async function writeBytes(socket: Socket, total: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < total && !socket.destroyed && socket.writable; sent += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
    if (!socket.write(piece)) await new Promise((r) => socket.once('drain', r).once('close', r));
  }
}

/** One request through a keep-alive agent: the answer and whether it went down a socket used before. */
function viaAgent(agent: Agent, url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string; reusedSocket: boolean }>((resolve, reject) => {
    const req = request(url, { agent, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString(), reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe.each(STORE_KINDS)('connections after early answers on %s', (kind) => {
  let acme: TestWorkspace;

  const server = serverForSuite(kind);
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);

  const postHead = (path: string, length: number, token: string | null = acme.users.manager!.token) =>
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n` +
    `${token ? `Authorization: Bearer ${token}\r\n` : ''}\r\n`;

  it('answers a body announced over the limit with 413 and Connection: close, then closes the socket cleanly', async () => {
    // The client announces 2 MB and sends 100 bytes: the answer comes before the body, which never will.
    const answer = await rawRequest(server.url, postHead('/v1/mutations', 2_000_000), async (s) => void s.write('x'.repeat(100)));
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 1024 KB' } });
    expect(answer.ended).toBe('end');
  });

  it('lets a client still sending its body read the whole 413, then ends the socket without a reset', async () => {
    const size = 64 * 1024 * 1024;
    const answer = await rawRequest(server.url, postHead('/v1/mutations', size), (s) => writeBytes(s, size));
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.code).toBe('payload_too_large');
    expect(answer.ended).toBe('end');

    const collect = await rawRequest(server.url, postHead('/v1/collect', 200 * 1024, null), (s) => writeBytes(s, 200 * 1024));
    expect(collect.status).toBe(413);
    expect(collect.headers.connection).toBe('close');
    expect(JSON.parse(collect.body)).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 64 KB' } });
    expect(collect.ended).toBe('end');
  });

  it('closes after any answer given before the body arrived, a 401 too', async () => {
    const answer = await rawRequest(server.url, postHead('/v1/mutations', 5_000, null), async (s) => void s.write('{"mutations":'));
    expect(answer.status).toBe(401);
    expect(answer.headers.connection).toBe('close');
    expect(answer.ended).toBe('end');
  });

  it('sends a keep-alive client its next request on a fresh connection after a 413, and it works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const token = acme.users.manager!.token;
      const first = await viaAgent(agent, `${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(first).toMatchObject({ status: 200, reusedSocket: false });
      expect(first.headers.connection).toBe('keep-alive');

      const big = Buffer.alloc(1024 * 1024 + 10, 'x');
      const refused = await viaAgent(agent, `${server.url}/v1/mutations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');

      const next = await viaAgent(agent, `${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(false);
    } finally {
      agent.destroy();
    }
  });

  it('keeps the connection when the body was read, even for a refusal', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const headers = { authorization: `Bearer ${acme.users.manager!.token}`, 'content-type': 'application/json' };
      const bad = await viaAgent(agent, `${server.url}/v1/mutations`, { method: 'POST', headers, body: '{"mutations":"no"}' });
      expect(bad.status).toBe(400);
      expect(bad.headers.connection).toBe('keep-alive');
      const next = await viaAgent(agent, `${server.url}/v1/me`, { headers });
      expect(next).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });
});
