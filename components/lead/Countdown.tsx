import { memo, useEffect, useMemo, useState } from 'react';
import { pauseExclusions } from '../../lib/core/cadence/pauses';
import { businessMinutesBetween, isWorking } from '../../lib/core/calendar';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import type { Pause } from '../../lib/core/model/contact';
import type { CadenceState } from '../../lib/core/model/derived';
import { cadenceHeadline, liveStatus, type LiveClock } from '../../lib/view-model/cadence';
import { formatMoment, keepTogether } from '../../lib/view-model/format';
import { useServices } from '../services';

export interface CountdownProps {
  cadence: CadenceState;
  calendar: WorkCalendar;
  pauses: readonly Pause[];
  /** The policy's due-soon window (business minutes). */
  dueSoonMinutes: number;
  /** Called when the status this second differs from `cadence.status`: the lead view asks lib/core again. */
  onStatusChange?: () => void;
}

/**
 * The follow-up clock, in business time, ticking every second. It keeps its own clock, so each tick re-renders only
 * this component, never the lead card around it. Screen readers hear the status when it changes (a polite live
 * region holding the status word), not every second.
 */
export const Countdown = memo(function Countdown({ cadence, calendar, pauses, dueSoonMinutes, onStatusChange }: CountdownProps) {
  const { now } = useServices();
  const ticking = cadence.nextDueAt !== null;
  // The clock as of the last tick, for the cadence it ticked for; a new cadence (a log, a recompute) reads the clock
  // afresh rather than showing a stale second.
  const [tick, setTick] = useState(() => ({ at: now(), cadence }));
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick({ at: now(), cadence }), 1000);
    return () => clearInterval(timer);
  }, [now, ticking, cadence]);
  const at = useMemo(() => (tick.cadence === cadence ? tick.at : now()), [tick, cadence, now]);

  const exclude = useMemo(() => pauseExclusions(pauses), [pauses]);
  const clock: LiveClock = useMemo(() => {
    const due = cadence.nextDueAt ? new Date(cadence.nextDueAt) : null;
    return {
      businessMinutesLeft: due ? businessMinutesBetween(calendar, at, due, { exclude }) : null,
      wallMsLeft: due ? due.getTime() - at.getTime() : null,
      windowMsLeft: Date.parse(cadence.windowEndsAt) - at.getTime(),
    };
  }, [cadence, calendar, exclude, at]);

  const status = liveStatus(cadence, clock, dueSoonMinutes);
  useEffect(() => {
    if (status !== cadence.status) onStatusChange?.();
  }, [status, cadence.status, onStatusChange]);

  const working = isWorking(calendar, at, { exclude });
  const headline = cadenceHeadline(status, clock.businessMinutesLeft, {
    exitReason: cadence.exitReason,
    pausedUntil: cadence.pausedUntil ? formatMoment(new Date(cadence.pausedUntil), at) : null,
    dueAt: cadence.nextDueAt ? formatMoment(new Date(cadence.nextDueAt), at) : null,
    seconds: true,
    attempts: { done: cadence.attemptsDone, planned: cadence.attemptsPlanned },
    working,
  });
  const offHours = ticking && !working;
  return (
    <div className={`countdown countdown--${headline.tone}`}>
      <p className="countdown__line">
        {headline.tag && <span className="countdown__tag">{headline.tag}</span>}
        <span className="countdown__text" title="Counted in working hours only: the SLA clock stops outside them">
          {keepTogether(headline.text).map((run, i) =>
            run.whole ? (
              <span key={i} className="nowrap">
                {run.text}
              </span>
            ) : (
              run.text
            ),
          )}
        </span>
      </p>
      {offHours && <p className="countdown__note">Outside working hours: the clock is stopped.</p>}
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        Follow-up status: {headline.label}
      </span>
    </div>
  );
});
