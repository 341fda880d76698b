import { ALERT_RULE_LABELS } from '../../../lib/core/model/alert-labels';
import { ALERT_RULES, type AlertRule } from '../../../lib/core/model/alerts';
import { CheckboxField, Group, useFieldError } from './controls';

/** The rules with `rule` switched on or off, always in ALERT_RULES order (so a saved list does not depend on clicks). */
const withRule = (rules: readonly AlertRule[], rule: AlertRule, on: boolean): AlertRule[] => ALERT_RULES.filter((r) => (r === rule ? on : rules.includes(r)));

/**
 * A checkbox per alert rule in its plain words: the rules that alert, the chat's, a person's email and muted rules.
 * `path` is the list's place in the document ("alerts.enabled"); a refusal of the list or of an entry shows under it.
 */
export function RuleChecks({ path, legend, value, onChange }: { path: string; legend: string; value: readonly AlertRule[]; onChange: (rules: AlertRule[]) => void }) {
  const error = useFieldError(path, 'entry');
  return (
    <Group legend={legend}>
      {ALERT_RULES.map((rule) => (
        <CheckboxField key={rule} path={`${path}.${rule}`} label={ALERT_RULE_LABELS[rule]} checked={value.includes(rule)} onChange={(on) => onChange(withRule(value, rule, on))} />
      ))}
      {error ? <span className="error-text">{error}</span> : null}
    </Group>
  );
}
