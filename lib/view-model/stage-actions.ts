import type { CadenceState } from '../core/model/derived';
import { DealValue, type OutcomeSettings, type ReasonListName } from '../core/model/outcomes';
import type { LifecycleStage } from '../core/model/vocabulary';
import { couldNotReach } from '../core/stage/could-not-reach';
import { reasonChoices, waitsForCadence, type ReasonChoice } from '../core/stage/reasons';
import { allowedMoves, type StageMover } from '../core/stage/transitions';

/** The panel's stage actions: one click (accept, opportunity) or a small form (won, lost, recycle, disqualify). */
export type StageAction =
  | { kind: 'move'; to: 'sql' | 'opportunity'; label: string; confirmation: string }
  | { kind: 'won' }
  | { kind: 'lost'; to: readonly ('recycled' | 'disqualified')[] }
  | { kind: 'recycle' }
  | { kind: 'disqualify' };

/** What the stage table (lib/core/stage/transitions.ts) lets these movers do from a stage, as the panel offers it. */
export function stageActions(from: LifecycleStage, movers: readonly StageMover[]): StageAction[] {
  const moves = allowedMoves(from, movers);
  const actions: StageAction[] = [];
  for (const t of moves) {
    if (t.to === 'sql') actions.push({ kind: 'move', to: 'sql', label: 'Accept as SQL', confirmation: 'Accepted: now an SQL.' });
    else if (t.to === 'opportunity')
      actions.push({
        kind: 'move',
        to: 'opportunity',
        label: from === 'customer' ? 'Reopen as opportunity' : 'Mark opportunity',
        confirmation: from === 'customer' ? 'Reopened: an opportunity again.' : 'Now an opportunity.',
      });
    else if (t.outcome === 'won') actions.push({ kind: 'won' });
    else if (t.outcome === 'lost' && !actions.some((a) => a.kind === 'lost')) {
      const to = moves.filter((m) => m.outcome === 'lost').map((m) => m.to as 'recycled' | 'disqualified');
      actions.push({ kind: 'lost', to });
    } else if (t.to === 'recycled' && t.outcome === null) actions.push({ kind: 'recycle' });
    else if (t.to === 'disqualified' && t.outcome === null) actions.push({ kind: 'disqualify' });
  }
  return actions;
}

/**
 * The reasons the panel offers for a list. "Could not reach" waits for the cadence's attempts (the same rule the
 * server applies); until then it is left out and `note` says how many attempts remain.
 */
export function offeredReasons(outcomes: OutcomeSettings, list: ReasonListName, cadence: CadenceState | null): { choices: ReasonChoice[]; note: string | null } {
  const all = reasonChoices(outcomes, list);
  const held = all.find((c) => waitsForCadence(list, c.code));
  if (!held) return { choices: all, note: null };
  const check = couldNotReach(cadence);
  return check.allowed ? { choices: all, note: null } : { choices: all.filter((c) => c !== held), note: `${check.message}.` };
}

/** The server's rule for a reason text (lib/core/model/mutations). */
export const MIN_REASON_TEXT = 3;

/** Why a picked reason cannot be sent yet, in words for the rep; null when it can. */
export function reasonFormError(choice: ReasonChoice | undefined, text: string): string | null {
  const t = text.trim();
  if (!choice) return 'Choose a reason.';
  if (choice.needsText && t.length < MIN_REASON_TEXT) return `Say why in at least ${MIN_REASON_TEXT} characters.`;
  if (!choice.needsText && t.length > 0 && t.length < MIN_REASON_TEXT) return `A detail needs at least ${MIN_REASON_TEXT} characters, or leave it empty.`;
  return null;
}

/** A deal value as typed ("48,000", "48000.50", or nothing): the amount, null when left empty, or why it is refused. */
export function parseDealValue(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim().replace(/[,\s]/g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$/.test(t) && !/^-\d/.test(t)) return { ok: false, message: 'Enter the deal value as a number, e.g. 48000 or 48000.50.' };
  const parsed = DealValue.safeParse(Number(t));
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'not a deal value';
  return { ok: false, message: `${message[0]!.toUpperCase()}${message.slice(1)}.` };
}

/**
 * The one question before accepting a lead as SQL that nobody has tried to reach yet, or whose first-touch SLA has
 * passed (the acceptance then counts against the SLA figures as it stands): null when there is nothing to ask.
 */
export function acceptQuestion(to: LifecycleStage, cadence: Pick<CadenceState, 'attemptsDone' | 'firstTouchMet'> | null): string | null {
  if (to !== 'sql' || cadence === null) return null;
  const noAttempt = cadence.attemptsDone === 0;
  const breached = cadence.firstTouchMet === false;
  if (noAttempt && breached) return 'No attempt logged yet and the first-touch SLA is breached: accept anyway?';
  if (noAttempt) return 'No attempt logged yet: accept anyway?';
  if (breached) return 'The first-touch SLA was breached: accept anyway?';
  return null;
}
