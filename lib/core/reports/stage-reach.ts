import type { LifecycleStage } from '../model/vocabulary';

/**
 * How far contacts got through the funnel, read from stage history (docs/api.md § Funnel actuals). The rules, in one
 * place for the funnel report and the SLA report:
 * - a contact reaches a stage of the ladder when a change takes it there; jumping ahead (created as an MQL, accepted
 *   straight to opportunity) reaches every skipped stage from `lead` up at the same instant, because an MQL is a lead
 *   that qualified. `visitor` is reached only when recorded: known visitors are a sliver of a site's visitors;
 * - only the first time counts: a recycled lead that comes back as an MQL reached MQL once, when it first did;
 * - a move down the ladder (customer → opportunity, a win corrected) takes back the stages above where it lands;
 * - a reconstructed entry (where a contact stood when history began) reaches its stages but is marked, since nobody
 *   saw when: counts by period leave it out.
 */
export const FUNNEL_LADDER = ['visitor', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export type LadderStage = (typeof FUNNEL_LADDER)[number];

/** The ladder's stages a contact spends time in on its way up (a customer has arrived). */
export const STAGES_WITH_STAYS = ['visitor', 'lead', 'mql', 'sql', 'opportunity'] as const satisfies readonly LadderStage[];
export type StageWithStay = (typeof STAGES_WITH_STAYS)[number];

/** One recorded lifecycle change, as the reports read it. */
export interface HistoryEntry {
  id: string;
  contactId: string;
  from: LifecycleStage | null;
  to: LifecycleStage;
  /** ms */
  at: number;
  reason: string | null;
  /** The workspace's reason code for a recycle or a disqualification, when one was picked from its list. */
  reasonCode: string | null;
  reconstructed: boolean;
  /** The move this one takes back (the panel's Undo after accept, recycle or disqualify); absent or null otherwise. */
  undoes?: string | null;
}

export interface Reach {
  at: number;
  reconstructed: boolean;
}

/** A recorded stretch in one stage: entered at `from`, left at `to` (ms). Still-open stays are not stays yet. */
export interface Stay {
  stage: StageWithStay;
  from: number;
  to: number;
}

export interface StageJourney {
  reached: Partial<Record<LadderStage, Reach>>;
  stays: Stay[];
}

export function ladderRank(stage: LifecycleStage | null): number {
  return stage === null ? -1 : FUNNEL_LADDER.indexOf(stage as LadderStage);
}

/**
 * The history the reports count: a move that was undone, and the undo itself, are left out, so a lead accepted by
 * mistake and put back never counts as having reached SQL (the timeline still shows both).
 */
export function withoutUndoneMoves<T extends Pick<HistoryEntry, 'id' | 'undoes'>>(entries: readonly T[]): T[] {
  const undone = new Set(entries.flatMap((e) => (e.undoes ? [e.undoes] : [])));
  return entries.filter((e) => !e.undoes && !undone.has(e.id));
}

/** Oldest first; changes at one instant in id order, as the database would break the tie. */
export function inHistoryOrder(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One contact's journey from its history (any order). */
export function stageJourney(entries: readonly HistoryEntry[]): StageJourney {
  const ordered = inHistoryOrder(entries);
  const reached: Partial<Record<LadderStage, Reach>> = {};
  const stays: Stay[] = [];
  ordered.forEach((entry, i) => {
    const rank = ladderRank(entry.to);
    if (rank >= 0) {
      if (ladderRank(entry.from) > rank) for (const stage of FUNNEL_LADDER.slice(rank + 1)) delete reached[stage];
      const lowest = entry.to === 'visitor' ? 0 : 1;
      for (const stage of FUNNEL_LADDER.slice(lowest, rank + 1)) {
        reached[stage] ??= { at: entry.at, reconstructed: entry.reconstructed };
      }
    }
    const next = ordered[i + 1];
    const stayStage = STAGES_WITH_STAYS.find((s) => s === entry.to);
    if (stayStage !== undefined && next !== undefined && !entry.reconstructed) stays.push({ stage: stayStage, from: entry.at, to: next.at });
  });
  return { reached, stays };
}

/** What sales made of an MQL: accepted (to sql or beyond), recycled or disqualified (with the reason), or not yet. */
export type MqlOutcome =
  | { kind: 'accepted' | 'pending' }
  | { kind: 'recycled' | 'disqualified'; reason: string | null; reasonCode: string | null };

/**
 * The first verdict on a contact after it reached MQL at `mqlAt`: the first change from then on that takes it past
 * mql or out of the funnel. A contact that entered straight at sql or beyond was accepted by that very change.
 */
export function mqlOutcome(entries: readonly HistoryEntry[], mqlAt: number): MqlOutcome {
  for (const entry of inHistoryOrder(entries)) {
    if (entry.at < mqlAt) continue;
    if (ladderRank(entry.to) > ladderRank('mql')) return { kind: 'accepted' };
    if (entry.to === 'recycled' || entry.to === 'disqualified') return { kind: entry.to, reason: entry.reason, reasonCode: entry.reasonCode };
  }
  return { kind: 'pending' };
}
