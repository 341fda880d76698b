import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import type { StageActor } from '../domain/contacts/stage-history';
import { hours, minutes } from './clock';
import type { ContactHistory } from './history';
import { teamMember } from './people';
import type { RosterEntry } from './roster';

/** One move of a demo contact through the funnel, as a writer of its stage would record it. */
export interface SeedMove {
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: Date;
  by: StageActor;
  reason: string | null;
}

const STEPS_TO: Record<LifecycleStage, LifecycleStage[]> = {
  visitor: ['visitor'],
  lead: ['lead'],
  mql: ['lead', 'mql'],
  sql: ['lead', 'mql', 'sql'],
  opportunity: ['lead', 'mql', 'sql', 'opportunity'],
  customer: ['lead', 'mql', 'sql', 'opportunity', 'customer'],
  recycled: ['lead', 'mql', 'recycled'],
  disqualified: ['lead', 'mql', 'disqualified'],
};

/**
 * How a demo contact got to its stage, timed by its history: it became known (a form fill is the server's move, an
 * event or a referral an import), marketing made it an MQL when it was routed to a rep, the rep accepted it at the
 * first attempt, it became an opportunity at the booked meeting, and a customer some days later; recycled and
 * disqualified leads leave after their cadence. Times only go forward and never pass `now`. The reading that a
 * customer's history holds comes before its win, so the win (recorded last, through recordStageChange) counts it.
 */
export function stagePath(entry: RosterEntry, history: ContactHistory, now: Date): SeedMove[] {
  const steps = STEPS_TO[entry.stage];
  const worker = entry.worker ?? entry.owner;
  const rep: StageActor = worker ? { kind: 'user', userId: worker.id } : { kind: 'user', userId: teamMember('priya').id };
  const marketing: StageActor = { kind: 'user', userId: teamMember('alex').id };
  const arrived: StageActor = entry.source === 'website' ? { kind: 'system' } : { kind: 'import' };

  const created = history.createdAt.getTime();
  const attempts = history.attempts.filter((a) => a.undoneAt === null).map((a) => a.at.getTime());
  const meeting = history.activities.find((a) => a.type === 'meeting_booked')?.at.getTime();
  const mqlAt = history.assignedAt?.getTime() ?? created + minutes(30);
  const sqlAt = attempts[0] ?? mqlAt + hours(2);
  const opportunityAt = meeting ?? sqlAt + hours(24);
  const last = Math.max(mqlAt, ...attempts);
  const wanted: Record<LifecycleStage, number> = {
    visitor: created,
    lead: created,
    mql: mqlAt,
    sql: sqlAt,
    opportunity: opportunityAt,
    // Won about halfway between the meeting and now.
    customer: opportunityAt + (now.getTime() - opportunityAt) / 2,
    recycled: last + hours(1),
    disqualified: last + hours(1),
  };
  const by: Record<LifecycleStage, StageActor> = {
    visitor: { kind: 'system' },
    lead: arrived,
    mql: marketing,
    sql: rep,
    opportunity: rep,
    customer: rep,
    recycled: rep,
    disqualified: rep,
  };

  const moves: SeedMove[] = [];
  let previous = created - 1000;
  steps.forEach((stage, i) => {
    // Each step at least a second after the one before, and the whole path in before now.
    const latest = now.getTime() - (steps.length - 1 - i) * 1000;
    const at = Math.max(previous + 1000, Math.min(wanted[stage], latest));
    previous = at;
    const reason = stage === 'recycled' || stage === 'disqualified' ? entry.stageReason : null;
    moves.push({ from: i === 0 ? null : steps[i - 1]!, to: stage, at: new Date(at), by: by[stage], reason });
  });
  return moves;
}
