import { useState } from 'react';
import type { SlaGoals } from '../../../lib/core/model/settings';
import { NumberField } from './controls';
import { numberOf, textOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

const draftOf = (v: SlaGoals) => ({ mqlsPerRepPerMonth: textOf(v.mqlsPerRepPerMonth), firstTouchTarget: textOf(v.firstTouchTarget) });

/** The SLA both sides agreed: marketing's MQLs a rep a month, and the share of leads sales must touch in time. */
export function SlaPart({ value, editable, owners, save }: PartProps<'sla'>) {
  const [draft, setDraft] = useState(() => draftOf(value));
  return (
    <PartForm
      part="sla"
      title="SLA goals"
      description="What marketing delivers and how fast sales follows up: the SLA page measures both against these."
      editable={editable}
      owners={owners}
      save={() => save({ mqlsPerRepPerMonth: numberOf(draft.mqlsPerRepPerMonth), firstTouchTarget: numberOf(draft.firstTouchTarget) })}
      onSaved={(v) => setDraft(draftOf(v))}
    >
      <NumberField path="sla.mqlsPerRepPerMonth" label="MQLs per rep per month" value={draft.mqlsPerRepPerMonth} onChange={(t) => setDraft({ ...draft, mqlsPerRepPerMonth: t })} />
      <NumberField
        path="sla.firstTouchTarget"
        label="Share of leads touched within the policy’s hours"
        hint="a share from 0 to 1: 0.9 is 90%"
        value={draft.firstTouchTarget}
        onChange={(t) => setDraft({ ...draft, firstTouchTarget: t })}
      />
    </PartForm>
  );
}
