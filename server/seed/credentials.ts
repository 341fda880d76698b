import { findUserByEmail } from '../domain/admin';
import { signInLinkFor } from '../domain/sign-in';
import type { Db } from '../store/db';
import { hasAnyWorkspace, refreshDemoCredentials, seedDemo, type SeededDemo } from './demo';

export type DemoSignIn =
  | { kind: 'seeded'; demo: SeededDemo }
  | { kind: 'refreshed'; demo: SeededDemo }
  /** The database holds other workspaces and no demo: nothing is seeded into a real team's database. */
  | { kind: 'absent' };

/**
 * What `serve --demo` prints its sign-in lines from: an empty database gets the demo workspace; one that has it gets a
 * fresh token for each demo user (tokens are stored hashed, so the old ones cannot be printed again).
 */
export async function demoSignIn(db: Db, now: Date): Promise<DemoSignIn> {
  if (!(await hasAnyWorkspace(db))) return { kind: 'seeded', demo: await seedDemo(db, { now }) };
  const demo = await refreshDemoCredentials(db, now);
  return demo ? { kind: 'refreshed', demo } : { kind: 'absent' };
}

/** A sign-in link for each demo user who got a token, for `npm start` to print beside it (made by nobody: the demo's own). */
export async function demoSignInLinks(db: Db, demo: SeededDemo, publicUrl: string, now: Date): Promise<{ name: string; role: string; url: string }[]> {
  const links: { name: string; role: string; url: string }[] = [];
  for (const c of demo.credentials) {
    const user = await findUserByEmail(db, c.email);
    if (!user) continue;
    links.push({ name: c.name, role: c.role, url: (await signInLinkFor(db, null, user, publicUrl, now)).url });
  }
  return links;
}
