import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, type AuditEvent } from '../lib/core/model/audit';
import { TokenLifetimeDays, TokenName } from '../lib/core/model/admin-requests';
import { Email, pageLimit, TimeZone } from '../lib/core/model/primitives';
import { tokenState, utcMinute } from '../lib/core/token-state';
import { Role } from '../lib/core/model/vocabulary';
import { parseInput } from '../lib/core/model/parse';
import { addUser, createWorkspace, findUserByEmail } from './domain/admin';
import { userCreated, workspaceCreated } from './domain/audit/changes';
import { auditPage } from './domain/audit/list';
import { AuditRetentionDays, DEFAULT_AUDIT_RETENTION_DAYS } from './domain/audit/prune';
import { cliActor, recordAudit } from './domain/audit/record';
import { decodePagePosition } from './domain/page-cursor';
import { findToken, listTokens, revokeToken, type TokenRow } from './domain/tokens';
import { issueTokenFor } from './domain/users';
import { signInLinkFor } from './domain/sign-in';
import { ApiError } from './http/errors';
import { PrivacyExportFormat } from '../lib/core/model/privacy';
import { eraseContact } from './domain/privacy/erase';
import { privacyExport, renderPrivacyExport } from './domain/privacy/export';
import type { Logger } from './http/logger';
import { demoExtensionLinks, demoSignIn, demoSignInLinks, type DemoSignIn } from './seed/credentials';
import { hasAnyWorkspace, seedDemo, type SeededDemo } from './seed/demo';
import { serveDemoPages } from './seed/demo-pages';
import { DEMO_REPS } from './seed/people';
import { PortInUseError, startServer, type RunningServer } from './serve';
import { checkSmtpUrl } from './alerts/delivery/email';
import { CONTACTS_USAGE, runContactsCommand } from './cli-contacts';
import { openStore, writeInWorkspace, type Db, type Store, type StoreOptions } from './store/db';
import { users, workspaces } from './store/schema';
import { rotateTrackingKey } from './tracking/tokens';

const USAGE = `Leadside server

  serve [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--demo]
                         serve the API (--demo: seed the demo workspace into an empty database, print its
                         tokens, kept in the data folder across starts, and a one-click extension sign-in link
                         per demo user; the demo pages go on the next port)
  seed demo [--data-dir DIR]
                         create the demo workspace and print who can sign in
  workspace add --name NAME [--time-zone ZONE] [--domain acme.com ...]
  user add --workspace ID --email EMAIL --name NAME --role rep|manager|marketing|admin
  token create --email EMAIL --name NAME [--expires-days DAYS]
                         print a new API token for that user (only the token); without --expires-days it lasts
                         until revoked
  token list --email EMAIL
                         the user's tokens, newest first: id, state, created, last used, expires, name
  token revoke --id TOKEN_ID
                         revoke one token (the others keep working)
  signin-link --email EMAIL
                         print a sign-in link to the dashboard for that user (only the link): it works once, within
                         15 minutes, at PUBLIC_URL (default http://HOST:PORT)
  tracking-key rotate --workspace ID
                         sign new pixels and tracked links with a new key; links signed before keep working 30 days
  audit list --workspace ID [--limit 50] [--before CURSOR]
                         the workspace's audit log, newest first, one line an event
  privacy export --workspace ID --email EMAIL [--format json|csv]
                         print everything held about that contact (JSON, or CSV with a section per kind)
  privacy erase --workspace ID --email EMAIL --as MANAGER_OR_ADMIN_EMAIL
                         erase that contact for good (the audit log names the --as user); prints what went
${CONTACTS_USAGE}

The database: PostgreSQL when DATABASE_URL is set, else PGlite in --data-dir (default ./.leadside/data).
What the CLI changes is in the audit log as done by the CLI. Audit events are kept AUDIT_RETENTION_DAYS (365).`;

const DEFAULT_DATA_DIR = './.leadside/data';
/** Where `wxt build` puts the Chrome build. */
const EXTENSION_BUILD = '.output/chrome-mv3';

