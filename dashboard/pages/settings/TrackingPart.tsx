import { useId, useState } from 'react';
import type { TrackingPolicy } from '../../../lib/core/model/settings';
import type { EmailOpenMode, TrackingMode } from '../../../lib/core/model/tracking';
import { useDashboard } from '../../shell/context';
import { ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { CheckboxField, LinesField, SelectField } from './controls';
import { linesOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

const MODES: readonly (readonly [TrackingMode, string])[] = [
  ['off', 'Off: the snippet records nothing'],
  ['consent', 'Consent: only visitors who accepted'],
  ['legitimate_interest', 'Legitimate interest: every visitor'],
];
const OPEN_MODES: readonly (readonly [EmailOpenMode, string])[] = [
  ['per_person', 'Per person: an open is the contact’s activity'],
  ['aggregate', 'Per email: counted on the email only'],
  ['off', 'Off: opens are not recorded'],
];

const draftOf = (v: TrackingPolicy) => ({ ...v, siteOrigins: v.siteOrigins.join('\n') });

/** Website and email tracking: what t.js records, from which sites, and how an email open counts. */
export function TrackingPart({ value, editable, owners, save }: PartProps<'tracking'>) {
  const [draft, setDraft] = useState(() => draftOf(value));
  return (
    <PartForm
      part="tracking"
      title="Tracking"
      editable={editable}
      owners={owners}
      save={() => save({ ...draft, siteOrigins: linesOf(draft.siteOrigins) })}
      onSaved={(v) => setDraft(draftOf(v))}
    >
      <SiteKey />
      <SelectField path="tracking.mode" label="Website tracking" value={draft.mode} options={MODES} onChange={(mode) => setDraft({ ...draft, mode })} />
      <CheckboxField
        path="tracking.createLeadsFromForms"
        label="A form sent with an unknown email creates a lead"
        checked={draft.createLeadsFromForms}
        onChange={(createLeadsFromForms) => setDraft({ ...draft, createLeadsFromForms })}
      />
      <LinesField
        path="tracking.siteOrigins"
        label="Site origins"
        hint="one a line, such as https://www.acme.com: only these pages may send events"
        value={draft.siteOrigins}
        onChange={(siteOrigins) => setDraft({ ...draft, siteOrigins })}
      />
      <SelectField path="tracking.emailOpens" label="Email opens" value={draft.emailOpens} options={OPEN_MODES} onChange={(emailOpens) => setDraft({ ...draft, emailOpens })} />
      <CheckboxField
        path="tracking.requireOpenConsent"
        label="Per-person opens only for contacts who consented"
        checked={draft.requireOpenConsent}
        onChange={(requireOpenConsent) => setDraft({ ...draft, requireOpenConsent })}
      />
    </PartForm>
  );
}

/** The site key and the snippet to paste into the company site: read-only, so shown as text to copy. */
function SiteKey() {
  const { api } = useDashboard();
  const site = useLoad('site', () => api.siteSnippet());
  const snippetId = useId();
  if (site.state === 'loading') return <Loading what="the site key" />;
  if (site.state === 'error') return <ErrorState what="the site key" error={site.error} retry={site.reload} />;
  return (
    <div className="field">
      <p>
        Site key: <code data-testid="site-key">{site.data.siteKey}</code>
      </p>
      <label htmlFor={snippetId}>Snippet for the company site</label>
      <textarea id={snippetId} readOnly rows={2} value={site.data.snippet} />
    </div>
  );
}
