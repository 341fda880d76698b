import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as a process: what Ctrl+C does with a demo page open, and what a busy port prints. The server is started
// in beforeAll (seeding takes seconds); the SIGINT test has vitest's normal timeout, so a server that lingers on open
// connections (it used to answer for 30 s more) fails it.

const root = join(import.meta.dirname, '..', '..');

/** Two free loopback ports in a row: the API's and the demo pages' (port + 1). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await listenFree(0);
    if (port < 65535 && (await canListen(port)) && (await canListen(port + 1))) return port;
  }
}

function listenFree(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      const { port: actual } = s.address() as AddressInfo;
      s.close(() => resolve(actual));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return listenFree(port).then(
    () => true,
    () => false,
  );
}

interface Spawned {
  child: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
  /** Resolves with the first stdout line matching. */
  line(pattern: RegExp): Promise<string>;
}

function serve(args: string[]): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', PORT: '', HOST: '', PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onLines = (into: string[]) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      into.push(line);
      for (const w of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onLines(out));
  child.stderr!.on('data', onLines(err));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    out,
    err,
    exited,
    line: (pattern) => {
      const seen = out.find((l) => pattern.test(l));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

describe('serve --demo as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadside-cli-process-'));
  let port: number;
  let running: Spawned;
  let agent: Agent;
  let preconnect: Socket[] = [];

  beforeAll(async () => {
    port = await freePortPair();
    running = serve(['--demo', '--port', String(port), '--data-dir', dataDir]);
    await running.line(/HubSpot record of Leo Martins/);
  }, 120_000);
  afterAll(() => {
    agent?.destroy();
    for (const s of preconnect) s.destroy();
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says where the demo pages are: beside the API, on its port + 1', () => {
    expect(running.out).toContain(`Demo pages on http://localhost:${port + 1} (sign in as Maya Chen, then open one; the panel shows that lead):`);
    expect(running.out.some((l) => l.includes(`http://localhost:${port + 1}/gmail/mail/u/0/`))).toBe(true);
  });

  it('a second serve on the same port says so in one line and exits 1, without a stack trace', async () => {
    const other = mkdtempSync(join(tmpdir(), 'leadside-cli-process-'));
    try {
      const second = serve(['--port', String(port), '--data-dir', other]);
      expect(await second.exited).toBe(1);
      expect(second.err).toEqual([`port ${port} is in use; try --port`]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  it('Ctrl+C stops at once with a demo page held open (a keep-alive connection, a preconnected socket), and frees both ports', async () => {
    agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number>((resolve, reject) => {
      get(`http://127.0.0.1:${port + 1}/hubspot/contacts/21234567/record/0-1/51234`, { agent }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      }).once('error', reject);
    });
    expect(status).toBe(200);
    // What Chrome also holds: preconnected sockets that have sent nothing yet, to the demo pages and to the API.
    const open = (to: number) =>
      new Promise<Socket>((resolve, reject) => {
        const s = connect(to, '127.0.0.1', () => resolve(s));
        s.once('error', reject);
      });
    preconnect = [await open(port + 1), await open(port)];
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect([await canListen(port), await canListen(port + 1)]).toEqual([true, true]);
  });
});
