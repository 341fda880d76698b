import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { findPgBin, startPostgresCluster } from '../../test/support/postgres-cluster';

/**
 * A throwaway PostgreSQL cluster for one figure, started as the tests start theirs (test/support/postgres-cluster.ts).
 * Unlike the tests' cluster it keeps PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes): a
 * benchmark of writes must pay for commits. LEADSIDE_BENCH_DATABASE_URL names a server to use instead (each figure makes
 * its own database on it).
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
  const cluster = await startPostgresCluster(bin, { prefix: 'leadside-bench-pg-', settings: ['max_connections=300'], stopMode: 'fast' });
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  return {
    url: cluster.url,
    description: `throwaway ${version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')} cluster (default durability)`,
    createDatabase: (name) => createDatabaseOn(cluster.url, name),
    // Backends that ended (a closed pool's connections) take their CPU with them: read it while the load runs.
    cpuSeconds: () => processTreeCpuSeconds(Number(readFileSync(join(cluster.data, 'postmaster.pid'), 'utf8').split('\n')[0])),
    stop: async () => cluster.stop(),
  };
}
