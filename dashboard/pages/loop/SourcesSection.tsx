import type { SourceFunnel, SourcesReport } from '../../../lib/core/model/closed-loop';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { orNone, STAGE_LABELS } from './labels';

/** Which sources the period's new leads came from and how far each got, and the SQLs and beyond among them. */
export function SourcesSection({ from }: { from: string | undefined }) {
  const { api } = useDashboard();
  const report = useLoad(`sources:${from ?? ''}`, () => api.sourcesReport({ from }));
  return (
    <section className="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources that come before customers</h2>
      {report.state === 'loading' ? (
        <Loading what="the sources" />
      ) : report.state === 'error' ? (
        <ErrorState what="the sources" error={report.error} retry={report.reload} />
      ) : report.data.total.leads === 0 ? (
        <Empty title="No new leads in this period">Contacts that become leads in the period show here by source, followed to where they are now.</Empty>
      ) : (
        <SourcesTables report={report.data} />
      )}
    </section>
  );
}

function SourcesTables({ report }: { report: SourcesReport }) {
  const { formats: f } = useDashboard();
  return (
    <>
      <p className="muted small-note">The period’s new leads by their first source, followed to where they are now.</p>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Leads by source, step by step</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Leads</th>
              <th scope="col">MQLs</th>
              <th scope="col">SQLs</th>
              <th scope="col">Opportunities</th>
              <th scope="col">Customers</th>
              <th scope="col">Lead → MQL</th>
              <th scope="col">MQL → SQL</th>
              <th scope="col">SQL → opportunity</th>
              <th scope="col">Opportunity → customer</th>
            </tr>
          </thead>
          <tbody>
            {report.sources.map((s) => (
              <FunnelRow key={s.source ?? ''} row={s} label={orNone(s.source)} />
            ))}
          </tbody>
          <tfoot>
            <FunnelRow row={report.total} label="All sources" />
          </tfoot>
        </table>
      </div>
      <h3>SQLs and beyond, with what they read before becoming an MQL</h3>
      {report.contacts.length === 0 ? (
        <p className="muted">None of the period’s leads has reached SQL yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">SQLs, opportunities and customers among the period’s leads</caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Source</th>
                <th scope="col">Reached</th>
                <th scope="col">Now</th>
                <th scope="col">MQL on</th>
                <th scope="col">Last content before MQL</th>
              </tr>
            </thead>
            <tbody>
              {report.contacts.map((c) => (
                <tr key={c.contactId}>
                  <th scope="row">
                    <a href={`mailto:${c.email}`}>{c.name ?? c.email}</a>
                  </th>
                  <td>{orNone(c.source)}</td>
                  <td>{STAGE_LABELS[c.furthest]}</td>
                  <td>{STAGE_LABELS[c.stage]}</td>
                  <td>{f.date(c.mqlAt)}</td>
                  <td>{c.lastContentBeforeMql ? `${c.lastContentBeforeMql.title} (${f.date(c.lastContentBeforeMql.at)})` : 'Nothing read'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function FunnelRow({ row, label }: { row: SourceFunnel; label: string }) {
  const { formats: f } = useDashboard();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{f.count(row.leads)}</td>
      <td>{f.count(row.mqls)}</td>
      <td>{f.count(row.sqls)}</td>
      <td>{f.count(row.opportunities)}</td>
      <td>{f.count(row.customers)}</td>
      <td>{f.share(row.rates.leadToMql)}</td>
      <td>{f.share(row.rates.mqlToSql)}</td>
      <td>{f.share(row.rates.sqlToOpportunity)}</td>
      <td>{f.share(row.rates.opportunityToCustomer)}</td>
    </tr>
  );
}
