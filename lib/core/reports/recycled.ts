import { groupByContact } from '../lead/by-contact';
import { NONE_RECORDED } from '../model/reports';
import type { LifecycleStage } from '../model/vocabulary';
import { rankReasons, type RankedReason } from './reasons';
import type { HistoryEntry } from './stage-reach';

/** The moves the recycled report lists: handed back to marketing, out of the funnel, or either. */
export type RecycledMoveKind = 'recycled' | 'disqualified' | 'both';

/** Stages a contact leaves the funnel for: a later move to any other stage is coming back. */
const OUT_OF_FUNNEL: readonly LifecycleStage[] = ['recycled', 'disqualified'];

export interface RecycledMove {
  entry: HistoryEntry;
  /** The contact's first recorded move after this one into a stage other than recycled or disqualified. */
  cameBack: { to: LifecycleStage; at: number } | null;
}

export interface RecycledMovesInput {
  /** The whole recorded history of every contact with a move of the period (other contacts' rows are ignored). */
  history: readonly HistoryEntry[];
  /** ms, `from` inclusive, `to` exclusive. */
  period: { from: number; to: number };
  kind: RecycledMoveKind;
  /** A reason code, or NONE_RECORDED (`-`) for moves with no code; undefined lists every reason. */
  reasonCode?: string | undefined;
}

/**
 * The period's moves to recycled (or disqualified, or both) as they happened, newest first by (at, id); the reasons
 * of every such move ranked (before the reasonCode filter, so a list of reasons to filter by stays whole); and for
 * each move whether its contact came back since. A reconstructed entry is the stage history began with, not a move
 * anyone made: never listed.
 */
export function recycledMoves(input: RecycledMovesInput): { moves: RecycledMove[]; reasons: RankedReason[] } {
  const { from, to } = input.period;
  const wanted: readonly LifecycleStage[] = input.kind === 'both' ? OUT_OF_FUNNEL : [input.kind];
  const ofKind = input.history.filter((e) => !e.reconstructed && wanted.includes(e.to) && e.at >= from && e.at < to);
  const reasons = rankReasons(ofKind.map((e) => ({ code: e.reasonCode, text: e.reason })));
  const historyOf = groupByContact(input.history);
  const moves = ofKind
    .filter((e) => input.reasonCode === undefined || (e.reasonCode ?? NONE_RECORDED) === input.reasonCode)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((entry) => ({ entry, cameBack: cameBackAfter(entry, historyOf.get(entry.contactId) ?? []) }));
  return { moves, reasons };
}

function cameBackAfter(move: HistoryEntry, history: readonly HistoryEntry[]): RecycledMove['cameBack'] {
  const back = history.filter((e) => e.at > move.at && !OUT_OF_FUNNEL.includes(e.to)).sort((a, b) => a.at - b.at)[0];
  return back ? { to: back.to, at: back.at } : null;
}
