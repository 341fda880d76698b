import type { TestProject } from 'vitest/node';
import { findPgBin, startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the throwaway PostgreSQL server, or "" when none could be started. */
    postgresUrl: string;
    postgresProblem: string;
  }
}

/**
 * Starts a throwaway PostgreSQL cluster for the run (no fsync: nothing in it must outlive the run), unless
 * LEADSIDE_TEST_DATABASE_URL names a server to use. Each test file makes its own database in it.
 */
export default async function setup(project: TestProject) {
  const given = process.env.LEADSIDE_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresProblem', '');
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', 'PostgreSQL is not installed: apt-get install -y postgresql (or set LEADSIDE_TEST_DATABASE_URL)');
    return;
  }
  const cluster = await startPostgresCluster(bin, {
    prefix: 'leadside-pg-',
    settings: ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=300'],
    stopMode: 'immediate',
  });
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresProblem', '');
  return () => cluster.stop();
}
