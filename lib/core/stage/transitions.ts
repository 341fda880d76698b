import type { LifecycleStage, Role } from '../model/vocabulary';

/**
 * Who is moving a contact, as the stage rules see it: the rep who works it (its owner, or anyone while nobody owns
 * it), a manager (or an admin, who may do what a manager does), or marketing.
 */
export type StageMover = 'owner' | 'manager' | 'marketing';

export interface StageTransition {
  to: LifecycleStage;
  by: readonly StageMover[];
  /** Recycling and disqualifying always say why, so marketing learns from it (docs/vocabulary.md § Lifecycle stages). */
  needsReason: boolean;
}

const move = (to: LifecycleStage, by: readonly StageMover[], needsReason = false): StageTransition => ({ to, by, needsReason });
const WORKERS = ['owner', 'manager'] as const;
const EVERYONE = ['owner', 'manager', 'marketing'] as const;
const MARKETING_SIDE = ['marketing', 'manager'] as const;

/**
 * The one table of lifecycle moves, for the panel (which offers only these) and the server (which refuses the rest).
 * Sales works a lead forward (accept, opportunity, won) or hands it back with a reason; marketing brings contacts in
 * and back into the funnel; a manager may do either, and correct a win.
 */
export const STAGE_TRANSITIONS: Readonly<Record<LifecycleStage, readonly StageTransition[]>> = {
  visitor: [move('lead', MARKETING_SIDE), move('disqualified', EVERYONE, true)],
  lead: [move('mql', MARKETING_SIDE), move('recycled', EVERYONE, true), move('disqualified', EVERYONE, true)],
  mql: [move('sql', WORKERS), move('recycled', EVERYONE, true), move('disqualified', EVERYONE, true)],
  sql: [move('opportunity', WORKERS), move('recycled', WORKERS, true), move('disqualified', WORKERS, true)],
  opportunity: [move('customer', WORKERS), move('recycled', WORKERS, true), move('disqualified', WORKERS, true)],
  customer: [move('opportunity', ['manager'])],
  // A recycled lead that comes back to life may be taken up again by its rep as well as by marketing.
  recycled: [move('lead', MARKETING_SIDE), move('mql', EVERYONE), move('disqualified', EVERYONE, true)],
  disqualified: [move('lead', MARKETING_SIDE)],
};

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
  const transition = STAGE_TRANSITIONS[from].find((t) => t.to === to);
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
