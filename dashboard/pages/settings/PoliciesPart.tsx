import { useState } from 'react';
import type { CadencePolicy } from '../../../lib/core/model/policy';
import { ATTEMPT_CHANNELS, type AttemptChannel } from '../../../lib/core/model/vocabulary';
import { CheckboxField, Group, NumberField, SelectField, TextField } from './controls';
import { freshId, listOf, numberOf, textOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

/** A policy as typed: numbers and lists as text. */
interface PolicyDraft {
  id: string;
  version: number;
  name: string;
  leadTypes: string;
  isDefault: boolean;
  firstTouchBusinessHours: string;
  attempts: string;
  windowDays: string;
  followUpBusinessHours: string;
  dueSoonBusinessMinutes: string;
  /** Whether each attempt has a planned channel; off sends none (the rep picks). */
  planChannels: boolean;
  stepChannels: AttemptChannel[];
}

const CHANNEL_OPTIONS = ATTEMPT_CHANNELS.map((c) => [c, c] as const);

/** How many attempts the form says, for as many channel pickers; the last good count while the field is half-typed. */
function attemptCount(d: PolicyDraft): number {
  const n = Number(d.attempts);
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : Math.max(d.stepChannels.length, 1);
}

/** A channel for each attempt: the ones picked, and email for attempts added since. */
const channelsOf = (d: PolicyDraft): AttemptChannel[] => Array.from({ length: attemptCount(d) }, (_, i) => d.stepChannels[i] ?? 'email');

const draftOf = (p: CadencePolicy): PolicyDraft => ({
  id: p.id,
  version: p.version,
  name: p.name,
  leadTypes: p.leadTypes.join(', '),
  isDefault: p.isDefault,
  firstTouchBusinessHours: textOf(p.firstTouchBusinessHours),
  attempts: textOf(p.attempts),
  windowDays: textOf(p.windowDays),
  followUpBusinessHours: p.followUpBusinessHours.join(', '),
  dueSoonBusinessMinutes: textOf(p.dueSoonBusinessMinutes),
  planChannels: p.stepChannels.length > 0,
  stepChannels: p.stepChannels,
});

const policyOf = (d: PolicyDraft) => ({
  id: d.id,
  version: d.version,
  name: d.name,
  leadTypes: listOf(d.leadTypes),
  isDefault: d.isDefault,
  firstTouchBusinessHours: numberOf(d.firstTouchBusinessHours),
  attempts: numberOf(d.attempts),
  windowDays: numberOf(d.windowDays),
  followUpBusinessHours: listOf(d.followUpBusinessHours).map(Number),
  dueSoonBusinessMinutes: numberOf(d.dueSoonBusinessMinutes),
  stepChannels: d.planChannels ? channelsOf(d) : [],
});

const NEW_POLICY: Omit<PolicyDraft, 'id'> = {
  version: 0,
  name: 'New policy',
  leadTypes: '',
  isDefault: false,
  firstTouchBusinessHours: '4',
  attempts: '5',
  windowDays: '14',
  followUpBusinessHours: '16, 16, 24, 24',
  dueSoonBusinessMinutes: '60',
  planChannels: false,
  stepChannels: [],
};

/** Sales' side of the SLA per lead type: the first touch within N business hours, then the attempts and their spacing. */
export function PoliciesPart({ value, editable, owners, save }: PartProps<'policies'>) {
  const [drafts, setDrafts] = useState(() => value.map(draftOf));
  const set = (i: number, d: PolicyDraft) => setDrafts(drafts.map((x, j) => (j === i ? d : x)));
  return (
    <PartForm
      part="policies"
      title="Cadence policies"
      description="First touch within N business hours, then the attempts, their spacing and, if planned, the channel of each. A lead type belongs to one policy; the default policy covers every type no other policy names. Reps’ panels use a saved policy after their next sync."
      editable={editable}
      owners={owners}
      save={() => save(drafts.map(policyOf))}
      onSaved={(v) => setDrafts(v.map(draftOf))}
    >
      {drafts.map((d, i) => (
        <PolicyFields key={d.id} index={i} draft={d} onChange={(next) => set(i, next)} onRemove={() => setDrafts(drafts.filter((_, j) => j !== i))} />
      ))}
      <button type="button" onClick={() => setDrafts([...drafts, { ...NEW_POLICY, id: freshId('policy', drafts.map((d) => d.id)) }])}>
        Add a policy
      </button>
    </PartForm>
  );
}

function PolicyFields({ index, draft: d, onChange, onRemove }: { index: number; draft: PolicyDraft; onChange: (d: PolicyDraft) => void; onRemove: () => void }) {
  const at = (field: string) => `policies.${index}.${field}`;
  const set = <K extends keyof PolicyDraft>(key: K) => (v: PolicyDraft[K]) => onChange({ ...d, [key]: v });
  return (
    <Group legend={`Policy ${index + 1}: ${d.name || 'unnamed'}`} className="settings-policy">
      <TextField path={at('name')} label="Name" value={d.name} onChange={set('name')} />
      <TextField path={at('leadTypes')} label="Lead types" hint="comma-separated, such as inbound_demo, webinar; empty for none" list value={d.leadTypes} onChange={set('leadTypes')} />
      <CheckboxField path={at('isDefault')} label="The default policy (for every lead type no policy names)" checked={d.isDefault} onChange={set('isDefault')} />
      <NumberField path={at('firstTouchBusinessHours')} label="First touch within (business hours)" value={d.firstTouchBusinessHours} onChange={set('firstTouchBusinessHours')} />
      <NumberField path={at('attempts')} label="Attempts" value={d.attempts} onChange={set('attempts')} />
      <NumberField path={at('windowDays')} label="Within (calendar days)" value={d.windowDays} onChange={set('windowDays')} />
      <TextField
        path={at('followUpBusinessHours')}
        label="Spacing: business hours before each follow-up"
        hint="comma-separated, one gap for each attempt after the first, such as 16, 16, 24, 24"
        list
        value={d.followUpBusinessHours}
        onChange={set('followUpBusinessHours')}
      />
      <CheckboxField
        path={at('stepChannels')}
        label="Plan the channel of each attempt"
        hint="off: the rep picks the channel of each attempt"
        checked={d.planChannels}
        onChange={(planChannels) => onChange({ ...d, planChannels, stepChannels: channelsOf(d) })}
      />
      {d.planChannels ? (
        <div className="settings-row">
          {channelsOf(d).map((channel, i) => (
            <SelectField<AttemptChannel>
              key={i}
              path={at(`stepChannels.${i}`)}
              label={`Attempt ${i + 1} channel`}
              value={channel}
              options={CHANNEL_OPTIONS}
              onChange={(c) => onChange({ ...d, stepChannels: channelsOf(d).map((x, j) => (j === i ? c : x)) })}
            />
          ))}
        </div>
      ) : null}
      <NumberField path={at('dueSoonBusinessMinutes')} label="Due soon (business minutes before a due time)" value={d.dueSoonBusinessMinutes} onChange={set('dueSoonBusinessMinutes')} />
      <button type="button" onClick={onRemove} aria-label={`Remove policy ${index + 1}`}>
        Remove this policy
      </button>
    </Group>
  );
}
