import { memo, useId } from 'react';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import type { Pause } from '../../lib/core/model/contact';
import type { NextStep } from '../../lib/core/cadence/next-step';
import type { CadenceState } from '../../lib/core/model/derived';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { cadenceFacts } from '../../lib/view-model/cadence';
import { formatFullMoment, formatMoment } from '../../lib/view-model/format';
import { useServices } from '../services';
import { Countdown } from './Countdown';

export interface CadenceSectionProps {
  cadence: CadenceState | null;
  calendar: WorkCalendar;
  pauses: readonly Pause[];
  dueSoonMinutes: number;
  /** The lead's stage: one that ends the cadence has no SLA deadline to show. */
  stage: LifecycleStage;
  /** The attempt the plan asks for next (lib/core/cadence nextStep), null when none. */
  next: NextStep | null;
  onStatusChange?: () => void;
}

/**
 * The follow-up clock, what the plan asks for next ("Step 3 of 5 · Call · by Thu 5:00 PM"), the SLA deadline as the
 * rep's own local time, and how many attempts of the plan are done; the words come from cadenceFacts, which keeps
 * them in step with the clock.
 */
export const CadenceSection = memo(function CadenceSection({ cadence, calendar, pauses, dueSoonMinutes, stage, next, onStatusChange }: CadenceSectionProps) {
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
            {cadenceFacts(cadence, next, stage).map((fact) => (
              <span key={fact.key} className={`cadence__fact cadence__fact--${fact.key}`}>
                {fact.text}
                {fact.at && (
                  <>
                    {' '}
                    <Moment at={fact.at} now={now()} />
                  </>
                )}
              </span>
            ))}
          </p>
        </>
      )}
    </section>
  );
});

function Moment({ at, now }: { at: string; now: Date }) {
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatFullMoment(date)} className="nowrap">
      {formatMoment(date, now)}
    </time>
  );
}
