import { useState } from 'react';
import { TextField } from './controls';
import type { PartProps } from './part';
import { PartForm } from './PartForm';
import { ReasonRows } from './ReasonRows';

/** What becomes of leads: the deal currency and the reasons a lead is recycled, disqualified or lost by. */
export function OutcomesPart({ value, editable, owners, save }: PartProps<'outcomes'>) {
  const [draft, setDraft] = useState(value);
  return (
    <PartForm
      part="outcomes"
      title="Outcomes"
      description="“Other” is offered in every list with a free text; “could not reach” only once a cadence is done."
      editable={editable}
      owners={owners}
      save={() => save(draft)}
      onSaved={setDraft}
    >
      <TextField path="outcomes.currency" label="Deal currency" hint="ISO 4217, such as USD or EUR" value={draft.currency} onChange={(currency) => setDraft({ ...draft, currency })} />
      <ReasonRows path="outcomes.recycleReasons" legend="Recycle reasons" rows={draft.recycleReasons} onChange={(recycleReasons) => setDraft({ ...draft, recycleReasons })} />
      <ReasonRows path="outcomes.disqualifyReasons" legend="Disqualify reasons" rows={draft.disqualifyReasons} onChange={(disqualifyReasons) => setDraft({ ...draft, disqualifyReasons })} />
      <ReasonRows path="outcomes.lostReasons" legend="Lost reasons" rows={draft.lostReasons} onChange={(lostReasons) => setDraft({ ...draft, lostReasons })} />
    </PartForm>
  );
}
