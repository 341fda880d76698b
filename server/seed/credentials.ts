import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { findUserByEmail } from '../domain/admin';
import { extensionCodeFor, signInLinkFor } from '../domain/sign-in';
import type { Db } from '../store/db';
import { hasAnyWorkspace, refreshDemoCredentials, seedDemo, type SeededDemo } from './demo';
import { demoExtensionSignInUrl } from './demo-extension';

export type DemoSignIn =
  | { kind: 'seeded'; demo: SeededDemo }
  | { kind: 'refreshed'; demo: SeededDemo }
  /** The database holds other workspaces and no demo: nothing is seeded into a real team's database. */
  | { kind: 'absent' };

/**
 * Where `serve --demo` keeps the demo users' tokens between starts: a file in the PGlite folder (the database keeps only
 * their hashes), readable by the owner only. With DATABASE_URL there is no folder, and each start prints fresh tokens.
 */
export const DEMO_TOKENS_FILE = 'leadside-demo-tokens.json';
const KeptTokens = z.record(z.string(), z.string().regex(/^lsk_/));

/**
 * What `serve --demo` prints its sign-in lines from: an empty database gets the demo workspace; one that has it keeps
 * the tokens of the last start (`keepIn`, the data folder) while they work, and gets a fresh one for any that does not.
 */
export async function demoSignIn(db: Db, now: Date, keepIn: string | null = null): Promise<DemoSignIn> {
  const kept = keepIn ? readKept(keepIn) : {};
  let signIn: DemoSignIn;
  if (!(await hasAnyWorkspace(db))) signIn = { kind: 'seeded', demo: await seedDemo(db, { now }) };
  else {
    const demo = await refreshDemoCredentials(db, now, kept);
    signIn = demo ? { kind: 'refreshed', demo } : { kind: 'absent' };
  }
  if (keepIn && signIn.kind !== 'absent') writeKept(keepIn, Object.fromEntries(signIn.demo.credentials.map((c) => [c.email, c.token])));
  return signIn;
}

function readKept(dir: string): Record<string, string> {
  const file = join(dir, DEMO_TOKENS_FILE);
  if (!existsSync(file)) return {};
  // A file someone edited by hand costs only its tokens: fresh ones are made.
  const parsed = KeptTokens.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : {};
}

function writeKept(dir: string, tokens: Record<string, string>): void {
  const file = join(dir, DEMO_TOKENS_FILE);
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface DemoLink {
  name: string;
  role: string;
  url: string;
}

/** A sign-in link for each demo user who got a token, for `npm start` to print beside it (made by nobody: the demo's own). */
export async function demoSignInLinks(db: Db, demo: SeededDemo, publicUrl: string, now: Date): Promise<DemoLink[]> {
  const links: DemoLink[] = [];
  for (const c of demo.credentials) {
    const user = await findUserByEmail(db, c.email);
    if (!user) continue;
    links.push({ name: c.name, role: c.role, url: (await signInLinkFor(db, null, user, publicUrl, now)).url });
  }
  return links;
}

/**
 * The extension's one-click sign-in for each demo user: its options page with a one-time code (never a token) that
 * the page exchanges at `serverUrl` (POST /v1/extension-code). The demo build pins its extension id, so the link is
 * known before the extension is loaded.
 */
export async function demoExtensionLinks(db: Db, demo: SeededDemo, serverUrl: string, now: Date): Promise<DemoLink[]> {
  const links: DemoLink[] = [];
  for (const c of demo.credentials) {
    const user = await findUserByEmail(db, c.email);
    if (!user || user.disabled) continue;
    const { code } = await extensionCodeFor(db, user, now);
    links.push({ name: c.name, role: c.role, url: demoExtensionSignInUrl(code, serverUrl) });
  }
  return links;
}
