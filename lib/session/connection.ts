import { z } from 'zod';
import { createApiClient, type ApiClient } from '../api/client';
import type { Me } from '../core/model/api';
import { parseInput } from '../core/model/parse';
import { isLoopbackHost, withScheme } from '../core/server-address';
import type { LeadsideDatabase } from '../db/database';
import type { ServerConnection } from '../db/types';
import { INITIAL_SYNC_STATE, readMeta, writeMeta } from '../db/meta';

/**
 * A server address: typed without a scheme it gets one (http for this machine, https otherwise: lib/core/server-address);
 * plain http is allowed only for this machine (a local or demo server).
 */
export const ServerUrl = z.preprocess(
  (typed) => (typeof typed === 'string' ? withScheme(typed).url : typed),
  z
    .url({ protocol: /^https?$/, message: 'must be the server address, e.g. https://leadside.acme.com' })
    .transform((u) => new URL(u).origin)
    .refine((origin) => origin.startsWith('https://') || isLoopbackHost(new URL(origin).host), {
      message: 'must use https (plain http only for localhost)',
    }),
);

/** The sign-in form's input. */
export const SignInForm = z.strictObject({
  url: ServerUrl,
  token: z
    .string()
    .trim()
    .regex(/^lsk_[A-Za-z0-9_-]{20,100}$/, 'must be a Leadside token: it starts with lsk_'),
});
export type SignInForm = z.infer<typeof SignInForm>;

export function parseSignInForm(input: unknown) {
  return parseInput(SignInForm, input, 'sign-in');
}

/** The origin pattern to ask host permission for, e.g. "https://leadside.acme.com/*". */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export function apiFor(connection: ServerConnection, fetchImpl?: typeof fetch): ApiClient {
  return createApiClient({ baseUrl: connection.url, token: connection.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/** The client for the stored connection, or null when signed out. */
export async function storedApi(db: LeadsideDatabase, fetchImpl?: typeof fetch): Promise<ApiClient | null> {
  const connection = await readMeta(db, 'connection');
  return connection ? apiFor(connection, fetchImpl) : null;
}

/**
 * Signs in: asks the server who the token belongs to, then stores the connection and the user. When the token is for
 * another user or server than the cache holds, the cache starts empty so nobody sees someone else's leads.
 */
export async function signIn(db: LeadsideDatabase, form: SignInForm, fetchImpl?: typeof fetch): Promise<Me> {
  const me = await apiFor(form, fetchImpl).me();
  const before = await readMeta(db, 'me');
  const beforeConnection = await readMeta(db, 'connection');
  if (before && (before.user.id !== me.user.id || beforeConnection?.url !== form.url)) {
    // Another user or server starts from an empty cache; what the previous user logged must reach their server first.
    const pending = await pendingCount(db);
    if (pending > 0) throw new PendingForAnotherUserError(pending, before.user.name);
    await clearCache(db, { keepOutbox: false });
  }
  await db.transaction('rw', db.meta, async () => {
    await writeMeta(db, 'connection', { url: form.url, token: form.token });
    await writeMeta(db, 'me', me);
    await writeMeta(db, 'syncState', INITIAL_SYNC_STATE);
  });
  return me;
}

export class PendingChangesError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} change${pending === 1 ? ' has' : 's have'} not reached the server yet`);
  }
}

/** A switch of user or server refused because the previous user's changes have not been sent. */
export class PendingForAnotherUserError extends Error {
  constructor(
    readonly pending: number,
    readonly owner: string,
  ) {
    const one = pending === 1;
    super(
      `${pending} change${one ? '' : 's'} by ${owner} ${one ? 'has' : 'have'} not reached the server yet: sign in as ${owner} again to ` +
        `send ${one ? 'it' : 'them'}, or sign out first (which discards ${one ? 'it' : 'them'})`,
    );
  }
}

/**
 * Signs out and clears the cache. Changes still waiting for the server would be lost, so that needs `discardPending`:
 * the options page asks the rep first.
 */
export async function signOut(db: LeadsideDatabase, options: { discardPending?: boolean } = {}): Promise<void> {
  const pending = await pendingCount(db);
  if (pending > 0 && !options.discardPending) throw new PendingChangesError(pending);
  await clearCache(db, { keepOutbox: false });
}

function pendingCount(db: LeadsideDatabase): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

async function clearCache(db: LeadsideDatabase, { keepOutbox }: { keepOutbox: boolean }): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) if (!(keepOutbox && table === db.outbox)) await table.clear();
  });
}
