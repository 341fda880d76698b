import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Email, TimeZone } from '../lib/core/model/primitives';
import { Role } from '../lib/core/model/vocabulary';
import { parseInput } from '../lib/core/model/parse';
import { addUser, createToken, createWorkspace, findUserByEmail } from './domain/admin';
import { seedDemo, hasAnyWorkspace } from './seed/demo';
import { startServer } from './serve';
import { openStore, type Store, type StoreOptions } from './store/db';

const USAGE = `Leadside server

  serve [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--demo]
                         serve the API (--demo: seed the demo workspace if the database is empty)
  seed demo [--data-dir DIR]
                         create the demo workspace and print who can sign in
  workspace add --name NAME [--time-zone ZONE] [--domain acme.com ...]
  user add --workspace ID --email EMAIL --name NAME --role rep|manager|marketing|admin
  token create --email EMAIL
                         print a new API token for that user (only the token)

The database: PostgreSQL when DATABASE_URL is set, else PGlite in --data-dir (default ./.leadside/data).`;

const DEFAULT_DATA_DIR = './.leadside/data';

class UsageError extends Error {}

/** Runs one CLI command; answers the process exit code. */
export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean' },
        name: { type: 'string' },
        'time-zone': { type: 'string' },
        domain: { type: 'string', multiple: true },
        workspace: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const command = positionals.join(' ');
    if (values.help || command === '' || command === 'help') {
      out(USAGE);
      return 0;
    }
    const storeOptions: StoreOptions = process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL }
      : { dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR };

    switch (command) {
      case 'serve': {
        const port = checked(z.coerce.number().int().min(0).max(65535), values.port ?? process.env.PORT ?? '8787', '--port');
        const host = values.host ?? process.env.HOST ?? '127.0.0.1';
        const server = await startServer({ port, host, store: storeOptions });
        if (values.demo && !(await hasAnyWorkspace(server.store.db))) {
          printCredentials(await seedDemo(server.store.db, { now: new Date() }), out);
        }
        out(`Leadside API on ${server.url} (database: ${server.store.kind}, ${server.store.location})`);
        const stop = () => void server.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return await new Promise<number>(() => {});
      }
      case 'seed demo':
        return await withStore(storeOptions, async (store) => {
          if (await hasAnyWorkspace(store.db)) throw new UsageError('the database already has a workspace; seed demo only fills an empty one');
          printCredentials(await seedDemo(store.db, { now: new Date() }), out);
        });
      case 'workspace add':
        return await withStore(storeOptions, async (store) => {
          const name = required(values.name, '--name');
          const timeZone = checked(TimeZone, values['time-zone'] ?? 'UTC', '--time-zone');
          const ws = await createWorkspace(store.db, { name, timeZone, domains: values.domain ?? [] });
          out(`workspace ${ws.id} (site key ${ws.siteKey})`);
        });
      case 'user add':
        return await withStore(storeOptions, async (store) => {
          const user = await addUser(store.db, {
            workspaceId: required(values.workspace, '--workspace'),
            email: checked(Email, required(values.email, '--email'), '--email'),
            name: required(values.name, '--name'),
            role: checked(Role, required(values.role, '--role'), '--role'),
          });
          out(`user ${user.id}`);
        });
      case 'token create':
        return await withStore(storeOptions, async (store) => {
          const email = checked(Email, required(values.email, '--email'), '--email');
          const user = await findUserByEmail(store.db, email);
          if (!user) throw new UsageError(`no user with the email ${email}`);
          out(await createToken(store.db, user.id));
        });
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

async function withStore(options: StoreOptions, work: (store: Store) => Promise<void>): Promise<number> {
  const store = await openStore(options);
  try {
    await work(store);
    return 0;
  } finally {
    await store.close();
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

function checked<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.infer<S> {
  const parsed = parseInput(schema, value, flag);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.value;
}

function printCredentials(seeded: Awaited<ReturnType<typeof seedDemo>>, out: (line: string) => void): void {
  out(`Demo workspace "${seeded.workspaceName}" is ready. Sign in with one of these tokens:`);
  for (const c of seeded.credentials) out(`  ${c.role.padEnd(9)} ${c.name.padEnd(18)} ${c.email.padEnd(28)} ${c.token}`);
}
