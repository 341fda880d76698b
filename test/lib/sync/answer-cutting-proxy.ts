import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answered to a request whose answer the proxy then kept from the client. */
export interface CutAnswer {
  status: number;
  body: string;
}

export interface AnswerCuttingProxy {
  /** The proxy's origin: point the client here instead of at the server. */
  url: string;
  /**
   * The next request to `path` goes through to the server, which handles and commits it; the proxy reads the whole
   * answer and then destroys the client's socket instead of passing it on. Resolves with that lost answer.
   */
  cutNextAnswer(path: string): Promise<CutAnswer>;
  close(): Promise<void>;
}

/**
 * A real HTTP proxy on a loopback port in front of `target`: everything passes through unchanged, except answers it
 * was told to cut, which the server gave but the client never receives (the connection drops on the way back).
 */
export async function startAnswerCuttingProxy(target: string): Promise<AnswerCuttingProxy> {
  const upstream = new URL(target);
  const armed = new Map<string, (answer: CutAnswer) => void>();

  const proxy = createServer((req, res) => {
    const path = req.url ?? '/';
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: forwardedHeaders(req.headers, upstream.host) },
      (answer) =>
        void readAll(answer).then((body) => {
          const pathname = new URL(path, upstream).pathname;
          const cut = armed.get(pathname);
          if (cut) {
            armed.delete(pathname);
            req.socket.destroy();
            cut({ status: answer.statusCode ?? 0, body: body.toString('utf8') });
            return;
          }
          res.writeHead(answer.statusCode ?? 502, { ...answeredHeaders(answer.headers), 'content-length': String(body.length) });
          res.end(body);
        }),
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    cutNextAnswer: (path) => new Promise((resolve) => armed.set(path, resolve)),
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve, reject) => proxy.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

// Hop-by-hop and framing headers belong to each connection, not to the message: the proxy frames its own answer.
const PER_CONNECTION = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function forwardedHeaders(headers: IncomingHttpHeaders, host: string): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { host };
  for (const [name, value] of Object.entries(headers)) {
    if (!PER_CONNECTION.has(name) || name === 'content-length') out[name] = value;
  }
  return out;
}

function answeredHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_CONNECTION.has(name)));
}
