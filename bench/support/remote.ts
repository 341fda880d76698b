import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServeOptions } from '../../server/serve';
import type { ChildServer } from './server-child';

/** The API server running in a child process (./server-child.ts), driven over IPC. */
export interface RemoteServer {
  url: string;
  kind: 'pglite' | 'postgres';
  pid: number;
  /** Runs `fn(server, args)` exported by `module` (an absolute path) inside the server's process. */
  call<T>(module: string, fn: string, args?: unknown): Promise<T>;
  /** CPU seconds (user + system) the server's process has used so far. */
  cpuSeconds(): Promise<number>;
  close(): Promise<void>;
}

/** Functions a bench module may export for `call`: they get the running server and its database. */
export type RemoteFn<A, R> = (server: ChildServer, args: A) => Promise<R>;

/**
 * `LEADSIDE_BENCH_PROFILE=DIR` starts the server with V8's CPU profiler, writing a .cpuprofile into DIR when it exits
 * (summarize one with `node --import tsx bench/support/cpuprofile.ts FILE`).
 */
export async function startRemoteServer(options: Omit<ServeOptions, 'log' | 'port' | 'host'>): Promise<RemoteServer> {
  const profileDir = process.env.LEADSIDE_BENCH_PROFILE;
  const child: ChildProcess = fork(join(import.meta.dirname, 'server-child.ts'), [], {
    execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.error));
  });
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      for (const w of waiting.values()) w.reject(new Error(`the server process exited (${exit})`));
      waiting.clear();
      resolve();
    }),
  );
  child.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const ask = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exit !== null || !child.connected) {
        reject(new Error(`the server process is gone (${exit ?? 'disconnected'})`));
        return;
      }
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...message });
    });
  try {
    const { url, kind } = await ask<{ url: string; kind: 'pglite' | 'postgres' }>({ cmd: 'start', options });
    return {
      url,
      kind,
      pid: child.pid!,
      call: (module, fn, args) => ask({ cmd: 'call', module, fn, args }),
      cpuSeconds: () => ask<number>({ cmd: 'cpu' }),
      close: async () => {
        if (exit !== null) return;
        // It exits by itself once closed (writing its CPU profile, if asked); killed only if it hangs.
        const hung = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await ask({ cmd: 'close' }).catch(() => null);
        await exited;
        clearTimeout(hung);
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}
