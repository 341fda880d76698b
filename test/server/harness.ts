import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { addUser, createWorkspace } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { startServer, type RunningServer } from '../../server/serve';
import type { Db } from '../../server/store/db';
import { silentLogger, type Logger } from '../../server/http/logger';
import type { Role } from '../../lib/core/model/vocabulary';
import type { RateLimits } from '../../server/context';
import type { AlertChannels } from '../../server/alerts/channels';
import type { OidcConfig } from '../../server/auth/oidc';

export type StoreKind = 'pglite' | 'postgres';

/** Both stores every server suite runs on: the same tests, the same queries. */
export const STORE_KINDS: StoreKind[] = ['pglite', 'postgres'];

/** A clock the tests move by hand. */
export class TestClock {
  constructor(private t: number) {}
  now = () => new Date(this.t);
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestServer extends RunningServer {
  clock: TestClock;
  kind: StoreKind;
  /** Calls the API over HTTP as the given token. */
  api(token: string | null, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export interface TestServerOptions {
  now?: string;
  limits?: Partial<RateLimits>;
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  log?: Logger;
  trustProxy?: boolean;
  apiProcesses?: number;
  /** The built dashboard to serve at /app/* (default: .output/dashboard). */
  dashboardDir?: string;
  /** PUBLIC_URL: https makes session cookies Secure. */
  publicUrl?: string;
  /** Where due alerts go beyond the browser (a test's recorder); default none. */
  alertChannels?: AlertChannels;
  /** Alerts by email through this SMTP server; the delivery worker runs only when a test calls it. */
  smtpUrl?: string;
  alertsFrom?: string;
  /** Single sign-on's provider (a test's own); default none, whatever the environment says. */
  oidc?: OidcConfig;
}

/** A fresh empty database on the run's PostgreSQL server (one per test file). */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  if (!admin) throw new Error(inject('postgresProblem'));
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The real server over real HTTP on a loopback port, on PGlite in memory (or a folder) or on PostgreSQL. */
/**
 * One server for the enclosing `describe`: started before its tests (and before the suite's own beforeAll), closed
 * after them. What it returns stands for that server, forwarding to the running one, so a suite writes
 * `const server = serverForSuite(kind)` instead of a beforeAll/afterAll pair of its own.
 */
export function serverForSuite(kind: StoreKind, options: TestServerOptions = {}): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(kind, options);
  }, 60_000);
  afterAll(() => running?.close());
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!running) throw new Error('the suite server is used before its beforeAll ran');
      const value: unknown = Reflect.get(running, key, running);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}

export async function startTestServer(
  kind: StoreKind,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const clock = new TestClock(Date.parse(options.now ?? '2026-01-19T15:00:00Z'));
  const store =
    kind === 'postgres'
      ? { databaseUrl: options.databaseUrl ?? (await freshPostgresDatabase()) }
      : options.dataDir
        ? { dataDir: options.dataDir }
        : { memory: true as const };
  const server = await startServer({
    port: options.port ?? 0,
    host: '127.0.0.1',
    store,
    log: options.log ?? silentLogger,
    now: clock.now,
    limits: { perToken: 100_000, perIp: 100_000, ...options.limits },
    trustProxy: options.trustProxy ?? false,
    apiProcesses: options.apiProcesses ?? 1,
    dashboardDir: options.dashboardDir,
    publicUrl: options.publicUrl,
    alertChannels: options.alertChannels,
    smtpUrl: options.smtpUrl,
    alertsFrom: options.alertsFrom,
    alertDeliveryEveryMs: 0,
    webhookEveryMs: 0,
    oidc: options.oidc ?? null,
  });
  return {
    ...server,
    clock,
    kind,
    api: (token, path, init = {}) => {
      const headers = new Headers(init.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(`${server.url}${path}`, { ...init, headers, body });
    },
  };
}

export interface TestUser {
  id: string;
  token: string;
  role: Role;
  email: string;
}

export interface TestWorkspace {
  id: string;
  siteKey: string;
  users: Record<string, TestUser>;
}

/** A workspace with one user per role (and a second rep), each with a token named "test" made at the test clock's time. */
export async function makeWorkspace(server: RunningServer & { clock?: TestClock }, name: string, timeZone = 'America/New_York'): Promise<TestWorkspace> {
  const { db } = server.store;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const ws = await createWorkspace(db, { name, timeZone, domains: [`${slug}.example`] });
  const users: Record<string, TestUser> = {};
  const roles: [string, Role][] = [
    ['rep', 'rep'],
    ['rep2', 'rep'],
    ['manager', 'manager'],
    ['marketing', 'marketing'],
    ['admin', 'admin'],
  ];
  for (const [key, role] of roles) {
    const email = `${key}@${slug}.example`;
    const { id } = await addUser(db, { workspaceId: ws.id, email, name: `${name} ${key}`, role });
    users[key] = { id, token: (await createToken(db, null, id, { name: 'test' }, server.clock?.now() ?? new Date())).secret, role, email };
  }
  return { ...ws, users };
}

const MIGRATIONS = join(import.meta.dirname, '../../server/store/migrations');

/** The committed migrations up to (not including) the one tagged `tag`, in a folder of their own. */
export function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadside-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at <= 0) throw new Error(`no migration ${tag} after the first`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

/**
 * A database of the given kind as it stood before migration `tag`, filled by `fill`: what a migration test then opens
 * with startTestServer (which runs the rest). `cleanup` removes the folders it made.
 */
export async function databaseBefore(
  kind: StoreKind,
  tag: string,
  fill: (db: Db) => Promise<void>,
): Promise<{ store: { databaseUrl: string } | { dataDir: string }; cleanup: () => void }> {
  const migrationsFolder = migrationsBefore(tag);
  const dataDir = mkdtempSync(join(tmpdir(), 'leadside-before-'));
  const cleanup = () => {
    for (const f of [migrationsFolder, dataDir]) rmSync(f, { recursive: true, force: true });
  };
  if (kind === 'postgres') {
    const databaseUrl = await freshPostgresDatabase();
    const pool = new pg.Pool({ connectionString: databaseUrl });
    const db = drizzlePostgres({ client: pool });
    await migratePostgres(db, { migrationsFolder });
    await fill(db as unknown as Db);
    await pool.end();
    return { store: { databaseUrl }, cleanup };
  }
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client });
  await migratePglite(db, { migrationsFolder });
  await fill(db as unknown as Db);
  await client.close();
  return { store: { dataDir }, cleanup };
}
