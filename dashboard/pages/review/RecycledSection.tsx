import { useState } from 'react';
import { NONE_RECORDED, RECYCLED_MOVES, type RankedReason, type RecycledItem, type RecycledReport } from '../../../lib/core/model/reports';
import { useDashboard } from '../../shell/context';
import { PeriodPicker, usePeriod } from '../../shell/PeriodPicker';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { usePaged } from '../../shell/usePaged';
import { STAGE_LABELS } from '../loop/labels';

type Move = (typeof RECYCLED_MOVES)[number];
const MOVE_LABELS: Record<Move, string> = { recycled: 'Recycled', disqualified: 'Disqualified', both: 'Both' };

function reasonLabel(r: { code: string | null; text: string | null }): string {
  return r.text ?? r.code?.replace(/_/g, ' ') ?? 'No reason given';
}

/**
 * The reasons the list can be narrowed to: the API filters by code, and several worded reasons can share one ("other"
 * with its free texts), so each code is offered once, with every wording under it counted, in rank order.
 */
export function reasonFilters(reasons: readonly RankedReason[]): { value: string; label: string; count: number }[] {
  const byCode = new Map<string, RankedReason[]>();
  for (const r of reasons) {
    const value = r.code ?? NONE_RECORDED;
    byCode.set(value, [...(byCode.get(value) ?? []), r]);
  }
  return [...byCode].map(([value, rs]) => ({
    value,
    label: rs.length === 1 ? reasonLabel(rs[0]!) : value === NONE_RECORDED ? 'No code recorded' : `${value.replace(/_/g, ' ')} (${rs.length} wordings)`,
    count: rs.reduce((n, r) => n + r.count, 0),
  }));
}

/** Leads sales sent back to marketing in the period, why (most given reason first), and whether they came back. */
export function RecycledSection() {
  const { api, formats: f } = useDashboard();
  const { preset, setPreset, from } = usePeriod();
  const [stage, setStage] = useState<Move>('recycled');
  const [reasonCode, setReasonCode] = useState<string>('');
  const list = usePaged<RecycledReport>(`recycled:${from ?? ''}:${stage}:${reasonCode}`, (before) =>
    api.recycledReport({ from, stage, reasonCode: reasonCode === '' ? undefined : reasonCode, before }),
  );
  const first = list.first.state === 'ready' ? list.first.data : null;
  const items = list.pages.flatMap((p) => p.items);
  return (
    <section className="card" aria-labelledby="recycled-heading">
      <div className="page__head">
        <h2 id="recycled-heading">Leads recycled to marketing</h2>
        <PeriodPicker preset={preset} onChange={setPreset} name="recycled-period" />
      </div>
      <div className="inline">
        <label htmlFor="recycled-stage">Moves</label>
        <select
          id="recycled-stage"
          value={stage}
          onChange={(e) => {
            setStage(e.target.value as Move);
            setReasonCode('');
          }}
        >
          {RECYCLED_MOVES.map((m) => (
            <option key={m} value={m}>
              {MOVE_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      {list.first.state === 'loading' ? (
        <Loading what="the recycled leads" />
      ) : list.first.state === 'error' ? (
        <ErrorState what="the recycled leads" error={list.first.error} retry={list.first.reload} />
      ) : first === null || (first.count === 0 && first.reasons.length === 0) ? (
        <Empty title="No leads sent back in this period">Leads sales recycle or disqualify show here with the reasons they gave.</Empty>
      ) : (
        <>
          <p>
            <strong data-testid="recycled-count">{f.count(first.count)}</strong> {first.count === 1 ? 'move' : 'moves'}, of which{' '}
            {f.count(first.cameBack)} came back since.
          </p>
          <h3 id="reasons-heading">Reasons, most given first</h3>
          <ol className="reasons" aria-labelledby="reasons-heading">
            {first.reasons.map((r) => (
              <li key={`${r.code ?? ''}:${r.text ?? ''}`}>
                {reasonLabel(r)} <span className="muted">({f.count(r.count)})</span>
              </li>
            ))}
          </ol>
          <div className="inline">
            <label htmlFor="recycled-reason">Only the moves with reason</label>
            <select id="recycled-reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
              <option value="">Every reason</option>
              {reasonFilters(first.reasons).map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label} ({f.count(r.count)})
                </option>
              ))}
            </select>
          </div>
          {items.length === 0 ? <p className="muted">No move with this reason.</p> : <RecycledTable items={items} />}
        </>
      )}
      {list.moreError ? (
        <p className="error-text" role="alert">
          Could not load more: {messageOf(list.moreError)}
        </p>
      ) : null}
      {list.hasMore ? (
        <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : `Show more (${f.count(items.length)} of ${f.count(first?.count ?? 0)} shown)`}
        </button>
      ) : null}
    </section>
  );
}

function RecycledTable({ items }: { items: RecycledItem[] }) {
  const { formats: f } = useDashboard();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Leads sent back to marketing</caption>
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Company</th>
            <th scope="col">Moved to</th>
            <th scope="col">On</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <a href={`mailto:${i.email}`}>{i.name ?? i.email}</a>
              </th>
              <td>{i.company ?? '—'}</td>
              <td>{STAGE_LABELS[i.to]}</td>
              <td>{f.date(i.at)}</td>
              <td>{i.by.name ?? i.by.kind}</td>
              <td>{reasonLabel(i.reason)}</td>
              <td>{i.cameBack ? `${STAGE_LABELS[i.cameBack.to]} since ${f.date(i.cameBack.at)}` : STAGE_LABELS[i.stage]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
