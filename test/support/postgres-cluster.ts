import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster: initdb in a temp folder, loopback only, trust auth, run as the postgres user when we
 * are root (initdb refuses root). The tests' global setup (./postgres.ts) and the benchmarks (bench/support/postgres.ts)
 * both start theirs here; they differ only in the server settings they pass and how they stop it.
 */
export interface PostgresCluster {
  /** A superuser URL of the cluster's `postgres` database. */
  url: string;
  /** The data folder (postmaster.pid names the server's process). */
  data: string;
  /** Stops the server (`pg_ctl -m <mode>`) and removes its folder; a second call does nothing. */
  stop(): void;
}

export interface ClusterOptions {
  /** The temp folder's name prefix, to tell the clusters apart in /tmp. */
  prefix: string;
  /** `-c name=value` server settings beyond the port, socket folder and loopback address. */
  settings: string[];
  /** How to stop: `immediate` (no checkpoint: nothing is kept anyway) or `fast` (a clean shutdown). */
  stopMode: 'immediate' | 'fast';
}

/** Debian puts the server binaries under /usr/lib/postgresql/<major>/bin, off the PATH. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const m of majors) if (existsSync(join(root, m, 'bin', 'pg_ctl'))) return join(root, m, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  return which.status === 0 ? join(which.stdout.trim(), '..') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts a cluster with the binaries in `bin` (findPgBin); waits until it accepts connections. */
export async function startPostgresCluster(bin: string, options: ClusterOptions): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asPostgres ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const settings = ['listen_addresses=127.0.0.1', ...options.settings].map((s) => `-c ${s}`).join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} ${settings}`, 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    data,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', options.stopMode, 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
