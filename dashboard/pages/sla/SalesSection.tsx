import type { SlaReport } from '../../../lib/core/model/reports';
import { useFormats } from '../../shell/context';
import { FigureLink } from './FigureLink';
import { Stat } from './Stat';

/** Sales' side over the same leads: first touch within the SLA, how fast, how often, how far, and what is late now. */
export function SalesSection({ report }: { report: SlaReport }) {
  const f = useFormats();
  const s = report.sales;
  const ft = s.firstTouch;
  const period = report.period;
  const belowTarget = ft.share !== null && ft.share < s.firstTouchTarget;
  return (
    <section className="card" aria-labelledby="sales-heading">
      <h2 id="sales-heading">Sales followed up</h2>
      <dl className="stats-grid">
        <Stat
          label="First touch within SLA"
          detail={
            <>
              <span className={belowTarget ? 'tone--danger' : 'tone--ok'}>{f.share(ft.share)}</span> of{' '}
              <span>{f.count(ft.judged)}</span> judged; target {f.share(s.firstTouchTarget)}
            </>
          }
        >
          <FigureLink figure="first_touch_within" period={period}>
            {f.count(ft.withinSla)}
          </FigureLink>
        </Stat>
        <Stat label="Missed the first touch">
          <FigureLink figure="first_touch_missed" period={period}>
            {f.count(ft.judged - ft.withinSla)}
          </FigureLink>
        </Stat>
        <Stat label="Still inside the window">
          <FigureLink figure="first_touch_pending" period={period}>
            {f.count(ft.pending)}
          </FigureLink>
        </Stat>
        <Stat
          label="Time to first touch"
          detail={
            <>
              median, business time; p90 {f.businessMinutes(ft.p90BusinessMinutes)} over{' '}
              <FigureLink figure="touched" period={period}>
                {f.count(ft.touched)} touched
              </FigureLink>
            </>
          }
        >
          {f.businessMinutes(ft.medianBusinessMinutes)}
        </Stat>
        <Stat label="Attempts per lead" detail={`${f.count(s.attempts)} attempts on ${f.count(s.leads)} leads`}>
          <FigureLink figure="delivered" period={period}>
            {f.decimal(s.attemptsPerLead)}
          </FigureLink>
        </Stat>
        <Stat label="Attempts before exit" detail={`${f.count(s.attemptsBeforeExit.leads)} leads exited`}>
          <FigureLink figure="exited" period={period}>
            {f.decimal(s.attemptsBeforeExit.perLead)}
          </FigureLink>
        </Stat>
        <Stat
          label="Cadence completion"
          detail={
            <>
              <FigureLink figure="cadence_complete" period={period}>
                {f.count(s.cadenceCompletion.complete)}
              </FigureLink>{' '}
              of {f.count(s.cadenceCompletion.finished)} finished;{' '}
              <FigureLink figure="cadence_incomplete" period={period}>
                {f.count(s.cadenceCompletion.finished - s.cadenceCompletion.complete)} incomplete
              </FigureLink>
            </>
          }
        >
          {f.share(s.cadenceCompletion.share)}
        </Stat>
        <Stat label="Breaches open now" detail={<>{overdueLink(report, f.count(s.openLeads.overdue))} overdue</>}>
          <FigureLink figure="breached" period={period}>
            {f.count(s.openLeads.breached)}
          </FigureLink>
        </Stat>
      </dl>
    </section>
  );
}

function overdueLink(report: SlaReport, text: string) {
  return (
    <FigureLink figure="overdue" period={report.period}>
      {text}
    </FigureLink>
  );
}
