import { GRADES } from '../../../lib/core/model/scoring';
import type { ScoringPreview } from '../../../lib/core/model/scoring-preview';
import { useDashboard } from '../../shell/context';

/** What the proposed model would change: counts first (grades, MQL status), then the leads that change, most telling first. */
export function ScoringPreviewView({ preview: p }: { preview: ScoringPreview }) {
  const { formats: f } = useDashboard();
  return (
    <section className="scoring-preview" aria-labelledby="scoring-preview-heading">
      <h3 id="scoring-preview-heading">Preview: what saving this model would change</h3>
      <p>
        <span data-testid="preview-changed">{f.count(p.changed)}</span> of <span data-testid="preview-scored">{f.count(p.scored)}</span> current leads would change
        score, grade or MQL status (scored {f.dateTime(p.scoredAt)}).
      </p>
      <dl className="stats-grid">
        <div className="stat">
          <dt>Would start qualifying as MQL</dt>
          <dd className="stat__value" data-testid="preview-mql-starting">
            {f.count(p.mql.starting)}
          </dd>
        </div>
        <div className="stat">
          <dt>Would stop qualifying as MQL</dt>
          <dd className="stat__value" data-testid="preview-mql-stopping">
            {f.count(p.mql.stopping)}
          </dd>
        </div>
        <div className="stat">
          <dt>MQLs now → with this model</dt>
          <dd className="stat__value" data-testid="preview-mql-total">
            {f.count(p.mql.current)} → {f.count(p.mql.proposed)}
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>Leads in each grade</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Now</th>
              <th scope="col">With this model</th>
            </tr>
          </thead>
          <tbody>
            {GRADES.map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td data-testid={`preview-grade-${g}-current`}>{f.count(p.grades.current[g])}</td>
                <td data-testid={`preview-grade-${g}-proposed`}>{f.count(p.grades.proposed[g])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.grades.changes.length > 0 ? (
        <ul aria-label="Grade moves">
          {p.grades.changes.map((c) => (
            <li key={`${c.from}${c.to}`}>
              {c.from} → {c.to}: {f.count(c.count)}
            </li>
          ))}
        </ul>
      ) : null}
      {p.items.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="preview-items">
            <caption>Leads that would change{p.more ? ` (the first ${f.count(p.items.length)})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Stage</th>
                <th scope="col">Score</th>
                <th scope="col">Grade</th>
                <th scope="col">MQL</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.name ?? i.email}
                    {i.company ? <span className="muted"> · {i.company}</span> : null}
                  </th>
                  <td>{i.stage}</td>
                  <td>
                    {f.count(i.current.score)} → {f.count(i.proposed.score)}
                  </td>
                  <td>
                    {i.current.grade} → {i.proposed.grade}
                  </td>
                  <td>
                    {i.current.qualifiesAsMql ? 'yes' : 'no'} → {i.proposed.qualifiesAsMql ? 'yes' : 'no'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No current lead would change.</p>
      )}
    </section>
  );
}
