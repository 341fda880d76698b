import { useState } from 'react';
import { PERIOD_PRESETS, PERIOD_PRESET_LABELS, presetFrom, type PeriodPreset } from '../../../lib/core/reports/period-presets';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { SlaSections } from './SlaSections';

/** The home page: the SLA both ways, for the period picked, every count a link to its leads. */
export function SlaPage() {
  const { api, session, now, formats: f } = useDashboard();
  const [preset, setPreset] = useState<PeriodPreset>('last_30_days');
  const from = presetFrom(preset, now(), session.timeZone);
  const report = useLoad(`sla:${preset}`, () => api.slaReport({ from }));
  return (
    <div className="page">
      <div className="page__head">
        <h1>SLA both ways</h1>
        <fieldset className="segmented">
          <legend className="sr-only">Period</legend>
          {PERIOD_PRESETS.map((p) => (
            <label key={p} className={p === preset ? 'segmented__on' : undefined}>
              <input type="radio" name="period" value={p} checked={p === preset} onChange={() => setPreset(p)} />
              {PERIOD_PRESET_LABELS[p]}
            </label>
          ))}
        </fieldset>
      </div>
      {report.state === 'loading' ? (
        <Loading what="the SLA report" />
      ) : report.state === 'error' ? (
        <ErrorState what="the SLA report" error={report.error} retry={report.reload} />
      ) : (
        <>
          <p className="muted">
            {f.dateTime(report.data.period.from)} to {f.dateTime(report.data.period.to)} ({session.timeZone})
          </p>
          {report.data.marketing.delivered === 0 && report.data.sales.leads === 0 && report.data.reps.every((r) => r.leads === 0) ? (
            <Empty title="No leads in this period">Leads assigned to reps in the period show here, with what sales made of them.</Empty>
          ) : null}
          <SlaSections report={report.data} />
          <details className="notes">
            <summary>How each figure is counted</summary>
            <ul>
              {report.data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
