import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../../server/seed/demo';
import { startServer, type RunningServer } from '../../../server/serve';
import { jsonLogger } from '../../../server/http/logger';
import { attempts, contacts } from '../../../server/store/schema';
import { and, eq } from 'drizzle-orm';

export interface DemoServer extends RunningServer {
  dataDir: string;
  credentials: Awaited<ReturnType<typeof seedDemo>>['credentials'];
  /** The server's log lines, kept for whoever debugs a failure. */
  logLines: string[];
  restart(): Promise<DemoServer>;
}

interface DemoServerOptions {
  port?: number;
  dataDir?: string;
  credentials?: DemoServer['credentials'];
  logLines?: string[];
  /** The built dashboard to serve at /app/ (test/support/dashboard-build.ts); else the server's default folder. */
  dashboardDir?: string;
}

/** The real server on a temporary PGlite folder with the demo workspace, on a fixed loopback port so it can restart. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'leadside-e2e-data-'));
  const logLines = options.logLines ?? [];
  const server = await startServer({
    port: options.port ?? 0,
    host: '127.0.0.1',
    store: { dataDir },
    log: jsonLogger((line) => void logLines.push(line)),
    dashboardDir: options.dashboardDir,
  });
  const credentials = options.credentials ?? (await seedDemo(server.store.db, { now: new Date() })).credentials;
  let closed = false;
  const demo: DemoServer = {
    ...server,
    dataDir,
    credentials,
    logLines,
    restart: async () => {
      await demo.close();
      return startDemoServer({ port: server.port, dataDir, credentials, logLines, dashboardDir: options.dashboardDir });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close();
    },
  };
  return demo;
}

export function removeDemoData(server: DemoServer): void {
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** The attempts a user logged on the contact with this address, as the server has them. */
export async function serverAttempts(server: DemoServer, email: string, userId: string) {
  const [contact] = await server.store.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email));
  if (!contact) throw new Error(`no contact ${email} on the server`);
  return server.store.db.select().from(attempts).where(and(eq(attempts.contactId, contact.id), eq(attempts.userId, userId)));
}
