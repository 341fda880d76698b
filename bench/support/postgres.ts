import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for one figure (the approach of test/support/postgres.ts): initdb in a temp folder,
 * loopback only, run as the postgres user when we are root. Unlike the tests' cluster it keeps PostgreSQL's durable
 * defaults (fsync, synchronous_commit, full_page_writes): a benchmark of writes must pay for commits. LEADSIDE_BENCH_DATABASE_URL
 * names a server to use instead (each figure makes its own database on it).
 */
export interface Cluster {
  /** A superuser URL of the cluster's `postgres` database. */
  url: string;
  /** Where it came from: "throwaway PostgreSQL 15 cluster" or the given URL's host. */
  description: string;
  createDatabase(name: string): Promise<string>;
  /** CPU seconds (user + system) the cluster's processes have used so far; null when they cannot be read (a given URL). */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds of a process and its children that are still running, from /proc (Linux). */
export function processTreeCpuSeconds(rootPid: number): number | null {
  try {
    const stats = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const raw = readFileSync(`/proc/${d}/stat`, 'utf8');
          const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(d), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS }];
        } catch {
          return [];
        }
      });
    const tree = new Set([rootPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of stats) {
        if (tree.has(s.pid) || !tree.has(s.ppid)) continue;
        tree.add(s.pid);
        grew = true;
      }
    }
    return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpu, 0);
  } catch {
    return null;
  }
}

function findPgBin(): string | null {
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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabaseOn(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(url, name);
}

export async function startCluster(): Promise<Cluster> {
  const given = process.env.LEADSIDE_BENCH_DATABASE_URL;
  if (given) {
    return {
      url: given,
      description: `PostgreSQL at ${new URL(given).host}`,
      createDatabase: (name) => createDatabaseOn(given, name),
      cpuSeconds: () => null,
      stop: async () => {},
    };
  }
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set LEADSIDE_BENCH_DATABASE_URL)');
  const dir = mkdtempSync(join(tmpdir(), 'leadside-bench-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asPostgres ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`, 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  let stopped = false;
  return {
    url,
    description: `throwaway ${version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')} cluster (default durability)`,
    createDatabase: (name) => createDatabaseOn(url, name),
    // Backends that ended (a closed pool's connections) take their CPU with them: read it while the load runs.
    cpuSeconds: () => processTreeCpuSeconds(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
