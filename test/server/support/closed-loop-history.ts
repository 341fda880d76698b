import { expect } from 'vitest';
import type { ContentItem } from '../../../lib/core/model/content';
import type { Contact } from '../../../lib/core/model/contact';
import type { MutationResult } from '../../../lib/core/model/mutations';
import type { TrustLabel } from '../../../lib/core/model/vocabulary';
import { activities } from '../../../server/store/schema';
import type { TestServer, TestWorkspace } from '../harness';

/**
 * A hand-built closed loop (docs/vocabulary.md § Stage history and closed loop), every figure of which the tests
 * work out by hand. Contacts come in over POST /v1/contacts, move through POST /v1/mutations at the instants below,
 * and their reading is recorded as activity rows (human, proxy and machine). The library:
 *
 *   guide    https://loop.example/resources/guide        webinar  https://loop.example/resources/webinar
 *   case     https://loop.example/resources/case-study   pricing  https://loop.example/pricing
 *
 * | who  | source      | lead type        | created          | moves                                                   | reads |
 * |------|-------------|------------------|------------------|---------------------------------------------------------|-------|
 * | finn | website     | demo_request     | lead 02-20       | mql 02-21, sql 02-22, opp 02-25, won 03-03              | pricing page 02-21 (human) |
 * | ana  | website     | content_download | lead 03-02 10:00 | mql 03-06, sql 03-07, opp 03-10, won 03-20              | guide 03-02 10:00 (human download), pricing 03-05 (human view, a campaign link), webinar 03-25 (after the win) |
 * | ben  | event       | event            | mql 03-03        | sql 03-08, opp 03-12, won 03-22                          | webinar 2025-08-01 (human, outside 180 days), case 03-04 (proxy click), case 03-04 + guide 03-05 (machine) |
 * | cleo | website     | demo_request     | lead 03-04       | mql 03-06, sql 03-09, opp 03-11, won 03-15, undone by the manager 03-16 | case 03-05 (human download) |
 * | dev  | paid_search | trial            | lead 03-05       | mql 03-07, sql 03-09, recycled 03-12 ("went quiet")     | guide 03-06 (human download) |
 * | eve  | paid_search | demo_request     | lead 03-06       | mql 03-07, disqualified 03-08 ("student project")       | — |
 * | gus  | referral    | referral         | lead 03-10       | —                                                       | — |
 *
 * A manager makes the MQLs (marketing may not work a lead a rep owns); each owner (rep: finn, ana, cleo, dev; rep2: ben, eve, gus) accepts, advances and wins.
 */
export const LOOP_LIBRARY = {
  guide: { title: 'The Lead Response Guide', url: 'https://loop.example/resources/guide', kind: 'ebook', journeyStage: 'awareness' },
  case: { title: 'Case study: Fernhill', url: 'https://loop.example/resources/case-study', kind: 'case_study', journeyStage: 'decision' },
  pricing: { title: 'Pricing', url: 'https://loop.example/pricing', kind: 'pricing', journeyStage: 'decision' },
  webinar: { title: 'Webinar: SLAs that stick', url: 'https://loop.example/resources/webinar', kind: 'webinar', journeyStage: 'consideration' },
} as const;
export type LoopItem = keyof typeof LOOP_LIBRARY;

type Who = 'finn' | 'ana' | 'ben' | 'cleo' | 'dev' | 'eve' | 'gus';
const PEOPLE: Record<Who, { source: string; leadType: string; stage: 'lead' | 'mql'; at: string; owner: 'rep' | 'rep2' }> = {
  finn: { source: 'website', leadType: 'demo_request', stage: 'lead', at: '2026-02-20T15:00:00Z', owner: 'rep' },
  ana: { source: 'website', leadType: 'content_download', stage: 'lead', at: '2026-03-02T10:00:00Z', owner: 'rep' },
  ben: { source: 'event', leadType: 'event', stage: 'mql', at: '2026-03-03T15:00:00Z', owner: 'rep2' },
  cleo: { source: 'website', leadType: 'demo_request', stage: 'lead', at: '2026-03-04T15:00:00Z', owner: 'rep' },
  dev: { source: 'paid_search', leadType: 'trial', stage: 'lead', at: '2026-03-05T15:00:00Z', owner: 'rep' },
  eve: { source: 'paid_search', leadType: 'demo_request', stage: 'lead', at: '2026-03-06T15:00:00Z', owner: 'rep2' },
  gus: { source: 'referral', leadType: 'referral', stage: 'lead', at: '2026-03-10T15:00:00Z', owner: 'rep2' },
};

