import { useDashboard } from '../../shell/context';
import { PeriodPicker, usePeriod } from '../../shell/PeriodPicker';
import { Empty, ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { SlaSections } from './SlaSections';

/** The home page: the SLA both ways, for the period picked, every count a link to its leads. */
export function SlaPage() {
  const { api, session, formats: f } = useDashboard();
  const { preset, setPreset, from } = usePeriod();
  const report = useLoad(`sla:${preset}`, () => api.slaReport({ from }));
  return (
    <div className="page">
      <div className="page__head">
        <h1>SLA both ways</h1>
        <PeriodPicker preset={preset} onChange={setPreset} />
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
          {session.user.role === 'rep' ? <p className="notice">Your own leads only: every figure here counts the leads you own, and the goal is one rep’s.</p> : null}
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
