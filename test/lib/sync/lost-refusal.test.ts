import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationResponse } from '../../../lib/core/model/mutations';
import { LeadsideDatabase } from '../../../lib/db/database';
import { logAttempt, type WriteContext } from '../../../lib/db/writes';
import { signIn, storedApi } from '../../../lib/session';
import { syncOnce } from '../../../lib/sync';
import { insertContact } from '../../../server/domain/contacts/create';
import { reassignContact } from '../../../server/domain/contacts/owners';
import { writeInWorkspace } from '../../../server/store/db';
import { attempts, contacts } from '../../../server/store/schema';
import { makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../server/harness';
import { startAnswerCuttingProxy, type AnswerCuttingProxy } from './answer-cutting-proxy';

// The real sync engine (Dexie on fake-indexeddb) talks to the real server (PGlite) through a real HTTP proxy that
// can drop the server's answer on the way back, after the server committed it.

let server: TestServer;
let proxy: AnswerCuttingProxy;
let acme: TestWorkspace;
const dbs: LeadsideDatabase[] = [];

beforeAll(async () => {
  server = await startTestServer('pglite');
  acme = await makeWorkspace(server, 'Acme');
  proxy = await startAnswerCuttingProxy(server.url);
}, 60_000);
afterAll(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  await proxy?.close();
  await server?.close();
});

async function seedLead(id: string, name: string): Promise<void> {
  await writeInWorkspace(server.store.db, acme.id, (tx) =>
    insertContact(tx, acme.id, { id, email: `${id}@buyer.example`, name, stage: 'mql', ownerId: acme.users.rep!.id }, server.clock.now(), { kind: 'import' }),
  );
}

async function reassignToRep2(id: string): Promise<void> {
  await writeInWorkspace(server.store.db, acme.id, async (tx) => {
    const [row] = await tx.select().from(contacts).where(eq(contacts.id, id));
    await reassignContact(tx, { workspaceId: acme.id, kind: 'user', userId: acme.users.manager!.id }, row!, acme.users.rep2!.id, server.clock.now());
  });
}

/** The rep's cache, signed in through the proxy. */
async function repThroughProxy() {
  const db = new LeadsideDatabase(`leadside-lost-refusal-${dbs.length + 1}`);
  dbs.push(db);
  await signIn(db, { url: proxy.url, token: acme.users.rep!.token });
  let n = 0;
  const writes: WriteContext = { db, now: server.clock.now, newId: () => `lr_${dbs.length}_${++n}`, userId: acme.users.rep!.id };
  const sync = async () => syncOnce({ db, api: await storedApi(db), now: server.clock.now, random: () => 0.5 }, { force: true });
  return { db, writes, sync };
}

describe('a refusal whose answer was lost on the way back', () => {
  it('is still a refusal when the retry answers duplicate: kept with its reason, undone locally, never "saved"', async () => {
    await seedLead('c_lost', 'Lena Lost');
    const rep = await repThroughProxy();
    expect(await rep.sync()).toMatchObject({ kind: 'done' });
    expect(await rep.db.contacts.get('c_lost')).toBeDefined();

    // Offline, the rep logs a call; meanwhile the lead goes to another rep.
    const attempt = await logAttempt(rep.writes, { contactId: 'c_lost', channel: 'call', outcome: 'no_answer' });
    await reassignToRep2('c_lost');

    // The server refuses the push and commits that answer, but the connection drops before it reaches the rep.
    const lost = proxy.cutNextAnswer('/v1/mutations');
    expect(await rep.sync()).toMatchObject({ kind: 'failed', state: { status: 'offline' } });
    const firstAnswer = await lost;
    expect(firstAnswer.status).toBe(200);
    expect(MutationResponse.parse(JSON.parse(firstAnswer.body)).results).toMatchObject([{ status: 'rejected', error: { code: 'forbidden' } }]);
    expect(await rep.db.outbox.where('status').equals('pending').count()).toBe(1);

    // The retry gets the replay's answer: duplicate of a refusal.
    expect(await rep.sync()).toMatchObject({ kind: 'done', pushed: 0, rejected: 1 });
    const entries = await rep.db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' }, contactName: 'Lena Lost' });
    expect(entries[0]!.error!.message).toMatch(/belongs to another rep/);
    // Its local effect is gone, as is the lead the pull took away; the server never had the call.
    expect(await rep.db.attempts.get(attempt.id)).toBeUndefined();
    expect(await rep.db.contacts.get('c_lost')).toBeUndefined();
    expect(await server.store.db.select().from(attempts).where(eq(attempts.id, attempt.id))).toHaveLength(0);

    // It stays in view on later syncs until the rep dismisses it.
    expect(await rep.sync()).toMatchObject({ kind: 'done', pushed: 0, rejected: 0 });
    expect(await rep.db.outbox.where('status').equals('rejected').count()).toBe(1);
  });

  it('a change that applied and whose answer was lost leaves the outbox on the duplicate, once on the server', async () => {
    await seedLead('c_kept', 'Kim Kept');
    const rep = await repThroughProxy();
    await rep.sync();
    const attempt = await logAttempt(rep.writes, { contactId: 'c_kept', channel: 'email' });

    const lost = proxy.cutNextAnswer('/v1/mutations');
    expect(await rep.sync()).toMatchObject({ kind: 'failed', state: { status: 'offline' } });
    expect(MutationResponse.parse(JSON.parse((await lost).body)).results).toMatchObject([{ status: 'applied' }]);

    expect(await rep.sync()).toMatchObject({ kind: 'done', pushed: 1, rejected: 0 });
    expect(await rep.db.outbox.count()).toBe(0);
    expect(await rep.db.attempts.get(attempt.id)).toBeDefined();
    expect(await server.store.db.select().from(attempts).where(eq(attempts.id, attempt.id))).toHaveLength(1);
  });
});
