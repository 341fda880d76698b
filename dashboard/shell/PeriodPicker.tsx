import { useState } from 'react';
import { PERIOD_PRESETS, PERIOD_PRESET_LABELS, presetFrom, type PeriodPreset } from '../../lib/core/reports/period-presets';
import { useDashboard } from './context';

/** The period a report page covers: a preset, and the `from` it starts at in the workspace's zone. */
export function usePeriod(initial: PeriodPreset = 'last_30_days'): { preset: PeriodPreset; setPreset(p: PeriodPreset): void; from: string | undefined } {
  const { session, now } = useDashboard();
  const [preset, setPreset] = useState<PeriodPreset>(initial);
  return { preset, setPreset, from: presetFrom(preset, now(), session.timeZone) };
}

/** One look for every report page's period choice: a radio group ("This week", "Last 30 days", "This quarter"). */
export function PeriodPicker({ preset, onChange, name = 'period' }: { preset: PeriodPreset; onChange(p: PeriodPreset): void; name?: string }) {
  return (
    <fieldset className="segmented">
      <legend className="sr-only">Period</legend>
      {PERIOD_PRESETS.map((p) => (
        <label key={p} className={p === preset ? 'segmented__on' : undefined}>
          <input type="radio" name={name} value={p} checked={p === preset} onChange={() => onChange(p)} />
          {PERIOD_PRESET_LABELS[p]}
        </label>
      ))}
    </fieldset>
  );
}
