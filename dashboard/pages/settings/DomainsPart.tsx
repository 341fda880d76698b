import { useState } from 'react';
import { LinesField } from './controls';
import { linesOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

/** The team's own domains: addresses on them are never offered as leads. */
export function DomainsPart({ value, editable, owners, save }: PartProps<'domains'>) {
  const [text, setText] = useState(() => value.join('\n'));
  return (
    <PartForm part="domains" title="Domains" editable={editable} owners={owners} save={() => save(linesOf(text))} onSaved={(v) => setText(v.join('\n'))}>
      <LinesField path="domains" label="The team’s own domains" hint="one a line, such as acme.com; addresses on them are never leads" value={text} onChange={setText} />
    </PartForm>
  );
}
