import { useState } from 'react';
import type { SlaLeadItem, SlaLeadsPage as LeadsPage, SlaLeadsQuery } from '../../../lib/core/model/reports';
import { NONE_RECORDED } from '../../../lib/core/model/reports';
import { useDashboard } from '../../shell/context';
import { AppLink, useRouter } from '../../shell/router';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { FIGURE_TITLES, leadsQueryFrom } from './figures';

/** The leads behind one figure of the SLA report, a page at a time; each opens in the rep's own mail. */
export function SlaLeadsPage() {
  const { route } = useRouter();
  const parsed = leadsQueryFrom(route.params);
  if (!parsed.ok) {
    return (
      <div className="page">
        <h1>Leads behind a figure</h1>
        <div className="notice notice--danger" role="alert">
          <p>This address does not name a figure of the SLA report: {parsed.message}</p>
        </div>
        <AppLink to="">Back to the SLA page</AppLink>
      </div>
    );
  }
  return <LeadsList key={route.params.toString()} query={parsed.query} repName={route.params.get('repName')} />;
}

function LeadsList({ query, repName }: { query: SlaLeadsQuery; repName: string | null }) {
  const { api, formats: f } = useDashboard();
  const first = useLoad(`leads:${JSON.stringify(query)}`, () => api.slaLeads({ ...query, before: undefined }));
  const [more, setMore] = useState<{ pages: LeadsPage[]; loading: boolean; error: unknown }>({ pages: [], loading: false, error: null });
  const title = FIGURE_TITLES[query.figure];
  const head = (
    <div className="page__head">
      <h1>{title}</h1>
      <AppLink to="">Back to the SLA page</AppLink>
    </div>
  );
  if (first.state === 'loading') return <div className="page">{head}<Loading what="the leads" /></div>;
  if (first.state === 'error') return <div className="page">{head}<ErrorState what="the leads" error={first.error} retry={first.reload} /></div>;
  const pages = [first.data, ...more.pages];
  const last = pages[pages.length - 1] ?? first.data;
  const items = pages.flatMap((p) => p.items);
  const loadMore = () => {
    if (!last.next) return;
    setMore((m) => ({ ...m, loading: true, error: null }));
    api.slaLeads({ ...query, before: last.next }).then(
      (page) => setMore((m) => ({ pages: [...m.pages, page], loading: false, error: null })),
      (error: unknown) => setMore((m) => ({ ...m, loading: false, error })),
    );
  };
  return (
    <div className="page">
      {head}
      <p>
        <strong data-testid="leads-count">{f.count(first.data.count)}</strong> {first.data.count === 1 ? 'lead' : 'leads'}
        {describeFilter(query, repName)} from {f.date(first.data.period.from)} to {f.date(first.data.period.to)}.
      </p>
      {items.length === 0 ? (
        <Empty title="No leads behind this figure">Nothing in this period counts towards it.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Company</th>
                <th scope="col">Stage</th>
                <th scope="col">Cadence</th>
                <th scope="col">Attempts</th>
                <th scope="col">First touch</th>
                <th scope="col">{query.figure === 'mql' || query.figure === 'accepted' || query.figure === 'recycled' || query.figure === 'disqualified' || query.figure === 'pending_review' ? 'MQL on' : 'Assigned on'}</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {items.map((lead) => (
                <LeadRow key={lead.id} lead={lead} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more.error ? (
        <p className="error-text" role="alert">
          Could not load more: {messageOf(more.error)}
        </p>
      ) : null}
      {last.more ? (
        <button type="button" onClick={loadMore} disabled={more.loading}>
          {more.loading ? 'Loading…' : `Show more (${f.count(items.length)} of ${f.count(first.data.count)} shown)`}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A lead opens in the rep's own tools as a mailto: link: their mail client writes to the lead, and the Leadside panel
 * beside it shows the lead's picture. The report knows no CRM record address, so no CRM link is guessed.
 */
function LeadRow({ lead }: { lead: SlaLeadItem }) {
  const { formats: f } = useDashboard();
  return (
    <tr>
      <th scope="row">
        <a href={`mailto:${lead.email}`}>{lead.name ?? lead.email}</a>
        {lead.name ? <span className="muted small-note"> {lead.email}</span> : null}
      </th>
      <td>{lead.company ?? '—'}</td>
      <td>{lead.stage}</td>
      <td>{lead.cadenceStatus.replace(/_/g, ' ')}</td>
      <td>{f.count(lead.attemptsDone)}</td>
      <td>{f.businessMinutes(lead.firstTouchBusinessMinutes)}</td>
      <td>{f.date(lead.at)}</td>
      <td>{lead.reason ?? ''}</td>
    </tr>
  );
}

function describeFilter(query: SlaLeadsQuery, repName: string | null): string {
  const parts: string[] = [];
  if (query.rep) parts.push(repName ? `owned by ${repName}` : 'of one rep');
  if (query.week) parts.push(`in the week of ${query.week}`);
  if (query.source) parts.push(query.source === NONE_RECORDED ? 'with no source recorded' : `from ${query.source}`);
  if (query.leadType) parts.push(query.leadType === NONE_RECORDED ? 'with no lead type recorded' : `of type ${query.leadType}`);
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}
