import { memo, useId, useMemo } from 'react';
import type { Activity } from '../../lib/core/model/activity';
import type { Attempt } from '../../lib/core/model/attempt';
import type { StageChange } from '../../lib/core/model/stage-history';
import { formatFullMoment, formatMoment } from '../../lib/view-model/format';
import { timelineRows, type TimelineRow } from '../../lib/view-model/timeline';
import { PagedList } from '../common/PagedList';
import { ChangeAttemptButton, useAttemptChanges, type AttemptChanges } from './AttemptRowActions';
import { useServices } from '../services';

/** The timeline shows this many rows, and this many more at each "Show older". */
export const TIMELINE_PAGE_SIZE = 30;

export interface TimelineSectionProps {
  activities: readonly Activity[];
  attempts: readonly Attempt[];
  stageChanges: readonly StageChange[];
  /** The rep's moves still waiting in the outbox. */
  queuedStageChanges: readonly StageChange[];
  /** The workspace's currency, for a win's deal value. */
  currency: string;
}

/**
 * Everything the person and the reps did, and the lead's moves through the funnel, newest first; paged so years of
 * history cost a few dozen rows, in the panel's flow so each row is as tall as its words.
 */
export const TimelineSection = memo(function TimelineSection({ activities, attempts, stageChanges, queuedStageChanges, currency }: TimelineSectionProps) {
  const headingId = useId();
  const { now } = useServices();
  const rows = useMemo(
    () => timelineRows(activities, attempts, stageChanges, queuedStageChanges, currency),
    [activities, attempts, stageChanges, queuedStageChanges, currency],
  );
  const at = now();
  const changes = useAttemptChanges(attempts);
  return (
    <section className="section timeline" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Timeline <span className="muted">({rows.length})</span>
      </h3>
      {changes.editor}
      {rows.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <PagedList
          items={rows}
          pageSize={TIMELINE_PAGE_SIZE}
          label={`Timeline, ${rows.length} entries, newest first`}
          itemKey={(r) => r.key}
          renderItem={(r) => <Row row={r} now={at} changes={changes} />}
        />
      )}
    </section>
  );
});

function Row({ row, now, changes }: { row: TimelineRow; now: Date; changes: AttemptChanges }) {
  const date = new Date(row.at);
  return (
    <div className={`trow trow--${row.by}${row.faded ? ' trow--faded' : ''}`} title={row.fadedReason ?? undefined}>
      <div className="trow__main">
        {/* Wraps when long (never cut); the title keeps the whole text for a hover too. */}
        <span className="trow__text" title={row.text}>
          {row.text}
        </span>
        <time className="trow__time" dateTime={row.at} title={formatFullMoment(date)}>
          {formatMoment(date, now)}
        </time>
        {row.attempt && changes.canChange(row.attempt) && <ChangeAttemptButton attempt={row.attempt} label={`${row.text}, ${formatMoment(date, now)}`} onOpen={changes.open} />}
      </div>
      {(row.detail || row.fadedReason) && (
        <div className="trow__detail">
          {row.fadedReason ? `Not counted: ${row.fadedReason}` : row.detail}
          {row.fadedReason && row.detail ? ` · ${row.detail}` : ''}
        </div>
      )}
    </div>
  );
}
