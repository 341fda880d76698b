import { lazy, Suspense } from 'react';
import type { WeekPoint } from './WeeklyCharts';
import type { SlaReport } from '../../../lib/core/model/reports';
import { useFormats } from '../../shell/context';
import { FigureLink } from './FigureLink';

// The chart library is most of the dashboard's script: loaded with the first chart, not before the first figure.
const WeeklyCharts = lazy(() => import('./WeeklyCharts'));

/**
 * Both sides week by week, as charts (Recharts, with its keyboard and screen-reader layer) and, for every number, the
 * same figures as a table whose counts link to their leads: the chart shows the trend, the table is the record.
 */
export function WeeklyTrends({ report }: { report: SlaReport }) {
  const f = useFormats();
  const weeks: WeekPoint[] = report.weekly.map((w) => ({
    week: w.week,
    label: f.date(w.from),
    delivered: w.marketing.delivered,
    mqls: w.marketing.mqls,
    goal: Math.round(w.marketing.goal * 10) / 10,
    withinSla: w.sales.firstTouch.share === null ? null : Math.round(w.sales.firstTouch.share * 100),
  }));
  const period = report.period;
  return (
    <section className="card" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">Week by week</h2>
      {weeks.length === 0 ? (
        <p className="muted">No whole or part week in this period.</p>
      ) : (
        <>
          <div className="charts">
            <Suspense fallback={<p className="muted">Drawing the charts…</p>}>
              <WeeklyCharts weeks={weeks} />
            </Suspense>
          </div>
          <div className="table-wrap">
            <table>
              <caption>Week by week, in numbers</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">MQLs</th>
                  <th scope="col">Goal</th>
                  <th scope="col">First touch within SLA</th>
                  <th scope="col">Breached now</th>
                </tr>
              </thead>
              <tbody>
                {report.weekly.map((w) => {
                  const filter = { week: w.week };
                  return (
                    <tr key={w.week}>
                      <th scope="row">{f.date(w.from)}</th>
                      <td>
                        <FigureLink figure="delivered" period={period} filter={filter}>
                          {f.count(w.marketing.delivered)}
                        </FigureLink>
                      </td>
                      <td>
                        <FigureLink figure="mql" period={period} filter={filter}>
                          {f.count(w.marketing.mqls)}
                        </FigureLink>
                      </td>
                      <td>{f.decimal(w.marketing.goal)}</td>
                      <td>
                        <FigureLink figure="first_touch_within" period={period} filter={filter}>
                          {f.count(w.sales.firstTouch.withinSla)}
                        </FigureLink>{' '}
                        <span className="muted">({f.share(w.sales.firstTouch.share)})</span>
                      </td>
                      <td>
                        <FigureLink figure="breached" period={period} filter={filter}>
                          {f.count(w.sales.openLeads.breached)}
                        </FigureLink>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
