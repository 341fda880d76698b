import { useState } from 'react';
import { NumberField } from './controls';
import { numberOf, textOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

/** How the closed loop attributes: how long before a win a reading still counts as an assist. */
export function AttributionPart({ value, editable, owners, save }: PartProps<'attribution'>) {
  const [days, setDays] = useState(() => textOf(value.assistWindowDays));
  return (
    <PartForm
      part="attribution"
      title="Attribution"
      description="A new window counts every item’s assists again."
      editable={editable}
      owners={owners}
      save={() => save({ assistWindowDays: numberOf(days) })}
      onSaved={(v) => setDays(textOf(v.assistWindowDays))}
    >
      <NumberField path="attribution.assistWindowDays" label="Assist window (days before a win)" hint="1 to 730 days" value={days} onChange={setDays} />
    </PartForm>
  );
}
