import { describe, expect, it } from 'vitest';
import { attributeSources, type AttributionContact, type ReadingActivity } from '../../../../lib/core/closed-loop';
import { AttributedContact, SourceFunnel } from '../../../../lib/core/model/closed-loop';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';

const LIBRARY = [
  { id: 'ct_guide', url: 'https://acme.example/guide', title: 'The guide' },
  { id: 'ct_case', url: 'https://acme.example/case', title: 'The case study' },
];
const PERIOD = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const t = (iso: string) => new Date(iso);

function contact(id: string, source: string | null, stage: LifecycleStage, changes: [LifecycleStage, string][], activities: ReadingActivity[] = []): AttributionContact {
  return { id, name: id.toUpperCase(), email: `${id}@x.example`, source, leadType: 'demo_request', stage, changes: changes.map(([to, at]) => ({ to, at: t(at) })), activities };
}
const download = (contentId: string, at: string, label: 'human' | 'machine' = 'human'): ReadingActivity => ({
  type: 'content_download',
  at,
  url: null,
  contentId,
  trust: { label, reason: label === 'human' ? 'seen on your website' : 'a scanner' },
});

describe('attributeSources', () => {
  it('takes the contacts that became leads in the period, half-open: at from in, at to out', () => {
    const out = attributeSources({
      contacts: [
        contact('at_from', 'website', 'lead', [['lead', '2026-03-01T00:00:00Z']]),
        contact('at_to', 'website', 'lead', [['lead', '2026-04-01T00:00:00Z']]),
        contact('before', 'website', 'mql', [['lead', '2026-02-27T00:00:00Z'], ['mql', '2026-03-05T00:00:00Z']]),
        // A visitor who never became a lead is in no cohort.
        contact('visitor', 'website', 'visitor', [['visitor', '2026-03-02T00:00:00Z']]),
      ],
      library: LIBRARY,
      period: PERIOD,
    });
    expect(out.total).toEqual({ source: null, leads: 1, mqls: 0, sqls: 0, opportunities: 0, customers: 0, rates: { leadToMql: 0, mqlToSql: null, sqlToOpportunity: null, opportunityToCustomer: null } });
  });

  it('counts how far each source got, with conversion from each step to the next', () => {
    const out = attributeSources({
      contacts: [
        contact('w1', 'website', 'customer', [['lead', '2026-03-02T00:00:00Z'], ['mql', '2026-03-03T00:00:00Z'], ['sql', '2026-03-04T00:00:00Z'], ['opportunity', '2026-03-10T00:00:00Z'], ['customer', '2026-03-20T00:00:00Z']]),
        // Recycled after SQL: it still reached sql.
        contact('w2', 'website', 'recycled', [['lead', '2026-03-02T00:00:00Z'], ['mql', '2026-03-03T00:00:00Z'], ['sql', '2026-03-04T00:00:00Z'], ['recycled', '2026-03-08T00:00:00Z']]),
        contact('w3', 'website', 'lead', [['lead', '2026-03-05T00:00:00Z']]),
        // Created as an MQL: it became a lead (and an MQL) then.
        contact('e1', 'event', 'mql', [['mql', '2026-03-06T00:00:00Z']]),
        // A win a manager undid: opportunity, not customer.
        contact('e2', 'event', 'opportunity', [['lead', '2026-03-06T00:00:00Z'], ['sql', '2026-03-07T00:00:00Z'], ['opportunity', '2026-03-08T00:00:00Z'], ['customer', '2026-03-09T00:00:00Z'], ['opportunity', '2026-03-09T01:00:00Z']]),
        contact('n1', null, 'disqualified', [['lead', '2026-03-07T00:00:00Z'], ['disqualified', '2026-03-08T00:00:00Z']]),
      ],
      library: LIBRARY,
      period: PERIOD,
    });
    for (const s of [...out.sources, out.total]) SourceFunnel.parse(s);
    expect(out.sources).toEqual([
      { source: 'website', leads: 3, mqls: 2, sqls: 2, opportunities: 1, customers: 1, rates: { leadToMql: 2 / 3, mqlToSql: 1, sqlToOpportunity: 0.5, opportunityToCustomer: 1 } },
      { source: 'event', leads: 2, mqls: 2, sqls: 1, opportunities: 1, customers: 0, rates: { leadToMql: 1, mqlToSql: 0.5, sqlToOpportunity: 1, opportunityToCustomer: 0 } },
      { source: null, leads: 1, mqls: 0, sqls: 0, opportunities: 0, customers: 0, rates: { leadToMql: 0, mqlToSql: null, sqlToOpportunity: null, opportunityToCustomer: null } },
    ]);
    expect(out.total).toEqual({ source: null, leads: 6, mqls: 4, sqls: 3, opportunities: 2, customers: 1, rates: { leadToMql: 4 / 6, mqlToSql: 3 / 4, sqlToOpportunity: 2 / 3, opportunityToCustomer: 1 / 2 } });
    expect(out.contacts.map((c) => [c.contactId, c.stage, c.furthest])).toEqual([
      ['w1', 'customer', 'customer'],
      ['w2', 'recycled', 'sql'],
      ['e2', 'opportunity', 'opportunity'],
    ]);
  });

  it('names the last item a person read before the first move to mql or beyond, never one read after or by a machine', () => {
    const out = attributeSources({
      contacts: [
        contact(
          'c1',
          'website',
          'sql',
          [['lead', '2026-03-02T00:00:00Z'], ['mql', '2026-03-10T00:00:00Z'], ['sql', '2026-03-12T00:00:00Z'], ['recycled', '2026-03-13T00:00:00Z'], ['mql', '2026-03-14T00:00:00Z'], ['sql', '2026-03-15T00:00:00Z']],
          [
            download('ct_guide', '2026-03-03T00:00:00Z'),
            download('ct_case', '2026-03-09T00:00:00Z'),
            download('ct_guide', '2026-03-09T12:00:00Z', 'machine'),
            download('ct_guide', '2026-03-10T00:00:00Z'),
          ],
        ),
        // Created as an SQL: its MQL is its creation, and nothing was read before it.
        contact('c2', 'referral', 'sql', [['sql', '2026-03-04T00:00:00Z']], [download('ct_guide', '2026-03-05T00:00:00Z')]),
      ],
      library: LIBRARY,
      period: PERIOD,
    });
    for (const c of out.contacts) AttributedContact.parse(c);
    expect(out.contacts).toEqual([
      {
        contactId: 'c1',
        name: 'C1',
        email: 'c1@x.example',
        stage: 'sql',
        furthest: 'sql',
        source: 'website',
        leadType: 'demo_request',
        becameLeadAt: '2026-03-02T00:00:00.000Z',
        mqlAt: '2026-03-10T00:00:00.000Z',
        lastContentBeforeMql: { contentId: 'ct_case', title: 'The case study', at: '2026-03-09T00:00:00.000Z' },
      },
      {
        contactId: 'c2',
        name: 'C2',
        email: 'c2@x.example',
        stage: 'sql',
        furthest: 'sql',
        source: 'referral',
        leadType: 'demo_request',
        becameLeadAt: '2026-03-04T00:00:00.000Z',
        mqlAt: '2026-03-04T00:00:00.000Z',
        lastContentBeforeMql: null,
      },
    ]);
  });

  it('orders sources with the same number of leads by name', () => {
    const out = attributeSources({
      contacts: [contact('b', 'partner', 'lead', [['lead', '2026-03-02T00:00:00Z']]), contact('a', 'event', 'lead', [['lead', '2026-03-03T00:00:00Z']])],
      library: LIBRARY,
      period: PERIOD,
    });
    expect(out.sources.map((s) => s.source)).toEqual(['event', 'partner']);
  });
});
