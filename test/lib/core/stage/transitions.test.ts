import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from '../../../../lib/core/model/vocabulary';
import { allowedMoves, moversFor, STAGE_TRANSITIONS, stageMoveRefusal, transitionOf } from '../../../../lib/core/stage/transitions';

const rep = moversFor('rep');
const manager = moversFor('manager');
const marketing = moversFor('marketing');

describe('the stage table', () => {
  it('has a row for every stage, never a move to the same stage, and a reason list for every way out', () => {
    expect(Object.keys(STAGE_TRANSITIONS).sort()).toEqual([...LIFECYCLE_STAGES].sort());
    for (const [from, moves] of Object.entries(STAGE_TRANSITIONS)) {
      for (const t of moves) {
        expect(t.to).not.toBe(from);
        expect(t.reasons !== null).toBe(t.to === 'recycled' || t.to === 'disqualified');
      }
    }
  });

  it('closes an opportunity as won (to customer) or lost (to recycled or disqualified, with a lost reason); nothing else has an outcome', () => {
    const closing = Object.entries(STAGE_TRANSITIONS).flatMap(([from, moves]) =>
      moves.filter((t) => t.outcome !== null).map((t) => [from, t.to, t.outcome, t.reasons]),
    );
    expect(closing).toEqual([
      ['opportunity', 'customer', 'won', null],
      ['opportunity', 'recycled', 'lost', 'lost'],
      ['opportunity', 'disqualified', 'lost', 'lost'],
    ]);
    expect(transitionOf('sql', 'recycled')).toEqual({ to: 'recycled', by: ['owner', 'manager'], reasons: 'recycle', outcome: null });
    expect(transitionOf('lead', 'disqualified')?.reasons).toBe('disqualify');
    expect(transitionOf('mql', 'customer')).toBeUndefined();
  });

  it.each([
    ['rep', 'mql', ['sql', 'recycled', 'disqualified']],
    ['rep', 'sql', ['opportunity', 'recycled', 'disqualified']],
    ['rep', 'opportunity', ['customer', 'recycled', 'disqualified']],
    ['rep', 'customer', []],
    ['rep', 'lead', ['recycled', 'disqualified']],
    ['rep', 'recycled', ['mql', 'disqualified']],
    ['rep', 'disqualified', []],
    ['manager', 'customer', ['opportunity']],
    ['manager', 'disqualified', ['lead']],
    ['marketing', 'lead', ['mql', 'recycled', 'disqualified']],
    ['marketing', 'mql', ['recycled', 'disqualified']],
    ['marketing', 'sql', []],
    ['marketing', 'recycled', ['lead', 'mql', 'disqualified']],
  ] as const)('a %s may move a contact from %s to %j', (role, from, to) => {
    expect(allowedMoves(from, moversFor(role)).map((t) => t.to)).toEqual(to);
  });

  it('an admin moves contacts as a manager does', () => {
    expect(moversFor('admin')).toEqual(moversFor('manager'));
  });

  it('says why a move is refused: not a move at all, or someone else’s to make', () => {
    expect(stageMoveRefusal('mql', 'sql', rep)).toBeNull();
    expect(stageMoveRefusal('mql', 'customer', rep)).toEqual({
      kind: 'no_such_move',
      message: 'a contact cannot go from mql to customer; from mql it can go to sql, recycled, disqualified',
    });
    expect(stageMoveRefusal('customer', 'recycled', manager)).toEqual({
      kind: 'no_such_move',
      message: 'a contact cannot go from customer to recycled; from customer it can go to opportunity',
    });
    expect(stageMoveRefusal('customer', 'opportunity', rep)).toEqual({
      kind: 'not_yours',
      message: 'moving a contact from customer to opportunity is for a manager',
    });
    expect(stageMoveRefusal('sql', 'opportunity', marketing)).toEqual({
      kind: 'not_yours',
      message: 'moving a contact from sql to opportunity is for the rep who owns it or a manager',
    });
  });
});
