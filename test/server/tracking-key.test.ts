import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { TrackedLinkResponse } from '../../lib/core/model/tracking';
import { trackingKeys } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = '2026-03-10T15:00:00.000Z';
const DAY = 86_400_000;
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe.each(STORE_KINDS)('POST /v1/tracking-key/rotate on %s', (kind) => {
  let made = 0;

  const server = serverForSuite(kind, { now: NOW });
  beforeEach(() => server.clock.set(NOW));

  const freshWorkspace = () => makeWorkspace(server, `Signers${++made}`);
  const rotate = (ws: TestWorkspace, who = 'admin') => server.api(ws.users[who]!.token, '/v1/tracking-key/rotate', { method: 'POST' });
  /** The key id a tracking token names (the 4th field of its payload). */
  const keyIdOf = (trackedUrl: string) => {
    const token = new URL(trackedUrl).pathname.split('/').at(-1)!;
    return (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as unknown[])[3];
  };
  const click = (url: string) => fetch(url, { redirect: 'manual' });

  async function newContact(ws: TestWorkspace): Promise<Contact> {
    const res = await server.api(ws.users.manager!.token, '/v1/contacts', {
      method: 'POST',
      json: { email: `lead${++made}@buyer${made}.example`, name: `Lead ${made}`, ownerId: ws.users.rep!.id },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }
  async function trackedLink(ws: TestWorkspace, contactId: string, url: string): Promise<string> {
    const res = await server.api(ws.users.rep!.token, '/v1/tracked-links', { method: 'POST', json: { contactId, url } });
    expect(res.status).toBe(201);
    return ((await res.json()) as TrackedLinkResponse).url;
  }

  it('signs new links with the new key; a link sent before still redirects for 30 days, then no more', async () => {
    const ws = await freshWorkspace();
    const lead = await newContact(ws);
    const before = await trackedLink(ws, lead.id, 'https://news.example/before');
    const oldKey = keyIdOf(before);

    const res = await rotate(ws);
    expect(res.status).toBe(200);
    const rotation = await res.json();
    expect(rotation).toEqual({ keyId: expect.any(String), rotatedAt: NOW, retired: { keyId: oldKey, verifiesUntil: later(30 * DAY) } });
    expect(rotation.keyId).not.toBe(oldKey);

    const after = await trackedLink(ws, lead.id, 'https://news.example/after');
    expect(keyIdOf(after)).toBe(rotation.keyId);
    for (const [link, target] of [
      [before, 'https://news.example/before'],
      [after, 'https://news.example/after'],
    ] as const) {
      const go = await click(link);
      expect(go.status).toBe(302);
      expect(go.headers.get('location')).toBe(target);
    }

    server.clock.set(later(30 * DAY - 1));
    expect((await click(before)).status).toBe(302);
    server.clock.set(later(30 * DAY + 1));
    expect((await click(before)).status).toBe(404);
    expect((await click(after)).status).toBe(302);
  });

  it('rotates a workspace that never signed anything (no key retired), and only that workspace', async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const theirLead = await newContact(other);
    const theirLink = await trackedLink(other, theirLead.id, 'https://news.example/theirs');

    const res = await rotate(ws);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ keyId: expect.any(String), rotatedAt: NOW, retired: null });
    // The other workspace's key still signs, and its links never depended on this one.
    expect(keyIdOf(await trackedLink(other, theirLead.id, 'https://news.example/again'))).toBe(keyIdOf(theirLink));
    const [theirKey] = await server.store.db.select().from(trackingKeys).where(eq(trackingKeys.workspaceId, other.id));
    expect(theirKey!.retiredAt).toBeNull();
  });

  it('lets only admins rotate', async () => {
    const ws = await freshWorkspace();
    for (const who of ['manager', 'marketing', 'rep']) {
      const res = await rotate(ws, who);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: `only admin may do this; you are ${who}` } });
    }
    expect(await server.store.db.select().from(trackingKeys).where(eq(trackingKeys.workspaceId, ws.id))).toEqual([]);
  });

  it('leaves exactly one signing key when admins rotate at the same moment', async () => {
    const ws = await freshWorkspace();
    const lead = await newContact(ws);
    const before = await trackedLink(ws, lead.id, 'https://news.example/race');
    const results = await Promise.all([rotate(ws), rotate(ws), rotate(ws)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const active = await server.store.db
      .select()
      .from(trackingKeys)
      .where(and(eq(trackingKeys.workspaceId, ws.id), isNull(trackingKeys.retiredAt)));
    expect(active).toHaveLength(1);
    expect((await click(before)).status).toBe(302);
    expect(keyIdOf(await trackedLink(ws, lead.id, 'https://news.example/race2'))).toBe(active[0]!.keyId);
  });
});
