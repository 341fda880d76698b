import { asc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../server/store/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../lib/core/time-units';
import { STORE_KINDS, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

const NOW = Date.parse('2027-03-10T15:00:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(NOW - days * DAY_MS + extraMs).toISOString();

describe.each(STORE_KINDS)('audit retention on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  beforeAll(async () => {
    // No retention given: the default, 365 days.
    server = await startTestServer(kind, { now: new Date(NOW).toISOString() });
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  afterAll(() => server?.close());

  async function changeAt(ws: TestWorkspace, at: string, title: string): Promise<void> {
    server.clock.set(at);
    const res = await server.api(ws.users.marketing!.token, '/v1/content', {
      method: 'POST',
      json: { title, url: 'https://acme.example/guide', journeyStage: 'awareness' },
    });
    expect(res.status).toBe(201);
  }
  const titlesLeft = async (ws: TestWorkspace): Promise<string[]> => {
    const rows = await server.store.db
      .select({ title: sql<string>`${auditEvents.changes}->'title'->>'after'` })
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, ws.id))
      .orderBy(asc(auditEvents.at));
    return rows.map((r) => r.title);
  };

  it('the scheduled prune removes events older than the retention, in every workspace, and keeps the rest', async () => {
    await changeAt(acme, daysAgo(400), 'a year and more');
    await changeAt(acme, daysAgo(365, -1), 'just over 365 days');
    await changeAt(acme, daysAgo(365), 'exactly 365 days');
    await changeAt(acme, daysAgo(364), 'inside the year');
    await changeAt(globex, daysAgo(366), 'globex, over a year');
    await changeAt(globex, daysAgo(1), 'globex, yesterday');

    server.clock.set(new Date(NOW).toISOString());
    await server.prune();
    expect(await titlesLeft(acme)).toEqual(['exactly 365 days', 'inside the year']);
    expect(await titlesLeft(globex)).toEqual(['globex, yesterday']);
    // Nothing else is older now: pruning again removes nothing.
    await server.prune();
    expect(await titlesLeft(acme)).toEqual(['exactly 365 days', 'inside the year']);
  });
});