/** The command line was wrong: exit 2 with one line saying what to fix. */
class UsageError extends Error {}
/** The command was right but could not be done (an unknown user, a taken email): exit 1 with one line. */
class CommandFailed extends Error {}

export interface CliOptions {
  /** Where error lines go; stderr by default. */
  err?: (line: string) => void;
  /** DATABASE_URL, PORT and HOST are read from here; process.env by default. */
  env?: Record<string, string | undefined>;
  /** What `serve` does while the server runs; by default it runs until SIGINT or SIGTERM. Then it closes. */
  whileServing?: (server: RunningServer) => Promise<void>;
  now?: () => Date;
  /** The server's request log; JSON lines on stdout by default. */
  log?: Logger;
}

/** Runs one CLI command; answers the process exit code (0 done, 1 failed, 2 usage error). */
export async function runCli(argv: string[], out: (line: string) => void = console.log, options: CliOptions = {}): Promise<number> {
  const err = options.err ?? console.error;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
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
        limit: { type: 'string' },
        before: { type: 'string' },
        id: { type: 'string' },
        'expires-days': { type: 'string' },
        format: { type: 'string' },
        as: { type: 'string' },
        // contacts import / export (server/cli-contacts.ts)
        'dry-run': { type: 'boolean' },
        update: { type: 'boolean' },
        skip: { type: 'boolean' },
        'good-rows': { type: 'boolean' },
        mapping: { type: 'string' },
        stage: { type: 'string' },
        owner: { type: 'string' },
        source: { type: 'string' },
        'updated-since': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const command = positionals.join(' ');
    if (values.help || command === '' || command === 'help') {
      out(USAGE);
      return 0;
    }
    const storeOptions: StoreOptions = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR };
    if (positionals[0] === 'contacts') return await runContactsCommand(positionals, values, storeOptions, out, err, now);

    switch (command) {
      case 'serve': {
        const port = checked(z.coerce.number().int().min(0).max(65535), values.port ?? env.PORT ?? '8787', '--port');
        const host = values.host ?? env.HOST ?? '127.0.0.1';
        const auditRetentionDays = checked(AuditRetentionDays, env.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS, 'AUDIT_RETENTION_DAYS');
        // A mistyped SMTP_URL is a usage error, said before anything starts.
        const smtpUrl = env.SMTP_URL ? usage(() => checkSmtpUrl(env.SMTP_URL!)) : undefined;
        const server = await startServer({
          port,
          host,
          store: storeOptions,
          log: options.log,
          now,
          auditRetentionDays,
          publicUrl: env.PUBLIC_URL,
          smtpUrl,
          alertsFrom: env.ALERTS_FROM || undefined,
        });
        const pages = values.demo ? await startDemoPages(port === 0 ? 0 : port + 1, out) : null;
        try {
          // The demo's tokens are kept in its PGlite folder between starts (none with DATABASE_URL).
          const keepIn = 'dataDir' in storeOptions ? storeOptions.dataDir : null;
          if (values.demo) await printDemoSignIn(server, await demoSignIn(server.store.db, now(), keepIn), now(), out);
          out(`Leadside API on ${server.url} (database: ${server.store.kind}, ${server.store.location})`);
          out(`Dashboard for managers, marketers and admins: ${server.url}/app/`);
          printExtensionHelp(server.url, Boolean(values.demo), out);
          if (pages) {
            const moved = pages.movedFrom === null ? '' : ` (port ${pages.movedFrom} was in use)`;
            out(`Demo pages on http://localhost:${pages.port}${moved} (sign in as Maya Chen, then open one; the panel shows that lead):`);
            out(`  Gmail thread with Dana Reyes:  ${pages.urls.gmail}`);
            out(`  HubSpot record of Leo Martins: ${pages.urls.hubspot}`);
            // The thread's "me" is the signed-in rep: another demo rep opens the page as themselves.
            for (const rep of DEMO_REPS.slice(1)) out(`  Signed in as ${rep.name}: ${pages.urlsFor(rep.key).gmail}`);
          }
          await (options.whileServing ?? untilStopped)(server);
          return 0;
        } finally {
          // Both at once: Ctrl+C stops the API and the demo pages together, neither waiting on the other.
          await Promise.all([pages?.close(), server.close()]);
        }
      }
      case 'seed demo':
        return await withStore(storeOptions, async (store) => {
          if (await hasAnyWorkspace(store.db)) throw new UsageError('the database already has a workspace; seed demo only fills an empty one');
          printCredentials(await seedDemo(store.db, { now: now() }), out);
        });
      case 'workspace add': {
        // Every flag is checked before the database is opened: a typo never waits on a migration.
        const name = required(values.name, '--name');
        const timeZone = checked(TimeZone, values['time-zone'] ?? 'UTC', '--time-zone');
        const domains = values.domain ?? [];
        return await withStore(storeOptions, async (store) => {
          const ws = await store.db.transaction(async (tx) => {
            const made = await createWorkspace(tx, { name, timeZone, domains });
            await recordAudit(tx, cliActor(made.id), workspaceCreated(now(), { id: made.id, name, timeZone, domains }));
            return made;
          });
          out(`workspace ${ws.id} (site key ${ws.siteKey})`);
        });
      }
      case 'user add': {
        const workspaceId = required(values.workspace, '--workspace');
        const email = checked(Email, required(values.email, '--email'), '--email');
        const name = required(values.name, '--name');
        const role = checked(Role, required(values.role, '--role'), '--role');
        return await withStore(storeOptions, async (store) => {
          await assertWorkspace(store.db, workspaceId);
          if (await findUserByEmail(store.db, email)) throw new CommandFailed(`a user with the email ${email} already exists`);
          const user = await writeInWorkspace(store.db, workspaceId, async (tx) => {
            const added = await addUser(tx, { workspaceId, email, name, role });
            await recordAudit(tx, cliActor(workspaceId), userCreated(now(), { id: added.id, email, name, role, disabled: false }));
            return added;
          });
          out(`user ${user.id}`);
        });
      }
      case 'token create': {
        const email = checked(Email, required(values.email, '--email'), '--email');
        const name = checked(TokenName, required(values.name, '--name'), '--name');
        const days = values['expires-days'] === undefined ? undefined : checked(TokenLifetimeDays, Number(values['expires-days']), '--expires-days');
        return await withStore(storeOptions, async (store) => {
          const user = await existingUser(store, email);
          const { secret } = await writeInWorkspace(store.db, user.workspaceId, (tx) =>
            issueTokenFor(tx, cliActor(user.workspaceId), user, { name, expiresInDays: days }, now()),
          );
          // Only the token, so `TOKEN=$(... token create --email ...)` works.
          out(secret);
        });
      }
      case 'token list': {
        const email = checked(Email, required(values.email, '--email'), '--email');
        return await withStore(storeOptions, async (store) => {
          const user = await existingUser(store, email);
          const rows = await listTokens(store.db, user.id);
          if (rows.length === 0) out(`${email} has no tokens`);
          for (const row of rows) out(tokenLine(row, now()));
        });
      }
      case 'token revoke': {
        const id = required(values.id, '--id');
        return await withStore(storeOptions, async (store) => {
          const token = await findToken(store.db, id);
          if (!token) throw new CommandFailed(`no token ${id}`);
          const [owner] = await store.db.select({ email: users.email, workspaceId: users.workspaceId }).from(users).where(eq(users.id, token.userId));
          if (!owner) throw new CommandFailed(`token ${token.id} belongs to no user`);
          const what = `${token.id} (${token.name}, ${owner.email})`;
          if (token.revokedAt) {
            out(`${what} was already revoked on ${utcMinute(token.revokedAt)}`);
            return;
          }
          await writeInWorkspace(store.db, owner.workspaceId, (tx) => revokeToken(tx, cliActor(owner.workspaceId), token.id, now()));
          out(`revoked ${what}`);
        });
      }
      case 'signin-link': {
        const email = checked(Email, required(values.email, '--email'), '--email');
        const publicUrl = (env.PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '8787'}`).replace(/\/+$/, '');
        return await withStore(storeOptions, async (store) => {
          const user = await existingUser(store, email);
          const { url } = await writeInWorkspace(store.db, user.workspaceId, (tx) => signInLinkFor(tx, cliActor(user.workspaceId), user, publicUrl, now()));
          // Only the link, so `open "$(... signin-link --email ...)"` works.
          out(url);
        });
      }
      case 'tracking-key rotate': {
        const workspaceId = required(values.workspace, '--workspace');
        return await withStore(storeOptions, async (store) => {
          await assertWorkspace(store.db, workspaceId);
          const { keyId, retired } = await rotateTrackingKey(store.db, workspaceId, now(), cliActor(workspaceId));
          out(
            `tracking key ${keyId} now signs new pixels and links; ` +
              (retired ? `links signed with ${retired.keyId} keep working until ${utcMinute(retired.verifiesUntil)}` : 'there was no key before'),
          );
        });
      }
      case 'audit list': {
        const workspaceId = required(values.workspace, '--workspace');
        const limit = checked(pageLimit(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT), values.limit, '--limit');
        const before = pageCursorFlag(values.before);
        return await withStore(storeOptions, async (store) => {
          await assertWorkspace(store.db, workspaceId);
          const page = await auditPage(store.db, workspaceId, { before, limit });
          for (const event of page.events) out(auditLine(event));
          if (page.next) out(`more: --before ${page.next}`);
        });
      }
      // Privacy requests: the same domain code as /v1/privacy (server/domain/privacy/).
      case 'privacy export': {
        const workspaceId = required(values.workspace, '--workspace');
        const email = checked(Email, required(values.email, '--email'), '--email');
        const format = checked(PrivacyExportFormat, values.format ?? 'json', '--format');
        return await withStore(storeOptions, async (store) => {
          await assertWorkspace(store.db, workspaceId);
          // Only the export, so `... privacy export ... > dana.json` is the file.
          out(renderPrivacyExport(await privacyExport(store.db, workspaceId, { email }, now()), format).body.replace(/\r?\n$/, ''));
        });
      }
      case 'privacy erase': {
        const workspaceId = required(values.workspace, '--workspace');
        const email = checked(Email, required(values.email, '--email'), '--email');
        const asEmail = checked(Email, required(values.as, '--as'), '--as');
        return await withStore(storeOptions, async (store) => {
          await assertWorkspace(store.db, workspaceId);
          const by = await existingUser(store, asEmail);
          if (by.workspaceId !== workspaceId || by.disabled || (by.role !== 'manager' && by.role !== 'admin')) {
            throw new CommandFailed(`--as ${asEmail} must be an active manager or admin of workspace ${workspaceId}`);
          }
          const result = await writeInWorkspace(store.db, workspaceId, (tx) =>
            eraseContact(tx, { workspaceId, kind: 'user', userId: by.id }, { email, confirmEmail: email }, now()),
          );
          const removed = Object.entries(result.removed).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
          out(`erased contact ${result.contactId}: ${removed.join(', ')}`);
        });
      }
      default:
        throw new UsageError(`unknown command "${command}"; run with --help to see the commands`);
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      err((e as Error).message);
      return 2;
    }
    // A refusal by a domain rule (a disabled user gets no token) is a command that could not be done.
    if (e instanceof CommandFailed || e instanceof ApiError || e instanceof PortInUseError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  return e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');
}

function untilStopped(): Promise<void> {
  return new Promise((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
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

async function assertWorkspace(db: Db, workspaceId: string): Promise<void> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new CommandFailed(`no workspace ${workspaceId}`);
}

/** `--before`: the cursor an earlier `audit list` printed, checked before the database is opened. */
function pageCursorFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    decodePagePosition(value);
  } catch {
    throw new UsageError('--before is not valid: must be the `next` cursor of an earlier page');
  }
  return value;
}

/** One event a line: when, what, on what, by whom, then each field before → after (long values cut; the API has them whole). */
function auditLine(event: AuditEvent): string {
  const who = event.actor.kind === 'user' ? (event.actor.email ?? event.actor.userId) : event.actor.kind;
  const fields = Object.keys(event.changes).sort();
  const changes = fields.map((field) => `${field}: ${shortJson(event.changes[field]!.before)} → ${shortJson(event.changes[field]!.after)}`);
  return `${event.at}  ${event.action}  ${event.target.kind}:${event.target.id}  by ${who}  ${changes.join('; ')}`;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}

async function existingUser(store: Store, email: string) {
  const user = await findUserByEmail(store.db, email);
  if (!user) throw new CommandFailed(`no user with the email ${email}`);
  return user;
}

/** One token as `token list` prints it: fixed columns, the name last since it may hold spaces. */
function tokenLine(row: TokenRow, now: Date): string {
  const when = (at: Date | null) => (at ? utcMinute(at) : 'never').padEnd(20);
  return `${row.id}  ${tokenState(row, now).padEnd(7)}  created ${utcMinute(row.createdAt)}  last used ${when(row.lastUsedAt)}  expires ${when(row.expiresAt)}  ${row.name}`;
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

async function printDemoSignIn(server: RunningServer, signIn: DemoSignIn, now: Date, out: (line: string) => void): Promise<void> {
  if (signIn.kind === 'absent') {
    out('--demo: this database already has workspaces and no demo workspace, so nothing was seeded. Make a token with "token create --email EMAIL --name NAME".');
    return;
  }
  if (signIn.kind === 'refreshed') out(`Demo workspace "${signIn.demo.workspaceName}" found; its tokens (kept from the last start while they work):`);
  printCredentials(signIn.demo, out, signIn.kind === 'seeded');
  out('Sign the extension in with one click (paste into Chrome\'s address bar once the demo build is loaded; each link works once, within 15 minutes):');
  for (const link of await demoExtensionLinks(server.store.db, signIn.demo, server.url, now)) out(`  ${link.role.padEnd(9)} ${link.name.padEnd(16)} ${link.url}`);
  out('Sign in to the dashboard in a browser (each link works once, within 15 minutes):');
  for (const link of await demoSignInLinks(server.store.db, signIn.demo, server.publicUrl, now)) out(`  ${link.role.padEnd(9)} ${link.name.padEnd(16)} ${link.url}`);
}

function printCredentials(seeded: SeededDemo, out: (line: string) => void, heading = true): void {
  if (heading) out(`Demo workspace "${seeded.workspaceName}" is ready. Sign in with one of these tokens:`);
  for (const c of seeded.credentials) out(`  ${c.role.padEnd(9)} ${c.name.padEnd(16)} ${c.email.padEnd(34)} ${c.token}`);
}

/** The stand-in host pages beside the API; a port in use only costs the demo pages, never the server. */
async function startDemoPages(port: number, out: (line: string) => void): Promise<Awaited<ReturnType<typeof serveDemoPages>> | null> {
  try {
    return await serveDemoPages(port);
  } catch (err) {
    out(`Demo pages not served (port ${port}: ${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

function printExtensionHelp(serverUrl: string, demo: boolean, out: (line: string) => void): void {
  const build = resolve(EXTENSION_BUILD);
  // The demo needs the demo build (npm start makes it); npm run build would overwrite it with the shipped one.
  const howToBuild = demo ? 'run "npm start", which builds the demo extension' : 'run "npm run build"';
  out(`Load the extension: chrome://extensions → Developer mode → Load unpacked → ${build}${existsSync(build) ? '' : ` (not built yet: ${howToBuild})`}`);
  out(`Then open a one-click link from above, or its options page: enter the server ${serverUrl} and a token from above.`);
}

/** What `check` returns, or its error as a UsageError (exit 2, one line). */
function usage<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
