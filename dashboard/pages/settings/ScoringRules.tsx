import { memo } from 'react';
import { FIT_FIELDS, type FitField } from '../../../lib/core/model/scoring';
import { ACTIVITY_TYPES, type ActivityType } from '../../../lib/core/model/vocabulary';
import { Group, NumberField, SelectField, TextField } from './controls';
import { freshId } from './drafts';
import type { EngagementRuleDraft, FitOp, FitRuleDraft } from './scoring-draft';

const FIELD_OPTIONS = FIT_FIELDS.map((f) => [f, f] as const);
const OP_OPTIONS: readonly (readonly [FitOp, string])[] = [
  ['equals', 'equals'],
  ['one_of', 'is one of'],
  ['range', 'is between'],
  ['pattern', 'matches the pattern'],
];
const ACTIVITY_OPTIONS = ACTIVITY_TYPES.map((a) => [a, a.replace(/_/g, ' ')] as const);

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

/** The fit rules: who the person is (their profile), each worth points. */
export const FitRules = memo(function FitRules({ rules, onChange }: { rules: FitRuleDraft[]; onChange: (rules: FitRuleDraft[]) => void }) {
  return (
    <Group legend="Fit rules (who the person is)">
      {rules.map((r, i) => {
        const at = (f: string) => `scoring.fitRules.${i}.${f}`;
        const set = (patch: Partial<FitRuleDraft>) => onChange(replaceAt(rules, i, { ...r, ...patch }));
        return (
          <Group key={r.id} legend={`Fit rule ${i + 1}: ${r.label || 'unnamed'}`} className="settings-rule">
            <TextField path={at('label')} label="Label" value={r.label} onChange={(label) => set({ label })} />
            <SelectField<FitField> path={at('field')} label="Field" value={r.field} options={FIELD_OPTIONS} onChange={(field) => set({ field, numeric: field === 'companySize' })} />
            <SelectField<FitOp> path={at('op')} label="Test" value={r.op} options={OP_OPTIONS} onChange={(op) => set({ op })} />
            {r.op === 'range' ? (
              <>
                <NumberField path={at('min')} label="At least" hint="empty for no lower bound" value={r.min} onChange={(min) => set({ min })} />
                <NumberField path={at('max')} label="At most" hint="empty for no upper bound" value={r.max} onChange={(max) => set({ max })} />
              </>
            ) : (
              <TextField
                path={at(r.op === 'equals' ? 'value' : r.op === 'one_of' ? 'values' : 'pattern')}
                label={r.op === 'one_of' ? 'Values' : r.op === 'pattern' ? 'Pattern' : 'Value'}
                hint={r.op === 'one_of' ? 'comma-separated' : r.op === 'pattern' ? '* is any text, | separates alternatives: *vp*|*head of*' : undefined}
                list={r.op === 'one_of'}
                value={r.value}
                onChange={(value) => set({ value })}
              />
            )}
            <NumberField path={at('points')} label="Points" hint="a whole number from -100 to 100" value={r.points} onChange={(points) => set({ points })} />
            <button type="button" onClick={() => onChange(rules.filter((_, j) => j !== i))} aria-label={`Remove fit rule ${i + 1}`}>
              Remove
            </button>
          </Group>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...rules, { id: freshId('fit', rules.map((r) => r.id)), field: 'title', op: 'pattern', points: '10', label: 'New fit rule', value: '', min: '', max: '', numeric: false }])}
      >
        Add a fit rule
      </button>
    </Group>
  );
});

/** The engagement rules: what the person did (activity, optionally on some URLs), each worth points that decay. */
export const EngagementRules = memo(function EngagementRules({ rules, onChange }: { rules: EngagementRuleDraft[]; onChange: (rules: EngagementRuleDraft[]) => void }) {
  return (
    <Group legend="Engagement rules (what the person did)">
      {rules.map((r, i) => {
        const at = (f: string) => `scoring.engagementRules.${i}.${f}`;
        const set = (patch: Partial<EngagementRuleDraft>) => onChange(replaceAt(rules, i, { ...r, ...patch }));
        return (
          <Group key={r.id} legend={`Engagement rule ${i + 1}: ${r.label || 'unnamed'}`} className="settings-rule">
            <TextField path={at('label')} label="Label" value={r.label} onChange={(label) => set({ label })} />
            <SelectField<ActivityType> path={at('activity')} label="Activity" value={r.activity} options={ACTIVITY_OPTIONS} onChange={(activity) => set({ activity })} />
            <TextField path={at('urlPattern')} label="Only on URLs matching" hint="empty for any URL; /pricing* or *://docs.acme.com/*" value={r.urlPattern} onChange={(urlPattern) => set({ urlPattern })} />
            <NumberField path={at('points')} label="Points" hint="a whole number from -100 to 100" value={r.points} onChange={(points) => set({ points })} />
            <button type="button" onClick={() => onChange(rules.filter((_, j) => j !== i))} aria-label={`Remove engagement rule ${i + 1}`}>
              Remove
            </button>
          </Group>
        );
      })}
      <button type="button" onClick={() => onChange([...rules, { id: freshId('eng', rules.map((r) => r.id)), activity: 'page_view', urlPattern: '', points: '1', label: 'New engagement rule' }])}>
        Add an engagement rule
      </button>
    </Group>
  );
});
