import { memo, useCallback, useId, useState } from 'react';
import type { Contact } from '../../lib/core/model/contact';
import type { CadenceState } from '../../lib/core/model/derived';
import type { ReasonListName } from '../../lib/core/model/outcomes';
import { outcomeSettingsOf, type WorkspaceSettings } from '../../lib/core/model/settings';
import { moversFor } from '../../lib/core/stage/transitions';
import { changeStage, type StageChange } from '../../lib/db/writes';
import { ConfirmOnce } from './ConfirmOnce';
import { StageUndoToast, type UndoableStageChange } from './StageUndoToast';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { acceptQuestion, offeredReasons, stageActions, type StageAction } from '../../lib/view-model/stage-actions';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useMeta } from '../hooks/useMeta';
import { ReasonForm, WonForm } from './StageForms';

type FormKind = Exclude<StageAction['kind'], 'move'>;

const REASON_FORMS = {
  recycle: { title: 'Recycle to marketing', submit: 'Recycle', list: 'recycle', done: 'Recycled to marketing.' },
  disqualify: { title: 'Disqualify', submit: 'Disqualify', list: 'disqualify', done: 'Disqualified.' },
} as const satisfies Record<string, { title: string; submit: string; list: ReasonListName; done: string }>;

const LOST_DESTINATIONS = { recycled: 'Nurture again (recycle to marketing)', disqualified: 'Close for good (disqualify)' } as const;

/**
 * Closed-loop feedback: accept an MQL, mark an opportunity, won (with the deal's value) or lost, recycle it to
 * marketing or disqualify it, each with a reason from the workspace's lists. Only the moves the stage table gives this
 * user are offered; each is a local write that waits in the outbox like any other.
 */
export const StageSection = memo(function StageSection({
  contact,
  cadence,
  settings,
}: {
  contact: Contact;
  cadence: CadenceState | null;
  settings: WorkspaceSettings;
}) {
  const write = useLocalWrite();
  const headingId = useId();
  const [open, setOpen] = useState<FormKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The move just made, with its Undo on screen; and a move waiting for the rep's answer to one question.
  const [undoable, setUndoable] = useState<UndoableStageChange | null>(null);
  const [asking, setAsking] = useState<{ action: Extract<StageAction, { kind: 'move' }>; question: string } | null>(null);
  const undoDone = useCallback((message: { kind: 'status' | 'error'; text: string } | null) => {
    setUndoable(null);
    if (message?.kind === 'error') setError(message.text);
    else setDone(message?.text ?? null);
  }, []);

  const me = useMeta('me');
  const outcomes = outcomeSettingsOf(settings);
  const stage = contact.stage;
  const actions = stageActions(stage, moversFor(me?.user.role ?? 'rep'));

  async function apply(change: StageChange, confirmation: string) {
    try {
      const made = await write((ctx) => changeStage(ctx, contact.id, change));
      setUndoable({ made, text: confirmation });
      setDone(null);
      setError(null);
      setOpen(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  /** A one-click move; accepting a lead nobody has tried yet, or past its SLA, asks once first. */
  function move(a: Extract<StageAction, { kind: 'move' }>) {
    const question = acceptQuestion(a.to, cadence);
    if (question) setAsking({ action: a, question });
    else void apply({ kind: 'stage', to: a.to }, a.confirmation);
  }

  function toggle(kind: FormKind) {
    setOpen(open === kind ? null : kind);
    setError(null);
    setDone(null);
  }

  const lost = actions.find((a): a is Extract<StageAction, { kind: 'lost' }> => a.kind === 'lost');
  const close = () => setOpen(null);

  return (
    <section className="section stage" aria-labelledby={headingId}>
      <h3 id={headingId}>Stage: {STAGE_LABELS[stage]}</h3>
      {actions.length === 0 ? (
        <p className="muted">No stage actions for a {STAGE_LABELS[stage].toLowerCase()}.</p>
      ) : (
        <div className="actions">
          {actions.map((a) =>
            a.kind === 'move' ? (
              <button key={a.to} type="button" className="primary" onClick={() => move(a)}>
                {a.label}
              </button>
            ) : (
              <button key={a.kind} type="button" className={a.kind === 'won' ? 'primary' : a.kind === 'disqualify' ? 'danger' : undefined} aria-expanded={open === a.kind} onClick={() => toggle(a.kind)}>
                {ACTION_LABELS[a.kind]}
              </button>
            ),
          )}
        </div>
      )}
      {asking && (
        <ConfirmOnce
          question={asking.question}
          confirmLabel={`${asking.action.label} anyway`}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void apply({ kind: 'stage', to: asking.action.to }, asking.action.confirmation);
          }}
        />
      )}
      {open === 'won' && (
        <WonForm currency={outcomes.currency} onCancel={close} onSubmit={(dealValue) => apply({ kind: 'stage', to: 'customer', dealValue }, 'Won: now a customer.')} />
      )}
      {open === 'lost' && lost && (
        <ReasonForm
          key="lost"
          title="Lost"
          submitLabel="Mark lost"
          danger
          {...offeredReasons(outcomes, 'lost', cadence)}
          destinations={lost.to.map((to) => ({ value: to, label: LOST_DESTINATIONS[to] }))}
          onCancel={close}
          onSubmit={({ reasonCode, reason, destination }) =>
            destination === 'disqualified'
              ? apply({ kind: 'disqualify', reasonCode, reason }, 'Lost: closed for good.')
              : apply({ kind: 'recycle', reasonCode, reason }, 'Lost: back to nurture.')
          }
        />
      )}
      {(open === 'recycle' || open === 'disqualify') && (
        <ReasonForm
          key={open}
          title={REASON_FORMS[open].title}
          submitLabel={REASON_FORMS[open].submit}
          danger={open === 'disqualify'}
          {...offeredReasons(outcomes, REASON_FORMS[open].list, cadence)}
          onCancel={close}
          onSubmit={({ reasonCode, reason }) => apply({ kind: open, reasonCode, reason }, REASON_FORMS[open].done)}
        />
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div role="status" className="small-note toast-slot">
        {undoable ? <StageUndoToast change={undoable} onDone={undoDone} /> : done}
      </div>
    </section>
  );
});

const ACTION_LABELS: Readonly<Record<FormKind, string>> = {
  won: 'Won',
  lost: 'Lost',
  recycle: 'Recycle to marketing',
  disqualify: 'Disqualify',
};
