import type { DeliveredBy, SlaReport } from '../../../lib/core/model/reports';
import { NONE_RECORDED } from '../../../lib/core/model/reports';
import { useFormats } from '../../shell/context';
import { FigureLink } from './FigureLink';
import { Stat } from './Stat';

/** Marketing's side: what was handed to sales against the goal, and what sales made of it. */
export function MarketingSection({ report }: { report: SlaReport }) {
  const f = useFormats();
  const m = report.marketing;
  const q = m.quality;
  const period = report.period;
  return (
    <section className="card" aria-labelledby="marketing-heading">
      <h2 id="marketing-heading">Marketing delivered</h2>
      <dl className="stats-grid">
        <Stat label="Leads delivered" detail={`of a goal of ${f.decimal(m.goal)} (${f.share(m.ratio)})`}>
          <FigureLink figure="delivered" period={period}>
            {f.count(m.delivered)}
          </FigureLink>
        </Stat>
        <Stat label="MQLs" detail={`${f.share(m.mqlRatio)} of the goal`}>
          <FigureLink figure="mql" period={period}>
            {f.count(m.mqls)}
          </FigureLink>
        </Stat>
        <Stat label="Accepted by sales" detail={`${f.share(q.acceptedShare)} of MQLs`}>
          <FigureLink figure="accepted" period={period}>
            {f.count(q.accepted)}
          </FigureLink>
        </Stat>
        <Stat label="Recycled" detail={f.share(q.recycledShare)}>
          <FigureLink figure="recycled" period={period}>
            {f.count(q.recycled)}
          </FigureLink>
        </Stat>
        <Stat label="Disqualified" detail={f.share(q.disqualifiedShare)}>
          <FigureLink figure="disqualified" period={period}>
            {f.count(q.disqualified)}
          </FigureLink>
        </Stat>
        <Stat label="Not yet reviewed">
          <FigureLink figure="pending_review" period={period}>
            {f.count(q.pending)}
          </FigureLink>
        </Stat>
      </dl>
      <p className="muted small-note">
        Goal: {f.count(m.mqlsPerRepPerMonth)} MQLs a rep a month × {f.count(m.activeReps)} active reps over {f.decimal(period.days)} days.
      </p>
      <div className="two-columns">
        <Reasons title="Top reasons for recycling" reasons={q.reasons.recycled} />
        <Reasons title="Top reasons for disqualifying" reasons={q.reasons.disqualified} />
      </div>
      <DeliveredTable title="By source" keyName="source" rows={m.bySource} period={period} />
      <DeliveredTable title="By lead type" keyName="leadType" rows={m.byLeadType} period={period} />
    </section>
  );
}

function Reasons({ title, reasons }: { title: string; reasons: SlaReport['marketing']['quality']['reasons']['recycled'] }) {
  const f = useFormats();
  return (
    <div>
      <h3>{title}</h3>
      {reasons.length === 0 ? (
        <p className="muted">None given in this period.</p>
      ) : (
        <ol className="reasons">
          {reasons.slice(0, 5).map((r) => (
            <li key={`${r.code}:${r.text}`}>
              <span>{r.text ?? r.code}</span> <span className="muted">× {f.count(r.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DeliveredTable({ title, keyName, rows, period }: { title: string; keyName: 'source' | 'leadType'; rows: DeliveredBy[]; period: SlaReport['period'] }) {
  const f = useFormats();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{keyName === 'source' ? 'Source' : 'Lead type'}</th>
            <th scope="col">Delivered</th>
            <th scope="col">MQLs</th>
            <th scope="col">Accepted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const filter = { [keyName]: row.key ?? NONE_RECORDED };
            return (
              <tr key={row.key ?? NONE_RECORDED}>
                <th scope="row">{row.key ?? <span className="muted">none recorded</span>}</th>
                <td>
                  <FigureLink figure="delivered" period={period} filter={filter}>
                    {f.count(row.delivered)}
                  </FigureLink>
                </td>
                <td>
                  <FigureLink figure="mql" period={period} filter={filter}>
                    {f.count(row.mqls)}
                  </FigureLink>
                </td>
                <td>
                  <FigureLink figure="accepted" period={period} filter={filter}>
                    {f.count(row.quality.accepted)}
                  </FigureLink>{' '}
                  <span className="muted">({f.share(row.quality.acceptedShare)})</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
