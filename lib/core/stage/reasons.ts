import { COULD_NOT_REACH, DEFAULT_REASONS, OTHER_REASON, type OutcomeSettings, type ReasonListName } from '../model/outcomes';

/** One reason a person may pick: the workspace's, a built-in one, or "other", which needs a free text. */
export interface ReasonChoice {
  code: string;
  label: string;
  needsText: boolean;
}

const LIST_FIELD = { recycle: 'recycleReasons', disqualify: 'disqualifyReasons', lost: 'lostReasons' } as const;
const OTHER: ReasonChoice = { code: OTHER_REASON, label: 'Other', needsText: true };

/**
 * The reasons offered for a list, in the workspace's order: "could not reach" is built into the recycle list (added
 * with its default label if the workspace left it out), and "other" always comes last.
 */
export function reasonChoices(outcomes: OutcomeSettings, list: ReasonListName): ReasonChoice[] {
  const own = outcomes[LIST_FIELD[list]].map((r) => ({ code: r.code, label: r.label, needsText: false }));
  const builtIn = list === 'recycle' && !own.some((r) => r.code === COULD_NOT_REACH) ? DEFAULT_REASONS.recycle.filter((r) => r.code === COULD_NOT_REACH) : [];
  return [...builtIn.map((r) => ({ ...r, needsText: false })), ...own, OTHER];
}

/** A reason as given with a move: a code from the list, a free text, or both (a code with a detail). */
export interface GivenReason {
  reasonCode: string | null;
  reason: string | null;
}

/** The reason to record: its code, and the words people read (the label, the text for "other", or "label: detail"). */
export interface ResolvedReason {
  code: string;
  text: string;
}

export type ReasonResolution = { ok: true; reason: ResolvedReason } | { ok: false; message: string };

/**
 * The reason a move records, from what the person gave. A text without a code is "other" with that text, so a change
 * an older panel queued before codes existed loses nothing; an unknown code is refused, naming the codes there are.
 */
export function resolveReason(choices: readonly ReasonChoice[], list: ReasonListName, given: GivenReason): ReasonResolution {
  const text = given.reason?.trim() || null;
  const code = given.reasonCode ?? (text === null ? null : OTHER_REASON);
  if (code === null) return { ok: false, message: `a ${list} reason is required: one of ${codesOf(choices)}` };
  const choice = choices.find((c) => c.code === code);
  if (!choice) return { ok: false, message: `"${code}" is not a ${list} reason here: use one of ${codesOf(choices)}` };
  if (choice.needsText) {
    return text === null ? { ok: false, message: `the reason "${code}" needs a text saying why` } : { ok: true, reason: { code, text } };
  }
  return { ok: true, reason: { code, text: text === null ? choice.label : `${choice.label}: ${text}` } };
}

function codesOf(choices: readonly ReasonChoice[]): string {
  return choices.map((c) => c.code).join(', ');
}

/** Whether a reason is the SLA's "could not reach", which waits for the cadence (lib/core/stage/could-not-reach.ts). */
export function waitsForCadence(list: ReasonListName, code: string): boolean {
  return list === 'recycle' && code === COULD_NOT_REACH;
}

/** What a move records as its reason: from its list (recycle, disqualify, lost), or, for a move without one, any note given. */
export type MoveReason = { ok: true; list: ReasonListName; reason: ResolvedReason } | { ok: true; list: null; note: string | null } | { ok: false; message: string };

/** The reason a move between two stages records, checked against the list the stage table names for it. */
export function reasonForMove(
  move: { from: string; to: string; reasons: ReasonListName | null },
  outcomes: OutcomeSettings,
  given: GivenReason,
): MoveReason {
  if (move.reasons === null) {
    if (given.reasonCode !== null) return { ok: false, message: `a move from ${move.from} to ${move.to} takes no reason code` };
    return { ok: true, list: null, note: given.reason?.trim() || null };
  }
  const resolved = resolveReason(reasonChoices(outcomes, move.reasons), move.reasons, given);
  return resolved.ok ? { ok: true, list: move.reasons, reason: resolved.reason } : resolved;
}
