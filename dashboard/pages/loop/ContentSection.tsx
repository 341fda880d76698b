import { useState } from 'react';
import type { ContentPerformance, ContentReport, ContentUse } from '../../../lib/core/model/closed-loop';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { STAGE_LABELS } from './labels';

const NOTHING: ContentUse = { sent: 0, clicked: 0, viewed: 0 };

/** Each library item's use in the period: sent, clicked, viewed, in all or at one stage; and the wins it assisted. */
export function ContentSection({ from }: { from: string | undefined }) {
  const { api } = useDashboard();
  const report = useLoad(`content:${from ?? ''}`, () => api.contentReport({ from }));
  return (
    <section className="card" aria-labelledby="content-heading">
      <h2 id="content-heading">Content performance by stage</h2>
      {report.state === 'loading' ? (
        <Loading what="the content report" />
      ) : report.state === 'error' ? (
        <ErrorState what="the content report" error={report.error} retry={report.reload} />
      ) : report.data.items.length === 0 ? (
        <Empty title="The content library is empty">Items added to the library show here with who was sent them, clicked and read them.</Empty>
      ) : (
        <ContentTable report={report.data} />
      )}
    </section>
  );
}

function ContentTable({ report }: { report: ContentReport }) {
  const { formats: f } = useDashboard();
  const [stage, setStage] = useState<LifecycleStage | 'all'>('all');
  const figuresOf = (item: ContentPerformance): ContentUse => (stage === 'all' ? item.total : (item.byStage.find((s) => s.stage === stage) ?? NOTHING));
  return (
    <>
      <div className="inline">
        <label htmlFor="content-stage">People at stage</label>
        <select id="content-stage" value={stage} onChange={(e) => setStage(e.target.value as LifecycleStage | 'all')}>
          <option value="all">Every stage</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Content performance{stage === 'all' ? '' : ` at ${STAGE_LABELS[stage]}`}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Journey stage</th>
              <th scope="col">Sent</th>
              <th scope="col">Clicked</th>
              <th scope="col">Viewed</th>
              <th scope="col">Customers assisted</th>
              <th scope="col">Assists (all time)</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((item) => {
              const use = figuresOf(item);
              return (
                <tr key={item.contentId}>
                  <th scope="row">
                    <a href={item.url} target="_blank" rel="noreferrer">
                      {item.title}
                    </a>
                    {item.archived ? <span className="muted small-note"> (archived)</span> : null}
                  </th>
                  <td>{item.journeyStage}</td>
                  <td>{f.count(use.sent)}</td>
                  <td>{f.count(use.clicked)}</td>
                  <td>{f.count(use.viewed)}</td>
                  <td>{f.count(item.assisted.customers)}</td>
                  <td>{f.count(item.assists)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small-note">
        People count once per figure. An assist is a customer who read the item within {f.count(report.assistWindowDays)} days before the win.
      </p>
    </>
  );
}
