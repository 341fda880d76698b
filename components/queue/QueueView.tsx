import { useId, useState } from 'react';
import { cadenceHeadline } from '../../lib/view-model/cadence';
import { formatMoment } from '../../lib/view-model/format';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { displayName, type QueueGroup, type QueueLead } from '../../lib/view-model/queue';
import { useQueue } from '../hooks/useQueue';
import { useServices } from '../services';

/** The rep's day: breached and overdue first, then due soon, then new leads, then on track; each by score. */
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
  const headline = c
    ? cadenceHeadline(c.status, c.businessMinutesLeft, {
        exitReason: c.exitReason,
        pausedUntil: c.pausedUntil ? formatMoment(new Date(c.pausedUntil), now()) : null,
        dueAt: c.nextDueAt ? formatMoment(new Date(c.nextDueAt), now()) : null,
      })
    : null;
  // The group heading says how urgent; the line says when. A first touch says so: it is the SLA's own deadline.
  const when = headline && (c?.status === 'first_touch_due' ? `First touch ${headline.text.charAt(0).toLowerCase()}${headline.text.slice(1)}` : headline.text);
  const label = [
    displayName(lead),
    lead.contact.company,
    `grade ${lead.score.grade}, score ${lead.score.score}`,
    when,
    STAGE_LABELS[lead.contact.stage],
    c ? `${c.attemptsDone} of ${c.attemptsPlanned} attempts` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <button type="button" className="qitem" aria-label={label} onClick={() => onOpen(lead.contact.id)}>
      <span className="qitem__top">
        <span className="qitem__who">
          <span className="qitem__name">{displayName(lead)}</span>
          {lead.contact.company && <span className="muted"> · {lead.contact.company}</span>}
        </span>
        <span className={`grade grade--${lead.score.grade}`}>Grade {lead.score.grade}</span>
        <span className="qitem__score" title="Score">
          {lead.score.score}
        </span>
      </span>
      <span className="qitem__bottom">
        {headline && <span className={`qitem__status tone--${headline.tone}`}>{when}</span>}
        <span className="muted qitem__meta">
          {STAGE_LABELS[lead.contact.stage]}
          {c && (
            <>
              {' · '}
              <span title="Attempts made of planned">
                {c.attemptsDone}/{c.attemptsPlanned}
              </span>
            </>
          )}
        </span>
      </span>
    </button>
  );
}
