import { numberFormat } from '../core/intl-cache';
import type { Mutation } from '../core/model/mutations';
import { MQL_THRESHOLD_RULE, type StageChange } from '../core/model/stage-history';
import type { LifecycleStage } from '../core/model/vocabulary';
import { transitionOf } from '../core/stage/transitions';
import { STAGE_LABELS } from './labels';

/**
 * One stage change in words, as the lead's timeline shows it: what happened and who did it, with the reason where one
 * was given ("Accepted as SQL by Maya Chen", "Recycled to marketing by Maya Chen: not the buyer", "Became an MQL (fit
 * and engagement crossed the thresholds)", "Won by Maya Chen · $12,000", "Lost by Maya Chen, back to nurture: chose a
 * competitor"). The time is the timeline row's own; a deal value is shown in `currency` (the workspace's). To word a
 * new kind of move, add its case to `MOVES` (or a branch before it, when the move depends on more than the stage it reached).
 */
export function describeStageChange(change: StageChange, currency = 'USD'): string {
  if (change.reconstructed) return `Stage when history began: ${STAGE_LABELS[change.to]}`;
  // The way back after an Undo: the history keeps the move and says it was taken back.
  if (change.undoes !== null) return `Undone${byWhom(change)}: back to ${STAGE_LABELS[change.to]}`;
  if (change.from === null) return withReason(arrival(change), change.reason);
  if (change.actor.kind === 'rule' && change.actor.rule === MQL_THRESHOLD_RULE && change.to === 'mql') {
    return 'Became an MQL (fit and engagement crossed the thresholds)';
  }
  if (change.outcome === 'won') {
    return `Won${byWhom(change)}${change.dealValue === null ? '' : ` · ${formatDealValue(change.dealValue, currency)}`}`;
  }
  if (change.outcome === 'lost') {
    const where = change.to === 'recycled' ? 'back to nurture' : 'closed for good';
    return withReason(`Lost${byWhom(change)}, ${where}`, change.reason);
  }
  const move = MOVES[change.to];
  return withReason(`${move(change.from)}${byWhom(change)}`, change.reason);
}

/** How the contact entered the funnel: by a form fill on the site (the server's doing), an import, or a person. */
function arrival(change: StageChange): string {
  const as = `as ${A_STAGE[change.to]}`;
  switch (change.actor.kind) {
    case 'system':
      return `Created ${as} from a website form`;
    case 'import':
      return `Imported ${as}`;
    case 'rule':
      return `Created ${as} by a rule`;
    case 'user':
      return `Added ${as}${byWhom(change)}`;
  }
}

/** The words for reaching each stage, given where the contact came from. */
const MOVES: Readonly<Record<LifecycleStage, (from: LifecycleStage) => string>> = {
  visitor: () => 'Moved back to visitor',
  lead: (from) => (from === 'recycled' || from === 'disqualified' ? 'Back to lead' : 'Moved to lead'),
  mql: (from) => (from === 'recycled' ? 'Back in the funnel as an MQL' : 'Marked as an MQL'),
  sql: () => 'Accepted as SQL',
  opportunity: (from) => (from === 'customer' ? 'Win corrected: back to opportunity' : 'Moved to opportunity'),
  customer: () => 'Won',
  recycled: () => 'Recycled to marketing',
  disqualified: () => 'Disqualified',
};

/** " by Maya Chen" for a person (" by a teammate" when the server did not say who), " by a rule" or " by an import". */
function byWhom(change: StageChange): string {
  switch (change.actor.kind) {
    case 'user':
      return ` by ${change.actor.name ?? 'a teammate'}`;
    case 'rule':
      return ' by a rule';
    case 'import':
      return ' by an import';
    case 'system':
      return '';
  }
}

/** "$12,000", "€1,250.50": whole amounts without cents. */
export function formatDealValue(value: number, currency: string, locale?: string): string {
  const whole = Number.isInteger(value);
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(value);
}

function withReason(text: string, reason: string | null): string {
  return reason ? `${text}: ${reason}` : text;
}

/** "Created as a lead", "Imported as an MQL". */
const A_STAGE: Readonly<Record<LifecycleStage, string>> = {
  visitor: 'a visitor',
  lead: 'a lead',
  mql: 'an MQL',
  sql: 'an SQL',
  opportunity: 'an opportunity',
  customer: 'a customer',
  recycled: 'a recycled contact',
  disqualified: 'a disqualified contact',
};

/** What the timeline needs of an outbox entry: its mutation, and the stage it replaced (a recycle names no `from`). */
export interface QueuedMove {
  mutation: Mutation;
  previous?: { stage: LifecycleStage };
  /** What the change wrote: where an undo took the contact back to. */
  wrote?: { stage: LifecycleStage };
}

/**
 * The rep's own moves of a contact still waiting in the outbox, as stage changes in their name, so the timeline shows a
 * move made offline at once. One the server has already recorded (its row came down carrying the same mutation id,
 * while the answer to the push was lost) is left out: it shows once, as recorded.
 */
export function queuedStageChanges(
  queued: readonly QueuedMove[],
  contactId: string,
  me: { id: string; name: string },
  recorded: readonly StageChange[],
): StageChange[] {
  const known = new Set(recorded.flatMap((s) => (s.mutationId === null ? [] : [s.mutationId])));
  return queued.flatMap(({ mutation: m, previous, wrote }): StageChange[] => {
    if (m.type === 'contact.stage_undo' && m.contactId === contactId && !known.has(m.id) && previous && wrote) {
      return [queuedUndo(m, previous.stage, wrote.stage, me)];
    }
    if ((m.type !== 'contact.stage' && m.type !== 'contact.recycle') || m.contactId !== contactId || known.has(m.id)) return [];
    const from = m.type === 'contact.stage' ? m.from : (previous?.stage ?? m.from ?? null);
    const to = m.type === 'contact.stage' ? m.to : 'recycled';
    return [
      {
        id: m.id,
        contactId,
        from,
        to,
        at: m.at,
        actor: { kind: 'user', userId: me.id, name: me.name, rule: null },
        reason: m.reason,
        reasonCode: m.reasonCode,
        outcome: from === null ? null : (transitionOf(from, to)?.outcome ?? null),
        dealValue: m.type === 'contact.stage' ? m.dealValue : null,
        mutationId: m.id,
        undoes: null,
        reconstructed: false,
        version: 0,
      },
    ];
  });
}

/** A queued Undo as the way back it will be recorded as (`undoes` names the move's mutation until the server's row comes). */
function queuedUndo(m: Extract<Mutation, { type: 'contact.stage_undo' }>, from: LifecycleStage, to: LifecycleStage, me: { id: string; name: string }): StageChange {
  return {
    id: m.id,
    contactId: m.contactId,
    from,
    to,
    at: m.at,
    actor: { kind: 'user', userId: me.id, name: me.name, rule: null },
    reason: null,
    reasonCode: null,
    outcome: null,
    dealValue: null,
    mutationId: m.id,
    undoes: m.undoes,
    reconstructed: false,
    version: 0,
  };
}
