import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedSuggestion, SuggestionPage } from '../../lib/core/model/contact-requests';
import { contacts, scopeEntries, suggestedLeads } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

describe.each(STORE_KINDS)('suggested leads on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const token = (ws: TestWorkspace, who: string) => ws.users[who]!.token;
  const userId = (ws: TestWorkspace, who: string) => ws.users[who]!.id;

  type Extra = Partial<typeof suggestedLeads.$inferInsert>;
  async function suggest(ws: TestWorkspace, who: string, id: string, email: string, at: string, extra: Extra = {}) {
    const suggestedBy = userId(ws, who);
    await server.store.db.insert(suggestedLeads).values({ id, workspaceId: ws.id, email, suggestedBy, suggestedAt: new Date(at), ...extra });
  }
  const review = (who: string, id: string, action: 'accept' | 'reject', json: unknown, ws = acme) =>
    server.api(token(ws, who), `/v1/suggestions/${id}/${action}`, { method: 'POST', json });
  const contactsWithEmail = (email: string) => server.store.db.select().from(contacts).where(eq(contacts.email, email));
  const stored = async (id: string) => (await server.store.db.select().from(suggestedLeads).where(eq(suggestedLeads.id, id)))[0];

  const server = serverForSuite(kind, { now: '2026-02-02T15:00:00Z' });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    await suggest(acme, 'rep', 's_old', 'olga@prospect.example', '2026-01-30T10:00:00Z', { name: 'Olga', company: 'Prospect', title: 'CTO' });
    await suggest(acme, 'rep2', 's_b', 'bea@prospect.example', '2026-02-01T10:00:00Z', {
      note: 'met at the fair',
      seenOn: 'https://mail.example/thread/1',
    });
    await suggest(acme, 'rep', 's_a', 'abe@prospect.example', '2026-02-01T10:00:00Z');
    await suggest(acme, 'manager', 's_mgr', 'max@prospect.example', '2026-01-29T10:00:00Z');
    await suggest(acme, 'rep', 's_done', 'dora@prospect.example', '2026-01-28T10:00:00Z', {
      status: 'rejected',
      reviewedBy: userId(acme, 'manager'),
      reviewedAt: new Date('2026-01-29T09:00:00Z'),
    });
    await suggest(globex, 'rep', 's_globex', 'gus@prospect.example', '2026-02-01T11:00:00Z');
  }, 60_000);

  it('lists pending suggestions newest first with who suggested them, for marketing', async () => {
    const res = await server.api(token(acme, 'marketing'), '/v1/suggestions?status=pending');
    expect(res.status).toBe(200);
    const page = (await res.json()) as SuggestionPage;
    // s_b and s_a share an instant: the greater id first.
    expect(page.suggestions.map((s) => s.id)).toEqual(['s_b', 's_a', 's_old', 's_mgr']);
    expect(page.more).toBe(false);
    expect(page.suggestions[0]).toEqual({
      id: 's_b',
      email: 'bea@prospect.example',
      name: null,
      company: null,
      title: null,
      note: 'met at the fair',
      seenOn: 'https://mail.example/thread/1',
      suggestedBy: { id: userId(acme, 'rep2'), name: 'Acme rep2', email: 'rep2@acme.example' },
      suggestedAt: '2026-02-01T10:00:00.000Z',
      status: 'pending',
      reviewedBy: null,
      reviewedAt: null,
      reviewReason: null,
      contactId: null,
    });
  });

  it('pages with a cursor, and filters by status', async () => {
    const first = (await (await server.api(token(acme, 'manager'), '/v1/suggestions?limit=3')).json()) as SuggestionPage;
    expect(first.suggestions.map((s) => s.id)).toEqual(['s_b', 's_a', 's_old']);
    expect(first.more).toBe(true);
    const second = (await (await server.api(token(acme, 'manager'), `/v1/suggestions?limit=3&before=${first.next}`)).json()) as SuggestionPage;
    expect(second).toMatchObject({ more: false, next: null });
    expect(second.suggestions.map((s) => s.id)).toEqual(['s_mgr']);
    const rejected = (await (await server.api(token(acme, 'admin'), '/v1/suggestions?status=rejected')).json()) as SuggestionPage;
    expect(rejected.suggestions.map((s) => s.id)).toEqual(['s_done']);
    const bad = await server.api(token(acme, 'admin'), '/v1/suggestions?status=maybe');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'status', message: 'must be one of pending, accepted, rejected' }]);
  });

  it('refuses reps with 403, to list and to review', async () => {
    expect((await server.api(token(acme, 'rep'), '/v1/suggestions')).status).toBe(403);
    const accept = await review('rep', 's_a', 'accept', {});
    expect(accept.status).toBe(403);
    expect((await accept.json()).error.message).toBe('only manager, marketing, admin may do this; you are rep');
    expect((await stored('s_a'))?.status).toBe('pending');
  });

  it('accepts: exactly one contact, owned by the rep who suggested it, and the suggestion points at it', async () => {
    server.clock.set('2026-02-02T16:00:00Z');
    const res = await review('manager', 's_old', 'accept', {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as AcceptedSuggestion;
    expect(body.contact).toMatchObject({
      email: 'olga@prospect.example',
      name: 'Olga',
      company: 'Prospect',
      title: 'CTO',
      stage: 'lead',
      source: 'rep_suggestion',
      leadType: null,
      ownerId: userId(acme, 'rep'),
      assignedAt: '2026-02-02T16:00:00.000Z',
    });
    expect(body.suggestion).toMatchObject({
      id: 's_old',
      status: 'accepted',
      contactId: body.contact.id,
      reviewedBy: userId(acme, 'manager'),
      reviewedAt: '2026-02-02T16:00:00.000Z',
    });
    const rows = await contactsWithEmail('olga@prospect.example');
    expect(rows.map((r) => r.id)).toEqual([body.contact.id]);
    const scope = await server.store.db.select().from(scopeEntries).where(eq(scopeEntries.contactId, body.contact.id));
    expect(scope.map((s) => s.userId)).toEqual([userId(acme, 'rep')]);
    expect(await stored('s_old')).toMatchObject({ status: 'accepted', contactId: body.contact.id });
  });

  it('answers a second accept, or a reject after it, with 409 and makes nothing more', async () => {
    const again = await review('admin', 's_old', 'accept', {});
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: 'conflict', message: 'suggestion s_old was already accepted' } });
    expect((await review('admin', 's_old', 'reject', { reason: 'changed my mind' })).status).toBe(409);
    expect(await contactsWithEmail('olga@prospect.example')).toHaveLength(1);
  });

  it('accepts with another owner, stage and lead type', async () => {
    const res = await review('marketing', 's_a', 'accept', { ownerId: userId(acme, 'rep2'), stage: 'mql', leadType: 'event' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as AcceptedSuggestion).contact).toMatchObject({ ownerId: userId(acme, 'rep2'), stage: 'mql', leadType: 'event' });
  });

  it('leaves a manager’s own suggestion unassigned unless told', async () => {
    const res = await review('admin', 's_mgr', 'accept', {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as AcceptedSuggestion).contact).toMatchObject({ ownerId: null, assignedAt: null });
  });

  it.each<[string, () => Record<string, unknown>, string, () => string]>([
    [
      'an owner who cannot own leads',
      () => ({ ownerId: userId(acme, 'marketing') }),
      'ownerId',
      () => `${userId(acme, 'marketing')} is not an active rep or manager of this workspace`,
    ],
    ['a stage beyond mql', () => ({ stage: 'sql' }), 'stage', () => 'must be one of lead, mql'],
    ['an unknown field', () => ({ priority: 'high' }), '', () => 'Unrecognized key: "priority"'],
  ])('refuses to accept with %s: 400 and it stays pending', async (_what, json, path, message) => {
    const res = await review('manager', 's_b', 'accept', json());
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toEqual([{ path, message: message() }]);
    expect((await stored('s_b'))?.status).toBe('pending');
    expect(await contactsWithEmail('bea@prospect.example')).toHaveLength(0);
  });

  it('answers 409 with the contact’s id when the address became a contact meanwhile', async () => {
    const created = await server.api(token(acme, 'manager'), '/v1/contacts', { method: 'POST', json: { email: 'bea@prospect.example' } });
    const { id } = (await created.json()) as { id: string };
    const res = await review('manager', 's_b', 'accept', {});
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'conflict', contactId: id });
    expect((await stored('s_b'))?.status).toBe('pending');
  });

  it('rejects with a reason, and wants one', async () => {
    server.clock.set('2026-02-02T17:00:00Z');
    const noReason = await review('marketing', 's_b', 'reject', {});
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.issues).toEqual([{ path: 'reason', message: 'Invalid input: expected string, received undefined' }]);
    const nul = await review('marketing', 's_b', 'reject', { reason: 'dupe\u0000' });
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.issues).toEqual([{ path: 'reason', message: 'must not contain the NUL character' }]);
    const res = await review('marketing', 's_b', 'reject', { reason: '  already a contact  ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      reason: 'already a contact',
      suggestion: {
        id: 's_b',
        status: 'rejected',
        reviewedBy: userId(acme, 'marketing'),
        reviewedAt: '2026-02-02T17:00:00.000Z',
        reviewReason: 'already a contact',
        contactId: null,
      },
    });
    expect(await stored('s_b')).toMatchObject({ status: 'rejected', reviewedBy: userId(acme, 'marketing'), reviewReason: 'already a contact' });
  });

  it('answers another workspace’s suggestion exactly like an unknown one: 404', async () => {
    for (const action of ['accept', 'reject'] as const) {
      const res = await review('manager', 's_globex', action, action === 'reject' ? { reason: 'not ours' } : {});
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'suggestion s_globex not found' } });
    }
    expect((await review('manager', 's_nope', 'accept', {})).status).toBe(404);
    expect((await review('manager', 's%00', 'accept', {})).status).toBe(404);
    expect((await stored('s_globex'))?.status).toBe('pending');
    const theirs = (await (await server.api(token(globex, 'manager'), '/v1/suggestions')).json()) as SuggestionPage;
    expect(theirs.suggestions.map((s) => s.id)).toEqual(['s_globex']);
  });
});