/** What each person read, and how it was recorded. */
const READING: { who: Who; item: LoopItem; type: 'content_download' | 'page_view' | 'email_click'; at: string; trust: TrustLabel; url?: string }[] = [
  { who: 'finn', item: 'pricing', type: 'page_view', at: '2026-02-21T10:00:00Z', trust: 'human' },
  { who: 'ana', item: 'guide', type: 'content_download', at: '2026-03-02T10:00:00Z', trust: 'human' },
  { who: 'ana', item: 'pricing', type: 'page_view', at: '2026-03-05T16:00:00Z', trust: 'human', url: 'https://loop.example/pricing/?utm_source=newsletter' },
  { who: 'ana', item: 'webinar', type: 'content_download', at: '2026-03-25T16:00:00Z', trust: 'human' },
  { who: 'ben', item: 'webinar', type: 'page_view', at: '2025-08-01T16:00:00Z', trust: 'human' },
  { who: 'ben', item: 'case', type: 'email_click', at: '2026-03-04T16:00:00Z', trust: 'proxy' },
  { who: 'ben', item: 'case', type: 'email_click', at: '2026-03-04T16:00:01Z', trust: 'machine' },
  { who: 'ben', item: 'guide', type: 'content_download', at: '2026-03-05T16:00:00Z', trust: 'machine' },
  { who: 'cleo', item: 'case', type: 'content_download', at: '2026-03-05T16:00:00Z', trust: 'human' },
  { who: 'dev', item: 'guide', type: 'content_download', at: '2026-03-06T16:00:00Z', trust: 'human' },
];

type Move = { at: string; who: Who; by: 'rep' | 'rep2' | 'manager' | 'marketing'; from: string; to: string; reason?: string; recycle?: true };
/** Every stage move, in time order. */
export const LOOP_MOVES: Move[] = [
  { at: '2026-02-21T15:00:00Z', who: 'finn', by: 'manager', from: 'lead', to: 'mql' },
  { at: '2026-02-22T15:00:00Z', who: 'finn', by: 'rep', from: 'mql', to: 'sql' },
  { at: '2026-02-25T15:00:00Z', who: 'finn', by: 'rep', from: 'sql', to: 'opportunity' },
  { at: '2026-03-03T15:00:00Z', who: 'finn', by: 'rep', from: 'opportunity', to: 'customer' },
  { at: '2026-03-06T15:00:00Z', who: 'ana', by: 'manager', from: 'lead', to: 'mql' },
  { at: '2026-03-06T15:30:00Z', who: 'cleo', by: 'manager', from: 'lead', to: 'mql' },
  { at: '2026-03-07T15:00:00Z', who: 'ana', by: 'rep', from: 'mql', to: 'sql' },
  { at: '2026-03-07T15:30:00Z', who: 'dev', by: 'manager', from: 'lead', to: 'mql' },
  { at: '2026-03-07T16:00:00Z', who: 'eve', by: 'manager', from: 'lead', to: 'mql' },
  { at: '2026-03-08T15:00:00Z', who: 'ben', by: 'rep2', from: 'mql', to: 'sql' },
  { at: '2026-03-08T16:00:00Z', who: 'eve', by: 'rep2', from: 'mql', to: 'disqualified', reason: 'student project' },
  { at: '2026-03-09T15:00:00Z', who: 'cleo', by: 'rep', from: 'mql', to: 'sql' },
  { at: '2026-03-09T16:00:00Z', who: 'dev', by: 'rep', from: 'mql', to: 'sql' },
  { at: '2026-03-10T15:00:00Z', who: 'ana', by: 'rep', from: 'sql', to: 'opportunity' },
  { at: '2026-03-11T15:00:00Z', who: 'cleo', by: 'rep', from: 'sql', to: 'opportunity' },
  { at: '2026-03-12T15:00:00Z', who: 'ben', by: 'rep2', from: 'sql', to: 'opportunity' },
  { at: '2026-03-12T16:00:00Z', who: 'dev', by: 'rep', from: 'sql', to: 'recycled', reason: 'went quiet', recycle: true },
  { at: '2026-03-15T15:00:00Z', who: 'cleo', by: 'rep', from: 'opportunity', to: 'customer' },
  { at: '2026-03-16T15:00:00Z', who: 'cleo', by: 'manager', from: 'customer', to: 'opportunity' },
  { at: '2026-03-20T15:00:00Z', who: 'ana', by: 'rep', from: 'opportunity', to: 'customer' },
  { at: '2026-03-22T15:00:00Z', who: 'ben', by: 'rep2', from: 'opportunity', to: 'customer' },
];

