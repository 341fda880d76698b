import type { ReasonListName, StageOutcome } from '../model/outcomes';
import type { LifecycleStage, Role } from '../model/vocabulary';

/**
 * Who is moving a contact, as the stage rules see it: the rep who works it (its owner, or anyone while nobody owns
 * it), a manager (or an admin, who may do what a manager does), or marketing.
 */
export type StageMover = 'owner' | 'manager' | 'marketing';

export type { StageOutcome };

export interface StageTransition {
  to: LifecycleStage;
  by: readonly StageMover[];
  /**
   * The workspace's reason list the move takes its reason from, or null for a move that needs none. Recycling,
   * disqualifying and losing always say why, so marketing learns from it (docs/vocabulary.md § Won, lost and reasons).
   */
  reasons: ReasonListName | null;
  outcome: StageOutcome | null;
}

const move = (to: LifecycleStage, by: readonly StageMover[]): StageTransition => ({ to, by, reasons: null, outcome: null });
const recycle = (by: readonly StageMover[]): StageTransition => ({ to: 'recycled', by, reasons: 'recycle', outcome: null });
const disqualify = (by: readonly StageMover[]): StageTransition => ({ to: 'disqualified', by, reasons: 'disqualify', outcome: null });
const WORKERS = ['owner', 'manager'] as const;
const EVERYONE = ['owner', 'manager', 'marketing'] as const;
const MARKETING_SIDE = ['marketing', 'manager'] as const;

/**
 * The one table of lifecycle moves, for the panel (which offers only these) and the server (which refuses the rest).
 * Sales works a lead forward (accept, opportunity, won) or hands it back with a reason; an opportunity that does not
 * close is lost, back to nurture or for good; marketing brings contacts in and back into the funnel; a manager may do
 * either, and correct a win.
 */
export const STAGE_TRANSITIONS: Readonly<Record<LifecycleStage, readonly StageTransition[]>> = {
  visitor: [move('lead', MARKETING_SIDE), disqualify(EVERYONE)],
  lead: [move('mql', MARKETING_SIDE), recycle(EVERYONE), disqualify(EVERYONE)],
  mql: [move('sql', WORKERS), recycle(EVERYONE), disqualify(EVERYONE)],
  sql: [move('opportunity', WORKERS), recycle(WORKERS), disqualify(WORKERS)],
  opportunity: [
    { to: 'customer', by: WORKERS, reasons: null, outcome: 'won' },
    { to: 'recycled', by: WORKERS, reasons: 'lost', outcome: 'lost' },
    { to: 'disqualified', by: WORKERS, reasons: 'lost', outcome: 'lost' },
  ],
  customer: [move('opportunity', ['manager'])],
  // A recycled lead that comes back to life may be taken up again by its rep as well as by marketing.
  recycled: [move('lead', MARKETING_SIDE), move('mql', EVERYONE), disqualify(EVERYONE)],
  disqualified: [move('lead', MARKETING_SIDE)],
};

/** The table's row for a move, or undefined when the funnel has no such move. */
export function transitionOf(from: LifecycleStage, to: LifecycleStage): StageTransition | undefined {
  return STAGE_TRANSITIONS[from].find((t) => t.to === to);
}

/**
 * The movers a user counts as, for a contact they may work (the access rule, checked first, keeps a rep to their own
 * leads and unowned ones).
 */
export function moversFor(role: Role): StageMover[] {
  switch (role) {
    case 'admin':
    case 'manager':
      return ['manager', 'owner'];
    case 'marketing':
      return ['marketing'];
    case 'rep':
      return ['owner'];
  }
}

/** The moves these movers may make from a stage, in the table's order. */
export function allowedMoves(from: LifecycleStage, movers: readonly StageMover[]): StageTransition[] {
  return STAGE_TRANSITIONS[from].filter((t) => t.by.some((m) => movers.includes(m)));
}

/** A refused move: not a move the funnel has at all, or one that is someone else's to make. */
export interface StageMoveRefusal {
  kind: 'no_such_move' | 'not_yours';
  message: string;
}

/** Why a move is refused, in words for the person who tried; null when it is allowed. */
export function stageMoveRefusal(from: LifecycleStage, to: LifecycleStage, movers: readonly StageMover[]): StageMoveRefusal | null {
  const transition = transitionOf(from, to);
  if (!transition) {
    const possible = STAGE_TRANSITIONS[from].map((t) => t.to).join(', ');
    return { kind: 'no_such_move', message: `a contact cannot go from ${from} to ${to}; from ${from} it can go to ${possible}` };
  }
  if (!transition.by.some((m) => movers.includes(m))) {
    return { kind: 'not_yours', message: `moving a contact from ${from} to ${to} is for ${transition.by.map(moverName).join(' or ')}` };
  }
  return null;
}

function moverName(mover: StageMover): string {
  return mover === 'owner' ? 'the rep who owns it' : mover === 'manager' ? 'a manager' : 'marketing';
}
