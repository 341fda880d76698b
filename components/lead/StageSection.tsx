import { memo, useId, useState } from 'react';
import type { Contact } from '../../lib/core/model/contact';
import type { CadenceState } from '../../lib/core/model/derived';
import type { ReasonListName } from '../../lib/core/model/outcomes';
import { outcomeSettingsOf, type WorkspaceSettings } from '../../lib/core/model/settings';
import { moversFor } from '../../lib/core/stage/transitions';
import { changeStage, type StageChange } from '../../lib/db/writes';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { offeredReasons, stageActions, type StageAction } from '../../lib/view-model/stage-actions';
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

  const me = useMeta('me');
  const outcomes = outcomeSettingsOf(settings);
  const stage = contact.stage;
  const actions = stageActions(stage, moversFor(me?.user.role ?? 'rep'));

  async function apply(change: StageChange, confirmation: string) {
    try {
      await write((ctx) => changeStage(ctx, contact.id, change));
      setDone(confirmation);
      setError(null);
      setOpen(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
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
              <button key={a.to} type="button" className="primary" onClick={() => void apply({ kind: 'stage', to: a.to }, a.confirmation)}>
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
      <p role="status" className="small-note">
        {done}
      </p>
    </section>
  );
});

const ACTION_LABELS: Readonly<Record<FormKind, string>> = {
  won: 'Won',
  lost: 'Lost',
  recycle: 'Recycle to marketing',
  disqualify: 'Disqualify',
};