export interface LoopHistory {
  contactIds: Record<Who, string>;
  contentIds: Record<LoopItem, string>;
  /** Plays the moves (and creates the contacts) up to and including `until`, in time order, with the clock at each. */
  playUntil(until: string): Promise<void>;
  /** Every item's assists as GET /v1/content reports them, and the versions the items are at. */
  assists(): Promise<Record<LoopItem, number>>;
  versions(): Promise<Record<LoopItem, number>>;
}

export async function buildLoopHistory(server: TestServer, ws: TestWorkspace): Promise<LoopHistory> {
  const token = (who: string) => ws.users[who]!.token;
  server.clock.set('2026-01-05T15:00:00Z');
  const contentIds = {} as Record<LoopItem, string>;
  for (const [key, item] of Object.entries(LOOP_LIBRARY) as [LoopItem, (typeof LOOP_LIBRARY)[LoopItem]][]) {
    const res = await server.api(token('marketing'), '/v1/content', { method: 'POST', json: item });
    expect(res.status).toBe(201);
    contentIds[key] = ((await res.json()) as ContentItem).id;
  }

  const contactIds = {} as Record<Who, string>;
  const pending = [
    ...(Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]).map(([who, p]) => ({ at: p.at, run: () => create(who, p) })),
    ...LOOP_MOVES.map((m) => ({ at: m.at, run: () => move(m) })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let mutation = 0;

  async function create(who: Who, p: (typeof PEOPLE)[Who]): Promise<void> {
    const res = await server.api(token('manager'), '/v1/contacts', {
      method: 'POST',
      json: { email: `${who}@buyer.example`, name: who, stage: p.stage, source: p.source, leadType: p.leadType, ownerId: ws.users[p.owner]!.id },
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as Contact).id;
    contactIds[who] = id;
    const reads = READING.filter((r) => r.who === who);
    if (reads.length === 0) return;
    await server.store.db.insert(activities).values(
      reads.map((r, i) => ({
        id: `act_${who}_${i}`,
        workspaceId: ws.id,
        contactId: id,
        type: r.type,
        at: new Date(r.at),
        url: r.url ?? LOOP_LIBRARY[r.item].url,
        title: LOOP_LIBRARY[r.item].title,
        // A page view names only its URL; a download and a tracked click name the item too.
        contentId: r.type === 'page_view' ? null : contentIds[r.item],
        trustLabel: r.trust,
        trustReason: r.trust === 'machine' ? 'clicked within 1 s: a link scanner' : r.trust === 'proxy' ? "through Gmail's image proxy" : 'seen on your website',
      })),
    );
  }

  async function move(m: Move): Promise<void> {
    const id = `m_loop_${++mutation}`;
    const body = m.recycle
      ? { id, type: 'contact.recycle', at: m.at, contactId: contactIds[m.who], reason: m.reason }
      : { id, type: 'contact.stage', at: m.at, contactId: contactIds[m.who], from: m.from, to: m.to, ...(m.reason ? { reason: m.reason } : {}) };
    const res = await server.api(token(m.by), '/v1/mutations', { method: 'POST', json: { mutations: [body] } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: MutationResult[] }).results).toEqual([{ id, status: 'applied' }]);
  }

  const library = async () => {
    const res = await server.api(token('rep'), '/v1/content');
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { content: ContentItem[] }).content;
    return (key: LoopItem) => items.find((c) => c.id === contentIds[key])!;
  };
  const perItem = async (pick: (c: ContentItem) => number) => {
    const of = await library();
    return Object.fromEntries((Object.keys(LOOP_LIBRARY) as LoopItem[]).map((k) => [k, pick(of(k))])) as Record<LoopItem, number>;
  };

  return {
    contactIds,
    contentIds,
    async playUntil(until) {
      while (pending.length > 0 && Date.parse(pending[0]!.at) <= Date.parse(until)) {
        const next = pending.shift()!;
        server.clock.set(next.at);
        await next.run();
      }
    },
    assists: () => perItem((c) => c.assists),
    versions: () => perItem((c) => c.version),
  };
}
