import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/core/model/content';
import { content, scopeExits } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const pricingGuide = {
  title: 'Pricing guide',
  url: 'https://acme.example/pricing-guide.pdf',
  kind: 'pricing',
  journeyStage: 'decision',
  topics: ['pricing', 'roi'],
  personas: ['cfo'],
};

describe.each(STORE_KINDS)('/v1/content on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let made = 0;

  const server = serverForSuite(kind, { now: '2026-03-10T15:00:00Z' });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);

  async function create(ws: TestWorkspace, body: Record<string, unknown>): Promise<ContentItem> {
    const res = await server.api(ws.users.marketing!.token, '/v1/content', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as ContentItem;
  }
  const titles = async (token: string, query = '') =>
    ((await (await server.api(token, `/v1/content${query}`)).json()).content as ContentItem[]).map((c) => c.title);

  it('lets marketing create, read, replace and delete an item', async () => {
    server.clock.set('2026-03-10T15:00:00Z');
    const created = await create(acme, pricingGuide);
    expect(created).toEqual({
      ...pricingGuide,
      id: created.id,
      assists: 0,
      archived: false,
      updatedAt: '2026-03-10T15:00:00.000Z',
      version: created.version,
    });
    expect(created.id).toMatch(/^ct_[A-Za-z0-9_-]{16}$/);
    expect(created.version).toBeGreaterThan(0);

    const read = await server.api(acme.users.marketing!.token, `/v1/content/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);

    server.clock.set('2026-03-11T09:30:00Z');
    const replacement = { ...pricingGuide, title: 'Pricing guide 2026', personas: [], kind: 'datasheet' };
    const put = await server.api(acme.users.marketing!.token, `/v1/content/${created.id}`, { method: 'PUT', json: replacement });
    expect(put.status).toBe(200);
    const replaced = (await put.json()) as ContentItem;
    expect(replaced).toEqual({ ...replacement, id: created.id, assists: 0, archived: false, updatedAt: '2026-03-11T09:30:00.000Z', version: replaced.version });
    expect(replaced.version).toBeGreaterThan(created.version);

    const del = await server.api(acme.users.marketing!.token, `/v1/content/${created.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    const gone = await server.api(acme.users.marketing!.token, `/v1/content/${created.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'not_found', message: `content ${created.id} not found` } });
  });

  it('lets every role read the library and only marketing and admins change it', async () => {
    const item = await create(acme, { ...pricingGuide, title: 'Roles check' });
    for (const who of ['rep', 'manager', 'marketing', 'admin']) {
      expect((await server.api(acme.users[who]!.token, '/v1/content')).status).toBe(200);
      expect((await server.api(acme.users[who]!.token, `/v1/content/${item.id}`)).status).toBe(200);
    }
    for (const who of ['rep', 'manager']) {
      const token = acme.users[who]!.token;
      const post = await server.api(token, '/v1/content', { method: 'POST', json: pricingGuide });
      expect(post.status).toBe(403);
      expect(await post.json()).toEqual({ error: { code: 'forbidden', message: `only marketing, admin may do this; you are ${who}` } });
      expect((await server.api(token, `/v1/content/${item.id}`, { method: 'PUT', json: pricingGuide })).status).toBe(403);
      expect((await server.api(token, `/v1/content/${item.id}`, { method: 'DELETE' })).status).toBe(403);
    }
    const byAdmin = await server.api(acme.users.admin!.token, '/v1/content', { method: 'POST', json: { ...pricingGuide, title: 'By the admin' } });
    expect(byAdmin.status).toBe(201);
    expect((await server.api(acme.users.rep!.token, `/v1/content/${item.id}`)).status).toBe(200);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['ftp:', 'ftp://acme.example/guide.pdf'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative', '/pricing-guide.pdf'],
  ])('refuses a %s URL with 400 on url', async (_what, url) => {
    const res = await server.api(acme.users.marketing!.token, '/v1/content', { method: 'POST', json: { ...pricingGuide, url } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toEqual([{ path: 'url', message: 'must be an http(s) URL' }]);
  });

  it('refuses unknown and server-owned fields, and missing ones, naming each', async () => {
    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ ...pricingGuide, colour: 'red' }, [{ path: '', message: 'Unrecognized key: "colour"' }]],
      [{ ...pricingGuide, id: 'mine', updatedAt: '2026-01-01T00:00:00Z' }, [{ path: '', message: 'Unrecognized keys: "id", "updatedAt"' }]],
      [
        { ...pricingGuide, title: ' ', journeyStage: 'purchase' },
        [
          { path: 'title', message: 'a title is required' },
          { path: 'journeyStage', message: 'must be one of awareness, consideration, decision' },
        ],
      ],
    ];
    for (const [body, issues] of cases) {
      const res = await server.api(acme.users.marketing!.token, '/v1/content', { method: 'POST', json: body });
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual(issues);
    }
    const item = await create(acme, { ...pricingGuide, title: 'Strict PUT' });
    const put = await server.api(acme.users.marketing!.token, `/v1/content/${item.id}`, { method: 'PUT', json: { ...pricingGuide, archive: true } });
    expect(put.status).toBe(400);
    expect((await put.json()).error.issues).toEqual([{ path: '', message: 'Unrecognized key: "archive"' }]);
    expect(await (await server.api(acme.users.marketing!.token, `/v1/content/${item.id}`)).json()).toEqual(item);
  });

  it("answers another workspace's item exactly like an unknown one, and leaves it alone", async () => {
    const item = await create(acme, { ...pricingGuide, title: 'Private to Acme' });
    const token = globex.users.marketing!.token;
    for (const id of [item.id, 'ct_doesnotexist']) {
      for (const init of [{}, { method: 'PUT', json: pricingGuide }, { method: 'DELETE' }]) {
        const res = await server.api(token, `/v1/content/${id}`, init);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: `content ${id} not found` } });
      }
    }
    // Something that cannot be an id (a NUL the database would refuse, a space, 65 characters) names nothing either.
    for (const id of ['%00', 'a%20b', 'x'.repeat(65)]) {
      const res = await server.api(token, `/v1/content/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'content not found' } });
    }
    expect(await titles(token, '?archived=true')).not.toContain('Private to Acme');
    expect(await (await server.api(acme.users.rep!.token, `/v1/content/${item.id}`)).json()).toEqual(item);
    const exits = await server.store.db.select().from(scopeExits).where(eq(scopeExits.objectId, item.id));
    expect(exits).toEqual([]);
  });

  it("records a delete as leaving everyone's scope, in the workspace, after the item's last version", async () => {
    server.clock.set('2026-03-12T08:00:00Z');
    const item = await create(acme, { ...pricingGuide, title: 'To be deleted' });
    expect((await server.api(acme.users.admin!.token, `/v1/content/${item.id}`, { method: 'DELETE' })).status).toBe(204);

    const exits = await server.store.db.select().from(scopeExits).where(eq(scopeExits.objectId, item.id));
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ workspaceId: acme.id, userId: null, kind: 'content', objectId: item.id });
    expect(exits[0]!.version).toBeGreaterThan(item.version);
    const [row] = await server.store.db.select().from(content).where(eq(content.id, item.id));
    expect(row!.deletedAt?.toISOString()).toBe('2026-03-12T08:00:00.000Z');

    expect((await server.api(acme.users.rep!.token, `/v1/content/${item.id}`)).status).toBe(404);
    expect(await titles(acme.users.rep!.token, '?archived=true')).not.toContain('To be deleted');
    // Deleting twice, or editing the deleted item, finds nothing and records nothing more.
    expect((await server.api(acme.users.admin!.token, `/v1/content/${item.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await server.api(acme.users.admin!.token, `/v1/content/${item.id}`, { method: 'PUT', json: pricingGuide })).status).toBe(404);
    expect(await server.store.db.select().from(scopeExits).where(eq(scopeExits.objectId, item.id))).toHaveLength(1);
  });

  it('lists archived items only when asked, by title', async () => {
    const ws = await makeWorkspace(server, `Library${++made}`);
    await create(ws, { ...pricingGuide, title: 'Webinar replay', kind: 'webinar', archived: true });
    await create(ws, { ...pricingGuide, title: 'Case study: Initech' });
    const archivedThenDeleted = await create(ws, { ...pricingGuide, title: 'Old brochure', archived: true });
    await create(ws, { ...pricingGuide, title: 'Buyer checklist' });
    await server.api(ws.users.marketing!.token, `/v1/content/${archivedThenDeleted.id}`, { method: 'DELETE' });

    const rep = ws.users.rep!.token;
    expect(await titles(rep)).toEqual(['Buyer checklist', 'Case study: Initech']);
    expect(await titles(rep, '?archived=false')).toEqual(['Buyer checklist', 'Case study: Initech']);
    expect(await titles(rep, '?archived=true')).toEqual(['Buyer checklist', 'Case study: Initech', 'Webinar replay']);

    const bad = await server.api(rep, '/v1/content?archived=yes');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'archived', message: 'must be true or false' }]);
    const unknown = await server.api(rep, '/v1/content?deleted=true');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.issues).toEqual([{ path: '', message: 'Unrecognized key: "deleted"' }]);
  });

  it('archives and unarchives through PUT, and an archived item stays readable by id', async () => {
    const item = await create(acme, { ...pricingGuide, title: 'Seasonal offer' });
    const archive = await server.api(acme.users.marketing!.token, `/v1/content/${item.id}`, { method: 'PUT', json: { ...pricingGuide, title: 'Seasonal offer', archived: true } });
    expect(archive.status).toBe(200);
    expect(await titles(acme.users.rep!.token)).not.toContain('Seasonal offer');
    const read = await server.api(acme.users.rep!.token, `/v1/content/${item.id}`);
    expect((await read.json()).archived).toBe(true);
    await server.api(acme.users.marketing!.token, `/v1/content/${item.id}`, { method: 'PUT', json: { ...pricingGuide, title: 'Seasonal offer' } });
    expect(await titles(acme.users.rep!.token)).toContain('Seasonal offer');
  });

  it('refuses with 409 to overwrite an edit made since the version the editor started from', async () => {
    const item = await create(acme, { ...pricingGuide, title: 'Two editors' });
    const first = await server.api(acme.users.marketing!.token, `/v1/content/${item.id}`, {
      method: 'PUT',
      json: { ...pricingGuide, title: 'Two editors (first)', version: item.version },
    });
    expect(first.status).toBe(200);
    const firstSaved = (await first.json()) as ContentItem;

    const second = await server.api(acme.users.admin!.token, `/v1/content/${item.id}`, {
      method: 'PUT',
      json: { ...pricingGuide, title: 'Two editors (second)', version: item.version },
    });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      error: {
        code: 'conflict',
        message: `content ${item.id} changed since version ${item.version} (it is at ${firstSaved.version}): reload it and edit again`,
      },
    });
    expect((await (await server.api(acme.users.rep!.token, `/v1/content/${item.id}`)).json()).title).toBe('Two editors (first)');
  });
});
