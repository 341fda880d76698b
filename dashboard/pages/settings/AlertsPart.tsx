import { useState } from 'react';
import type { AlertRule, AlertSettings } from '../../../lib/core/model/alerts';
import { CheckboxField, LinesField, NumberField, TextField } from './controls';
import { linesOf, numberOf, textOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';
import { RuleChecks } from './RuleChecks';

/** The alert settings as typed: numbers and the key pages as text; the chat's address kept while it is switched off. */
interface AlertsDraft {
  enabled: AlertRule[];
  returnVisitDays: string;
  keyPages: string;
  dueSoonBusinessMinutes: string;
  dedupeMinutes: string;
  digestAbove: string;
  chatOn: boolean;
  chatUrl: string;
  chatRules: AlertRule[];
}

const draftOf = (v: AlertSettings): AlertsDraft => ({
  enabled: v.enabled,
  returnVisitDays: textOf(v.returnVisitDays),
  keyPages: v.keyPages.join('\n'),
  dueSoonBusinessMinutes: textOf(v.dueSoonBusinessMinutes),
  dedupeMinutes: textOf(v.dedupeMinutes),
  digestAbove: textOf(v.digestAbove),
  chatOn: v.chat !== null,
  chatUrl: v.chat?.url ?? '',
  chatRules: v.chat?.rules ?? [],
});

const settingsOf = (d: AlertsDraft) => ({
  enabled: d.enabled,
  returnVisitDays: numberOf(d.returnVisitDays),
  keyPages: linesOf(d.keyPages),
  dueSoonBusinessMinutes: numberOf(d.dueSoonBusinessMinutes),
  dedupeMinutes: numberOf(d.dedupeMinutes),
  digestAbove: numberOf(d.digestAbove),
  chat: d.chatOn ? { url: d.chatUrl.trim(), rules: d.chatRules } : null,
});

/** Hot-lead alerts: which rules alert a lead's owner, their windows and pacing, and the workspace's chat. */
export function AlertsPart({ value, editable, owners, save }: PartProps<'alerts'>) {
  const [draft, setDraft] = useState(() => draftOf(value));
  const set = <K extends keyof AlertsDraft>(key: K) => (v: AlertsDraft[K]) => setDraft({ ...draft, [key]: v });
  return (
    <PartForm
      part="alerts"
      title="Alerts"
      description="What alerts a lead’s owner, by browser notification and, for those who chose it, by email. Machine activity (a scanner opening an email) never alerts. Each person can mute a rule or a lead on their own My alerts page; alerts outside their working hours wait for the next working moment."
      editable={editable}
      owners={owners}
      save={() => save(settingsOf(draft))}
      onSaved={(v) => setDraft(draftOf(v))}
    >
      <RuleChecks path="alerts.enabled" legend="Rules that alert (a rule left off alerts nobody)" value={draft.enabled} onChange={set('enabled')} />
      <NumberField path="alerts.returnVisitDays" label="Return visit after (days away)" value={draft.returnVisitDays} onChange={set('returnVisitDays')} />
      <LinesField path="alerts.keyPages" label="Key pages" hint="one path a line, such as /pricing: a page whose path starts with one is a key page" value={draft.keyPages} onChange={set('keyPages')} />
      <NumberField
        path="alerts.dueSoonBusinessMinutes"
        label="About to breach (business minutes before the due time)"
        value={draft.dueSoonBusinessMinutes}
        onChange={set('dueSoonBusinessMinutes')}
      />
      <NumberField
        path="alerts.dedupeMinutes"
        label="One alert per lead per rule within (minutes)"
        hint="a visit of 12 pages is one alert"
        value={draft.dedupeMinutes}
        onChange={set('dedupeMinutes')}
      />
      <NumberField path="alerts.digestAbove" label="A digest when more than this many fire within a minute" value={draft.digestAbove} onChange={set('digestAbove')} />
      <CheckboxField path="alerts.chat" label="Send alerts to a chat" hint="a Slack- or Teams-compatible incoming webhook" checked={draft.chatOn} onChange={set('chatOn')} />
      {draft.chatOn ? (
        <>
          <TextField path="alerts.chat.url" label="Incoming-webhook URL" hint="https://…, from the chat’s incoming-webhook setup" inputMode="url" value={draft.chatUrl} onChange={set('chatUrl')} />
          <RuleChecks path="alerts.chat.rules" legend="Rules the chat hears" value={draft.chatRules} onChange={set('chatRules')} />
        </>
      ) : null}
    </PartForm>
  );
}
