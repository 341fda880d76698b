import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../../lib/core/model/audit';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { reassignContact } from '../../server/domain/contacts/owners';
import { writeInWorkspace } from '../../server/store/db';
import { auditEvents, contacts, trackingKeys } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const pricingGuide = {
  title: 'Pricing guide',
  url: 'https://acme.example/pricing-guide.pdf',
  kind: 'pricing',
  journeyStage: 'decision',
  topics: ['pricing'],
  personas: ['cfo'],
};

describe.each(STORE_KINDS)('the audit log on %s', (kind) => {
  let made = 0;

  const server = serverForSuite(kind, { now: '2026-03-10T15:00:00Z' });

  const names = new Map<string, string>();
  /** A workspace of its own per test, so its log holds only what the test did. */
  const freshWorkspace = async () => {
    const name = `Audit${++made}`;
    const ws = await makeWorkspace(server, name);
    names.set(ws.id, name);
    return ws;
  };
  const token = (ws: TestWorkspace, who: string) => ws.users[who]!.token;
  const userId = (ws: TestWorkspace, who: string) => ws.users[who]!.id;

  async function page(ws: TestWorkspace, query = '', who = 'admin'): Promise<AuditPage> {
    const res = await server.api(token(ws, who), `/v1/audit${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as AuditPage;
  }
  /** The whole log of a workspace, newest first. */
  const events = async (ws: TestWorkspace, query = ''): Promise<AuditEvent[]> => (await page(ws, `?limit=200${query}`)).events;
  /** How an event names a user who made the change (makeWorkspace names them "<workspace> <key>"). */
  const actor = (ws: TestWorkspace, who: string) => ({ kind: 'user', userId: userId(ws, who), name: `${names.get(ws.id)} ${who}`, email: ws.users[who]!.email });
  /** Every stored audit row as text, as a database dump would show it. */
  const storedText = async (): Promise<string> => {
    const rows = await server.store.db.select({ row: sql<string>`row_to_json(${auditEvents})::text` }).from(auditEvents);
    return rows.map((r) => r.row).join('\n');
  };
  const auditRowCount = async (ws: TestWorkspace): Promise<number> => {
    const [row] = await server.store.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.workspaceId, ws.id));
    return row!.n;
  };

  async function createContent(ws: TestWorkspace, body: Record<string, unknown>, who = 'marketing'): Promise<ContentItem> {
    const res = await server.api(token(ws, who), '/v1/content', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as ContentItem;
  }
  async function createContact(ws: TestWorkspace, json: Record<string, unknown>): Promise<Contact> {
    const res = await server.api(token(ws, 'manager'), '/v1/contacts', { method: 'POST', json });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }

  describe('records each change with who, when and what', () => {
    it('records one event per settings part that changed, with that part before and after', async () => {
      const ws = await freshWorkspace();
      server.clock.set('2026-03-10T15:00:00Z');
      const settings = (await (await server.api(token(ws, 'admin'), '/v1/settings')).json()) as WorkspaceSettings;
      const changed = { ...settings, sla: { mqlsPerRepPerMonth: 120, firstTouchTarget: 0.95 }, domains: [...settings.domains, 'acme-mail.example'] };
      expect((await server.api(token(ws, 'admin'), '/v1/settings', { method: 'PUT', json: changed })).status).toBe(200);

      const log = await events(ws);
      expect(log).toHaveLength(2);
      const byPart = Object.fromEntries(log.map((e) => [e.target.id, e]));
      expect(byPart.sla).toEqual({
        id: expect.stringMatching(/^au_/),
        at: '2026-03-10T15:00:00.000Z',
        actor: actor(ws, 'admin'),
        action: 'settings.update',
        target: { kind: 'settings', id: 'sla' },
        changes: { sla: { before: settings.sla, after: changed.sla } },
      });
      expect(byPart.domains).toMatchObject({
        action: 'settings.update',
        target: { kind: 'settings', id: 'domains' },
        changes: { domains: { before: settings.domains, after: changed.domains } },
      });

      // Saving the same document again changes nothing, so nothing is recorded.
      expect((await server.api(token(ws, 'admin'), '/v1/settings', { method: 'PUT', json: changed })).status).toBe(200);
      expect(await events(ws)).toHaveLength(2);

      // The marketer who changes the SLA is the one named.
      server.clock.set('2026-03-10T16:00:00Z');
      const again = { ...changed, sla: { ...changed.sla, mqlsPerRepPerMonth: 80 } };
      expect((await server.api(token(ws, 'marketing'), '/v1/settings', { method: 'PUT', json: again })).status).toBe(200);
      const [newest] = await events(ws);
      expect(newest).toMatchObject({
        at: '2026-03-10T16:00:00.000Z',
        actor: actor(ws, 'marketing'),
        target: { kind: 'settings', id: 'sla' },
        changes: { sla: { before: changed.sla, after: again.sla } },
      });
    });

    it('records a refused settings save as nothing', async () => {
      const ws = await freshWorkspace();
      const settings = (await (await server.api(token(ws, 'manager'), '/v1/settings')).json()) as WorkspaceSettings;
      const scoring = { ...settings, scoring: { ...settings.scoring, mqlFitThreshold: 99 } };
      expect((await server.api(token(ws, 'manager'), '/v1/settings', { method: 'PUT', json: scoring })).status).toBe(403);
      expect(await auditRowCount(ws)).toBe(0);
    });

    it('records users added, renamed, given a role, disabled and enabled', async () => {
      const ws = await freshWorkspace();
      server.clock.set('2026-03-10T15:00:00Z');
      const res = await server.api(token(ws, 'admin'), '/v1/users', { method: 'POST', json: { email: 'Dana@Team.example', name: 'Dana', role: 'rep' } });
      expect(res.status).toBe(201);
      const dana = (await res.json()) as { id: string };

      server.clock.set('2026-03-10T15:01:00Z');
      const patch = (json: unknown) => server.api(token(ws, 'admin'), `/v1/users/${dana.id}`, { method: 'PATCH', json });
      expect((await patch({ name: 'Dana Reyes', role: 'manager' })).status).toBe(200);
      server.clock.set('2026-03-10T15:02:00Z');
      expect((await patch({ disabled: true })).status).toBe(200);
      server.clock.set('2026-03-10T15:03:00Z');
      // Sent as it already is: not a change.
      expect((await patch({ role: 'manager', disabled: true })).status).toBe(200);
      expect((await patch({ disabled: false })).status).toBe(200);

      const by = actor(ws, 'admin');
      const target = { kind: 'user', id: dana.id };
      expect((await events(ws)).map(({ id: _id, ...e }) => e)).toEqual([
        { at: '2026-03-10T15:03:00.000Z', actor: by, action: 'user.update', target, changes: { disabled: { before: true, after: false } } },
        { at: '2026-03-10T15:02:00.000Z', actor: by, action: 'user.update', target, changes: { disabled: { before: false, after: true } } },
        {
          at: '2026-03-10T15:01:00.000Z',
          actor: by,
          action: 'user.update',
          target,
          changes: { name: { before: 'Dana', after: 'Dana Reyes' }, role: { before: 'rep', after: 'manager' } },
        },
        {
          at: '2026-03-10T15:00:00.000Z',
          actor: by,
          action: 'user.create',
          target,
          changes: {
            email: { before: null, after: 'dana@team.example' },
            name: { before: null, after: 'Dana' },
            role: { before: null, after: 'rep' },
            disabled: { before: null, after: false },
          },
        },
      ]);
    });

    it('records a refused user change as nothing: the last admin stays, and no event says otherwise', async () => {
      const ws = await freshWorkspace();
      const res = await server.api(token(ws, 'admin'), `/v1/users/${userId(ws, 'admin')}`, { method: 'PATCH', json: { role: 'rep' } });
      expect(res.status).toBe(409);
      expect(await auditRowCount(ws)).toBe(0);
    });

    it('records tokens made and revoked by their ids, never the token or its hash', async () => {
      const ws = await freshWorkspace();
      const tokensOf = (who: string) => `/v1/users/${userId(ws, who)}/tokens`;
      server.clock.set('2026-03-10T15:00:00Z');
      const issued = await server.api(token(ws, 'admin'), tokensOf('rep'), { method: 'POST', json: { name: 'Rep laptop', expiresInDays: 30 } });
      expect(issued.status).toBe(201);
      const secret = ((await issued.json()) as { token: string }).token;
      server.clock.set('2026-03-10T15:05:00Z');
      // The rep makes one for themself: they are the one named.
      const own = await server.api(token(ws, 'rep'), tokensOf('rep'), { method: 'POST', json: { name: 'Rep phone' } });
      const ownMade = (await own.json()) as { id: string; token: string };
      const ownSecret = ownMade.token;
      // One token revoked on its own, then the rest at once.
      server.clock.set('2026-03-10T15:07:00Z');
      expect((await server.api(token(ws, 'admin'), `${tokensOf('rep')}/${ownMade.id}`, { method: 'DELETE' })).status).toBe(204);
      // Revoking it again changes nothing, so it records nothing.
      expect((await server.api(token(ws, 'admin'), `${tokensOf('rep')}/${ownMade.id}`, { method: 'DELETE' })).status).toBe(204);
      server.clock.set('2026-03-10T15:10:00Z');
      expect((await server.api(token(ws, 'admin'), tokensOf('rep'), { method: 'DELETE' })).status).toBe(204);
      // Nothing left to revoke: not a change.
      expect((await server.api(token(ws, 'admin'), tokensOf('rep'), { method: 'DELETE' })).status).toBe(204);

      const log = await events(ws);
      const target = { kind: 'user', id: userId(ws, 'rep') };
      expect(log.map((e) => [e.action, e.actor.userId, e.at])).toEqual([
        ['token.revoke', userId(ws, 'admin'), '2026-03-10T15:10:00.000Z'],
        ['token.revoke', userId(ws, 'admin'), '2026-03-10T15:07:00.000Z'],
        ['token.create', userId(ws, 'rep'), '2026-03-10T15:05:00.000Z'],
        ['token.create', userId(ws, 'admin'), '2026-03-10T15:00:00.000Z'],
      ]);
      for (const e of log) expect(e.target).toEqual(target);
      const madeIds = log.filter((e) => e.action === 'token.create').map((e) => e.changes.tokenId!.after as string);
      for (const id of madeIds) expect(id).toMatch(/^tok_/);
      expect(log[3]!.changes).toEqual({
        tokenId: { before: null, after: madeIds[1] },
        name: { before: null, after: 'Rep laptop' },
        expiresAt: { before: null, after: '2026-04-09T15:00:00.000Z' },
      });
      expect(log[2]!.changes).toEqual({ tokenId: { before: null, after: ownMade.id }, name: { before: null, after: 'Rep phone' } });
      expect(log[1]!.changes).toEqual({ liveTokenIds: { before: [ownMade.id], after: [] } });
      // Then the harness's own token and the admin-made one were still live.
      const revoked = log[0]!.changes.liveTokenIds!;
      expect(revoked.after).toEqual([]);
      expect(revoked.before).toContain(madeIds[1]);
      expect(revoked.before).not.toContain(ownMade.id);
      expect(revoked.before).toHaveLength(2);

      const stored = await storedText();
      for (const plain of [secret, ownSecret, token(ws, 'rep')]) {
        expect(stored).not.toContain(plain);
        expect(stored).not.toContain(createHash('sha256').update(plain).digest('hex'));
      }
      expect(stored).not.toContain('lsk_');
    });

    it('records a tracking key rotation by key ids, never the key', async () => {
      const ws = await freshWorkspace();
      const rotate = () => server.api(token(ws, 'admin'), '/v1/tracking-key/rotate', { method: 'POST' });
      server.clock.set('2026-03-10T15:00:00Z');
      const first = (await (await rotate()).json()) as { keyId: string };
      server.clock.set('2026-03-11T15:00:00Z');
      const second = (await (await rotate()).json()) as { keyId: string; retired: { keyId: string } };
      expect(second.retired.keyId).toBe(first.keyId);
      expect((await server.api(token(ws, 'manager'), '/v1/tracking-key/rotate', { method: 'POST' })).status).toBe(403);

      const log = await events(ws, '&action=tracking_key');
      expect(log.map((e) => [e.action, e.actor.userId, e.at, e.target, e.changes])).toEqual([
        ['tracking_key.rotate', userId(ws, 'admin'), '2026-03-11T15:00:00.000Z', { kind: 'workspace', id: ws.id }, { signingKeyId: { before: first.keyId, after: second.keyId } }],
        ['tracking_key.rotate', userId(ws, 'admin'), '2026-03-10T15:00:00.000Z', { kind: 'workspace', id: ws.id }, { signingKeyId: { before: null, after: first.keyId } }],
      ]);
      const secrets = await server.store.db.select({ secret: trackingKeys.secret }).from(trackingKeys).where(eq(trackingKeys.workspaceId, ws.id));
      const stored = await storedText();
      for (const { secret } of secrets) expect(stored).not.toContain(secret);
    });

    it('records the content library: created, replaced (only what changed) and deleted', async () => {
      const ws = await freshWorkspace();
      server.clock.set('2026-03-10T15:00:00Z');
      const item = await createContent(ws, pricingGuide);
      server.clock.set('2026-03-10T15:30:00Z');
      const replacement = { ...pricingGuide, title: 'Pricing guide 2026', personas: [] };
      expect((await server.api(token(ws, 'admin'), `/v1/content/${item.id}`, { method: 'PUT', json: replacement })).status).toBe(200);
      // A stale version is refused, and leaves no event.
      const stale = await server.api(token(ws, 'marketing'), `/v1/content/${item.id}`, { method: 'PUT', json: { ...replacement, title: 'Old', version: item.version } });
      expect(stale.status).toBe(409);
      server.clock.set('2026-03-10T16:00:00Z');
      expect((await server.api(token(ws, 'marketing'), `/v1/content/${item.id}`, { method: 'DELETE' })).status).toBe(204);

      const target = { kind: 'content', id: item.id };
      const after = { ...pricingGuide, title: 'Pricing guide 2026', personas: [], assists: 0, archived: false };
      expect((await events(ws)).map(({ id: _id, ...e }) => e)).toEqual([
        {
          at: '2026-03-10T16:00:00.000Z',
          actor: actor(ws, 'marketing'),
          action: 'content.delete',
          target,
          changes: Object.fromEntries(Object.entries(after).map(([field, value]) => [field, { before: value, after: null }])),
        },
        {
          at: '2026-03-10T15:30:00.000Z',
          actor: actor(ws, 'admin'),
          action: 'content.update',
          target,
          changes: { title: { before: 'Pricing guide', after: 'Pricing guide 2026' }, personas: { before: ['cfo'], after: [] } },
        },
        {
          at: '2026-03-10T15:00:00.000Z',
          actor: actor(ws, 'marketing'),
          action: 'content.create',
          target,
          changes: Object.fromEntries(
            Object.entries({ ...pricingGuide, assists: 0, archived: false }).map(([field, value]) => [field, { before: null, after: value }]),
          ),
        },
      ]);
    });

    it('records who took a contact from whom, and who deleted it, without its personal data', async () => {
      const ws = await freshWorkspace();
      const lead = await createContact(ws, { email: 'ada@leadco.example', name: 'Ada Lead' });
      // Created and edited: not what the audit log is for.
      expect(await auditRowCount(ws)).toBe(0);
      server.clock.set('2026-03-10T15:00:00Z');
      const patch = (who: string, json: unknown) => server.api(token(ws, who), `/v1/contacts/${lead.id}`, { method: 'PATCH', json });
      expect((await patch('manager', { ownerId: userId(ws, 'rep') })).status).toBe(200);
      expect((await patch('manager', { ownerId: userId(ws, 'rep'), title: 'CTO' })).status).toBe(200);
      server.clock.set('2026-03-10T15:10:00Z');
      expect((await patch('admin', { ownerId: userId(ws, 'rep2') })).status).toBe(200);
      server.clock.set('2026-03-10T15:20:00Z');
      expect((await patch('manager', { ownerId: null })).status).toBe(200);
      server.clock.set('2026-03-10T15:30:00Z');
      expect((await server.api(token(ws, 'admin'), `/v1/contacts/${lead.id}`, { method: 'DELETE' })).status).toBe(204);

      const target = { kind: 'contact', id: lead.id };
      expect((await events(ws)).map(({ id: _id, ...e }) => e)).toEqual([
        { at: '2026-03-10T15:30:00.000Z', actor: actor(ws, 'admin'), action: 'contact.delete', target, changes: { deletedAt: { before: null, after: '2026-03-10T15:30:00.000Z' } } },
        { at: '2026-03-10T15:20:00.000Z', actor: actor(ws, 'manager'), action: 'contact.reassign', target, changes: { ownerId: { before: userId(ws, 'rep2'), after: null } } },
        {
          at: '2026-03-10T15:10:00.000Z',
          actor: actor(ws, 'admin'),
          action: 'contact.reassign',
          target,
          changes: { ownerId: { before: userId(ws, 'rep'), after: userId(ws, 'rep2') } },
        },
        { at: '2026-03-10T15:00:00.000Z', actor: actor(ws, 'manager'), action: 'contact.reassign', target, changes: { ownerId: { before: null, after: userId(ws, 'rep') } } },
      ]);
      expect(await storedText()).not.toContain('ada@leadco.example');
    });

    it('leaves no event behind when the change rolls back', async () => {
      const ws = await freshWorkspace();
      const lead = await createContact(ws, { email: 'bo@leadco.example' });
      const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, lead.id));
      const by = { kind: 'user' as const, userId: userId(ws, 'manager'), workspaceId: ws.id };
      await expect(
        writeInWorkspace(server.store.db, ws.id, async (tx) => {
          await reassignContact(tx, by, row!, userId(ws, 'rep'), server.clock.now());
          throw new Error('a later step of the same change failed');
        }),
      ).rejects.toThrow('a later step of the same change failed');
      expect(await auditRowCount(ws)).toBe(0);
      const [after] = await server.store.db.select().from(contacts).where(eq(contacts.id, lead.id));
      expect(after!.ownerId).toBeNull();
    });
  });

  describe('GET /v1/audit', () => {
    it('lets only admins read it', async () => {
      const ws = await freshWorkspace();
      for (const who of ['rep', 'manager', 'marketing']) {
        const res = await server.api(token(ws, who), '/v1/audit');
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: { code: 'forbidden', message: `only admin may do this; you are ${who}` } });
      }
      expect((await server.api(null, '/v1/audit')).status).toBe(401);
      expect(await page(ws)).toEqual({ events: [], more: false, next: null });
    });

    it("never shows one workspace's events to another's admin", async () => {
      const acme = await freshWorkspace();
      const globex = await freshWorkspace();
      const item = await createContent(acme, pricingGuide);
      await createContent(globex, { ...pricingGuide, title: 'Globex guide' });
      const theirs = await events(globex);
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.changes.title).toEqual({ before: null, after: 'Globex guide' });
      expect(await events(globex, `&targetId=${item.id}`)).toEqual([]);
      expect(await events(acme, `&targetId=${item.id}`)).toHaveLength(1);
    });

    it('pages newest first, stable when events share an instant, and filters by action and target', async () => {
      const ws = await freshWorkspace();
      server.clock.set('2026-03-10T15:00:00Z');
      const first = await createContent(ws, { ...pricingGuide, title: 'First' });
      // Five changes in the same instant: the id breaks the tie, in the same order on every page.
      server.clock.set('2026-03-10T16:00:00Z');
      const tied: ContentItem[] = [];
      for (let i = 0; i < 5; i++) tied.push(await createContent(ws, { ...pricingGuide, title: `Tied ${i}` }));
      server.clock.set('2026-03-10T17:00:00Z');
      expect((await server.api(token(ws, 'marketing'), `/v1/content/${first.id}`, { method: 'DELETE' })).status).toBe(204);

      const all = await events(ws);
      expect(all).toHaveLength(7);
      expect(all[0]!.action).toBe('content.delete');
      expect(all[6]!.target.id).toBe(first.id);
      const tiedIds = all.slice(1, 6).map((e) => e.id);
      expect(tiedIds).toEqual([...tiedIds].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

      const walked: string[] = [];
      let before: string | null = null;
      let pages = 0;
      do {
        const p: AuditPage = await page(ws, `?limit=2${before ? `&before=${before}` : ''}`);
        walked.push(...p.events.map((e) => e.id));
        expect(p.next === null).toBe(!p.more);
        before = p.next;
        pages++;
      } while (before);
      expect(pages).toBe(4);
      expect(walked).toEqual(all.map((e) => e.id));

      // A change made between pages never shifts the pages after the cursor.
      const firstPage = await page(ws, '?limit=3');
      server.clock.set('2026-03-10T18:00:00Z');
      await createContent(ws, { ...pricingGuide, title: 'Later' });
      const secondPage = await page(ws, `?limit=3&before=${firstPage.next}`);
      expect(secondPage.events.map((e) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id));

      expect((await events(ws, '&action=content.delete')).map((e) => e.target.id)).toEqual([first.id]);
      expect(await events(ws, '&action=content.create')).toHaveLength(7);
      expect(await events(ws, '&action=content')).toHaveLength(8);
      expect(await events(ws, '&action=user')).toEqual([]);
      expect((await events(ws, `&targetId=${first.id}`)).map((e) => e.action)).toEqual(['content.delete', 'content.create']);
      const filteredPage = await page(ws, `?limit=1&action=content.create&targetId=${tied[2]!.id}`);
      expect(filteredPage).toMatchObject({ more: false, next: null });
      expect(filteredPage.events.map((e) => e.target.id)).toEqual([tied[2]!.id]);
    });

    it('refuses a bad query with 400 naming each parameter', async () => {
      const ws = await freshWorkspace();
      const bad = async (query: string) => {
        const res = await server.api(token(ws, 'admin'), `/v1/audit?${query}`);
        expect(res.status).toBe(400);
        return ((await res.json()) as { error: { issues: unknown[] } }).error.issues;
      };
      expect(await bad('limit=0')).toEqual([{ path: 'limit', message: 'limit must be at least 1' }]);
      expect(await bad('limit=201')).toEqual([{ path: 'limit', message: 'limit must be at most 200' }]);
      expect(await bad('action=settings.delete')).toEqual([{ path: 'action', message: expect.stringMatching(/^must be an action such as settings\.update, or an area such as settings/) }]);
      expect(await bad('targetId=a%20b')).toEqual([{ path: 'targetId', message: 'may hold only letters, digits, "_" and "-"' }]);
      expect(await bad('before=bm90LWEtY3Vyc29y')).toEqual([{ path: 'before', message: 'must be the `next` cursor of an earlier page' }]);
      expect(await bad('actor=me')).toEqual([{ path: '', message: 'Unrecognized key: "actor"' }]);
    });
  });
});
