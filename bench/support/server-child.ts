/**
 * The API in its own process, as it runs in production, so the load generator (the parent) does not share its event
 * loop. Started by ./remote.ts over IPC: `start` opens the store and listens; `call` runs an exported function of a
 * bench module here, next to the server's database (setup, counts, the raw-insert limits).
 */
import { pathToFileURL } from 'node:url';
import { startServer, type RunningServer, type ServeOptions } from '../../server/serve';
import { benchLogger } from './logger';
import { serverTimer } from './server-time';

export interface ChildServer extends RunningServer {
  /** Server-side time of each request while started (see ./server-time.ts). */
  timer: ReturnType<typeof serverTimer>;
}

let server: ChildServer | null = null;

type Message = { id: number; cmd: 'start'; options: Omit<ServeOptions, 'log' | 'port' | 'host'> } | { id: number; cmd: 'call'; module: string; fn: string; args: unknown } | { id: number; cmd: 'close' } | { id: number; cmd: 'cpu' };

// The bench that started it is gone (crashed, killed): so is this server.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: Message) => {
  void handle(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value }),
    (err: unknown) => process.send?.({ id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});

async function handle(message: Message): Promise<unknown> {
  if (message.cmd === 'start') {
    const running = await startServer({ ...message.options, port: 0, host: '127.0.0.1', log: benchLogger });
    server = Object.assign(running, { timer: serverTimer() });
    return { url: running.url, kind: running.store.kind };
  }
  if (message.cmd === 'cpu') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
  if (!server) throw new Error('the server is not started');
  if (message.cmd === 'close') {
    await server.close();
    server = null;
    setImmediate(() => process.exit(0));
    return null;
  }
  const mod = (await import(pathToFileURL(message.module).href)) as Record<string, (s: ChildServer, args: unknown) => Promise<unknown>>;
  const fn = mod[message.fn];
  if (typeof fn !== 'function') throw new Error(`${message.module} exports no function ${message.fn}`);
  return fn(server, message.args);
}
