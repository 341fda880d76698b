import { describe, expect, it } from 'vitest';
import { recycledMoves, type HistoryEntry } from '../../../../lib/core/reports';

const PERIOD = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-15T00:00:00Z') };
const entry = (id: string, contactId: string, from: HistoryEntry['from'], to: HistoryEntry['to'], at: string, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  contactId,
  from,
  to,
  at: Date.parse(at),
  reason: null,
  reasonCode: null,
  reconstructed: false,
  ...over,
});

describe('recycledMoves', () => {
  it('came back means a later move to any stage but recycled or disqualified: a disqualification after a recycle is not', () => {
    const { moves } = recycledMoves({
      history: [
        entry('s1', 'c1', 'mql', 'recycled', '2026-03-02T10:00:00Z'),
        entry('s2', 'c1', 'recycled', 'disqualified', '2026-03-04T10:00:00Z'),
        entry('s3', 'c1', 'disqualified', 'lead', '2026-03-20T10:00:00Z'),
        entry('s4', 'c2', 'sql', 'recycled', '2026-03-03T10:00:00Z'),
        entry('s5', 'c2', 'recycled', 'disqualified', '2026-03-05T10:00:00Z'),
      ],
      period: PERIOD,
      kind: 'both',
    });
    expect(moves.map((m) => [m.entry.id, m.cameBack])).toEqual([
      ['s5', null],
      ['s2', { to: 'lead', at: Date.parse('2026-03-20T10:00:00Z') }],
      ['s4', null],
      ['s1', { to: 'lead', at: Date.parse('2026-03-20T10:00:00Z') }],
    ]);
  });

  it('orders moves sharing an instant by id, greatest first (the page cursor’s order), and skips reconstructed entries', () => {
    const at = '2026-03-05T10:00:00Z';
    const { moves, reasons } = recycledMoves({
      history: [
        entry('sc_a', 'c1', 'mql', 'recycled', at, { reasonCode: 'not_ready' }),
        entry('sc_b', 'c2', 'mql', 'recycled', at, { reasonCode: 'not_ready' }),
        entry('sc_c', 'c3', null, 'recycled', at, { reconstructed: true, reasonCode: 'no_budget' }),
      ],
      period: PERIOD,
      kind: 'recycled',
    });
    expect(moves.map((m) => m.entry.id)).toEqual(['sc_b', 'sc_a']);
    expect(reasons).toEqual([{ code: 'not_ready', text: null, count: 2 }]);
  });

  it('narrows by reason code, `-` for none, and ranks the reasons before narrowing', () => {
    const history = [
      entry('s1', 'c1', 'mql', 'recycled', '2026-03-02T10:00:00Z', { reasonCode: 'no_budget', reason: 'No budget yet' }),
      entry('s2', 'c2', 'mql', 'recycled', '2026-03-03T10:00:00Z', { reason: 'Ghosted us' }),
      entry('s3', 'c3', 'mql', 'disqualified', '2026-03-03T10:00:00Z', { reasonCode: 'competitor' }),
    ];
    const none = recycledMoves({ history, period: PERIOD, kind: 'recycled', reasonCode: '-' });
    expect(none.moves.map((m) => m.entry.id)).toEqual(['s2']);
    expect(none.reasons).toEqual([
      { code: 'no_budget', text: 'no budget yet', count: 1 },
      { code: null, text: 'ghosted us', count: 1 },
    ]);
    expect(recycledMoves({ history, period: PERIOD, kind: 'recycled', reasonCode: 'competitor' }).moves).toEqual([]);
  });
});
