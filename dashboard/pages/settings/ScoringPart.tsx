import { useCallback, useState } from 'react';
import { ApiFailure } from '../../../lib/api/errors';
import { parseInput, type InputIssue } from '../../../lib/core/model/parse';
import { ScoringPreviewRequest, type ScoringPreview } from '../../../lib/core/model/scoring-preview';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';
import { CheckboxField, Group, NumberField } from './controls';
import type { PartProps } from './part';
import { PartForm } from './PartForm';
import { draftOf, modelOf, type ScoringDraft } from './scoring-draft';
import { EngagementRules, FitRules } from './ScoringRules';
import { ScoringPreviewView } from './ScoringPreviewView';

type Preview = { state: 'none' } | { state: 'loading' } | { state: 'ready'; preview: ScoringPreview } | { state: 'refused'; issues: InputIssue[] };

const NO_PREVIEW: Preview = { state: 'none' };

/** The scoring model, with a preview of what it would change over the current leads before anyone saves it. */
export function ScoringPart({ value, editable, owners, save }: PartProps<'scoring'>) {
  const { api } = useDashboard();
  const [draft, setDraftState] = useState(() => draftOf(value));
  const [preview, setPreview] = useState<Preview>(NO_PREVIEW);
  // A preview answers for the model it was asked about: an edit after it makes it stale.
  const update = useCallback((change: (d: ScoringDraft) => ScoringDraft) => {
    setDraftState(change);
    setPreview(NO_PREVIEW);
  }, []);
  const setDraft = (d: ScoringDraft) => update(() => d);
  // Stable, so typing a threshold does not render every rule again (the rule lists are memoized).
  const setFitRules = useCallback((fitRules: ScoringDraft['fitRules']) => update((d) => ({ ...d, fitRules })), [update]);
  const setEngagementRules = useCallback((engagementRules: ScoringDraft['engagementRules']) => update((d) => ({ ...d, engagementRules })), [update]);
  const runPreview = () => {
    const request = parseInput(ScoringPreviewRequest, { scoring: modelOf(draft) }, 'scoring preview');
    if (!request.ok) return setPreview({ state: 'refused', issues: request.issues });
    setPreview({ state: 'loading' });
    api.scoringPreview(request.value).then(
      (p) => setPreview({ state: 'ready', preview: p }),
      (error: unknown) => setPreview({ state: 'refused', issues: error instanceof ApiFailure && error.issues.length > 0 ? [...error.issues] : [{ path: '', message: messageOf(error) }] }),
    );
  };
  const setGrade = (g: 'A' | 'B' | 'C') => (t: string) => setDraft({ ...draft, grades: { ...draft.grades, [g]: t } });
  return (
    <PartForm
      part="scoring"
      title="Scoring model"
      description="Fit is who the person is, engagement what they did; a lead qualifies as an MQL when both reach their thresholds."
      editable={editable}
      owners={owners}
      save={() => save(modelOf(draft))}
      onSaved={(v) => {
        setDraftState(draftOf(v));
        setPreview(NO_PREVIEW);
      }}
      extraIssues={preview.state === 'refused' ? preview.issues : []}
      extraActions={
        <button type="button" onClick={runPreview} disabled={preview.state === 'loading'}>
          Preview the change
        </button>
      }
    >
      <FitRules rules={draft.fitRules} onChange={setFitRules} />
      <EngagementRules rules={draft.engagementRules} onChange={setEngagementRules} />
      <Group legend="Thresholds and decay">
        <NumberField path="scoring.halfLifeDays" label="Engagement half-life (days)" hint="points halve every this many days; empty keeps them forever" value={draft.halfLifeDays} onChange={(halfLifeDays) => setDraft({ ...draft, halfLifeDays })} />
        <NumberField path="scoring.mqlFitThreshold" label="MQL fit threshold" value={draft.mqlFitThreshold} onChange={(mqlFitThreshold) => setDraft({ ...draft, mqlFitThreshold })} />
        <NumberField path="scoring.mqlEngagementThreshold" label="MQL engagement threshold" value={draft.mqlEngagementThreshold} onChange={(mqlEngagementThreshold) => setDraft({ ...draft, mqlEngagementThreshold })} />
        <NumberField path="scoring.gradeThresholds.A" label="Fit for grade A" value={draft.grades.A} onChange={setGrade('A')} />
        <NumberField path="scoring.gradeThresholds.B" label="Fit for grade B" value={draft.grades.B} onChange={setGrade('B')} />
        <NumberField path="scoring.gradeThresholds.C" label="Fit for grade C" hint="below C is D" value={draft.grades.C} onChange={setGrade('C')} />
        <CheckboxField
          path="scoring.autoPromoteMql"
          label="Move a lead to MQL when it qualifies"
          hint="off: scoring only says it qualifies and a person decides"
          checked={draft.autoPromoteMql}
          onChange={(autoPromoteMql) => setDraft({ ...draft, autoPromoteMql })}
        />
      </Group>
      <div aria-live="polite">
        {preview.state === 'loading' ? <p role="status">Scoring the current leads…</p> : null}
        {preview.state === 'refused' ? (
          <p className="error-text" role="alert">
            No preview: {preview.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}
          </p>
        ) : null}
        {preview.state === 'ready' ? <ScoringPreviewView preview={preview.preview} /> : null}
      </div>
    </PartForm>
  );
}
