import { useId, useState } from 'react';
import { cadenceHeadline } from '../../lib/view-model/cadence';
import { formatMoment } from '../../lib/view-model/format';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { displayName, urgentLine, type QueueGroup, type QueueLead } from '../../lib/view-model/queue';
import { useQueue } from '../hooks/useQueue';
import { useServices } from '../services';

/** The rep's day: breached and overdue first (longest without a touch first), then due soon, new leads, on track (by score). */
export function QueueView({ ownerId, onOpen }: { ownerId: string; onOpen: (contactId: string) => void }) {
  const groups = useQueue(ownerId);
  const headingId = useId();
  const [showResting, setShowResting] = useState(false);
  if (groups === undefined) return null;
  if (groups === null) {
    return (
      <p role="status" className="notice">
        Waiting for your workspace’s settings to sync…
      </p>
    );
  }
  const shown = groups.filter((g) => !g.hidden);
  const resting = groups.find((g) => g.hidden);
  const active = shown.reduce((n, g) => n + g.leads.length, 0);
  return (
    <section className="queue" aria-labelledby={headingId}>
      <h2 id={headingId} className="queue__title">
        Your follow-up queue
      </h2>
      {active === 0 && (resting?.leads.length ?? 0) === 0 ? (
        <p className="muted">No leads are assigned to you yet. New ones appear here as soon as they are.</p>
      ) : (
        <>
          <p className="queue__summary">
            {shown.map((g) => `${g.title}: ${g.leads.length}`).join(' · ')}
          </p>
          {shown.map((g) => (g.leads.length > 0 ? <Group key={g.key} group={g} onOpen={onOpen} /> : null))}
          {active === 0 && <p className="muted">Nothing to chase right now.</p>}
          {resting && resting.leads.length > 0 && (
            <>
              <button type="button" className="link-button" aria-expanded={showResting} onClick={() => setShowResting((s) => !s)}>
                {showResting ? 'Hide' : 'Show'} {resting.leads.length} complete, exited or paused
              </button>
              {showResting && <Group group={resting} onOpen={onOpen} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Group({ group, onOpen }: { group: QueueGroup; onOpen: (contactId: string) => void }) {
  const headingId = useId();
  return (
    <section className={`queue__group queue__group--${group.key}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.title} <span className="count">{group.leads.length}</span>
      </h3>
      <ul className="queue__list">
        {group.leads.map((lead) => (
          <li key={lead.contact.id}>
            <QueueItem lead={lead} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QueueItem({ lead, onOpen }: { lead: QueueLead; onOpen: (contactId: string) => void }) {
  const { now } = useServices();
  const c = lead.cadence;
  const at = now();
  const headline = c
    ? cadenceHeadline(c.status, c.businessMinutesLeft, {
        exitReason: c.exitReason,
        pausedUntil: c.pausedUntil ? formatMoment(new Date(c.pausedUntil), at) : null,
        dueAt: c.nextDueAt ? formatMoment(new Date(c.nextDueAt), at) : null,
      })
    : null;
  // The group heading says how urgent; the line says when. A late lead says which promise broke and how long ago, one
  // way for the whole group; a first touch says so: it is the SLA's own deadline.
  const when =
    (c && urgentLine(c, at)) ??
    (headline && (c?.status === 'first_touch_due' ? `First touch ${headline.text.charAt(0).toLowerCase()}${headline.text.slice(1)}` : headline.text));
  // No aria-label: the button's name is its visible text, with a few words only a screen reader needs (axe's
  // label-content-name-mismatch: what a voice-control user reads must be the name they can say).
  return (
    <button type="button" className="qitem" onClick={() => onOpen(lead.contact.id)}>
      <span className="qitem__top">
        <span className="qitem__who">
          <span className="qitem__name">{displayName(lead)}</span>
          {lead.contact.company && <span className="muted"> · {lead.contact.company}</span>}
        </span>
        <span className={`grade grade--${lead.score.grade}`}>Grade {lead.score.grade}</span>
        <span className="qitem__score" title="Score">
          <span className="sr-only">score </span>
          {lead.score.score}
        </span>
      </span>
      <span className="qitem__bottom">
        {headline && when && <span className={`qitem__status tone--${headline.tone}`}>{when}</span>}
        <span className="muted qitem__meta">
          {STAGE_LABELS[lead.contact.stage]}
          {c && (
            <>
              {' · '}
              <span title="Attempts made of planned">
                {c.attemptsDone}/{c.attemptsPlanned}
                <span className="sr-only"> attempts</span>
              </span>
            </>
          )}
        </span>
      </span>
    </button>
  );
}
