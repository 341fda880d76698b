import type { SlaReport } from '../../../lib/core/model/reports';
import { useFormats } from '../../shell/context';
import { FigureLink } from './FigureLink';

/** Both sides per rep: every active rep, plus anyone else who owns leads of the period, so the rows add up. */
export function RepsTable({ report }: { report: SlaReport }) {
  const f = useFormats();
  const period = report.period;
  return (
    <section className="card" aria-labelledby="reps-heading">
      <h2 id="reps-heading">Per rep</h2>
      {report.reps.length === 0 ? (
        <p className="muted">No reps yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Delivered</th>
                <th scope="col">First touch within SLA</th>
                <th scope="col">Median</th>
                <th scope="col">p90</th>
                <th scope="col">Attempts per lead</th>
                <th scope="col">Cadence completion</th>
                <th scope="col">Breaches now</th>
              </tr>
            </thead>
            <tbody>
              {report.reps.map((rep) => {
                const filter = { rep: rep.id, repName: rep.name };
                return (
                  <tr key={rep.id}>
                    <th scope="row">
                      {rep.name}
                      {rep.active ? null : <span className="muted"> (inactive)</span>}
                    </th>
                    <td>
                      <FigureLink figure="delivered" period={period} filter={filter}>
                        {f.count(rep.marketing.delivered)}
                      </FigureLink>
                    </td>
                    <td>
                      <FigureLink figure="first_touch_within" period={period} filter={filter}>
                        {f.count(rep.firstTouch.withinSla)}
                      </FigureLink>{' '}
                      <span className="muted">
                        of {f.count(rep.firstTouch.judged)} ({f.share(rep.firstTouch.share)})
                      </span>
                    </td>
                    <td>{f.businessMinutes(rep.firstTouch.medianBusinessMinutes)}</td>
                    <td>{f.businessMinutes(rep.firstTouch.p90BusinessMinutes)}</td>
                    <td>{f.decimal(rep.attemptsPerLead)}</td>
                    <td>
                      <FigureLink figure="cadence_complete" period={period} filter={filter}>
                        {f.share(rep.cadenceCompletion.share)}
                      </FigureLink>
                    </td>
                    <td>
                      <FigureLink figure="breached" period={period} filter={filter}>
                        {f.count(rep.openLeads.breached)}
                      </FigureLink>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
