import { memo, useId } from 'react';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import type { Pause } from '../../lib/core/model/contact';
import type { CadenceState } from '../../lib/core/model/derived';
import { formatFullMoment, formatMoment } from '../../lib/view-model/format';
import { useServices } from '../services';
import { Countdown } from './Countdown';

export interface CadenceSectionProps {
  cadence: CadenceState | null;
  calendar: WorkCalendar;
  pauses: readonly Pause[];
  dueSoonMinutes: number;
  onStatusChange?: () => void;
}

/** The follow-up clock, the SLA deadline as the rep's own local time, and how many attempts of the plan are done. */
export const CadenceSection = memo(function CadenceSection({ cadence, calendar, pauses, dueSoonMinutes, onStatusChange }: CadenceSectionProps) {
  const headingId = useId();
  const { now } = useServices();
  return (
    <section className="section cadence" aria-labelledby={headingId}>
      <h3 id={headingId}>Follow-up</h3>
      {cadence === null ? (
        <p className="muted">No follow-up plan: this lead is not assigned to a rep yet.</p>
      ) : (
        <>
          <Countdown cadence={cadence} calendar={calendar} pauses={pauses} dueSoonMinutes={dueSoonMinutes} onStatusChange={onStatusChange} />
          <p className="cadence__facts">
            <span>
              {cadence.attemptsDone} of {cadence.attemptsPlanned} attempts
            </span>
            {cadence.nextDueAt && (
              <span>
                Next due <Moment at={cadence.nextDueAt} now={now()} />
              </span>
            )}
            <span>
              {cadence.firstTouchMet === null ? 'SLA deadline ' : cadence.firstTouchMet ? 'First touch within the SLA, deadline ' : 'First touch missed the SLA deadline '}
              <Moment at={cadence.slaDeadline} now={now()} />
            </span>
          </p>
        </>
      )}
    </section>
  );
});

function Moment({ at, now }: { at: string; now: Date }) {
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatFullMoment(date)}>
      {formatMoment(date, now)}
    </time>
  );
}
