import { memo, useId, useState } from 'react';
import type { Contact } from '../../lib/core/model/contact';
import type { ScoreResult } from '../../lib/core/model/derived';
import { explainPart } from '../../lib/core/scoring';
import { humanizeSlug, STAGE_LABELS } from '../../lib/view-model/labels';
import { usePersonName } from '../hooks/usePeople';

export interface LeadHeaderProps {
  contact: Contact;
  score: ScoreResult;
  activeNow: boolean;
  /** The signed-in rep's id, to say "You" for the owner. */
  meId: string | null;
  /** The id of the heading naming the lead (the article is labelled by it). */
  headingId: string;
}

/** Who the lead is, where it stands, and how good it looks: the first thing a rep reads on a call. */
export const LeadHeader = memo(function LeadHeader({ contact, score, activeNow, meId, headingId }: LeadHeaderProps) {
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  // Another rep's lead says whose it is (a manager's view); "Another rep" only until the next pull brings the name.
  const ownerName = usePersonName(contact.ownerId === meId ? null : contact.ownerId);
  const owner = contact.ownerId === null ? 'Unassigned' : contact.ownerId === meId ? 'You' : (ownerName ?? 'Another rep');
  return (
    <header className="lead__who">
      <div className="lead__name-row">
        <h2 id={headingId} className="lead__name">
          {contact.name ?? contact.email}
        </h2>
        <span role="status" className="lead__live-slot">
          {activeNow && <span className="badge badge--live">Active now</span>}
        </span>
      </div>
      {role && <p className="lead__role">{role}</p>}
      {contact.name && <p className="lead__email">{contact.email}</p>}
      <dl className="facts">
        <Fact term="Stage" value={STAGE_LABELS[contact.stage]} />
        <Fact term="Lead type" value={humanizeSlug(contact.leadType) ?? 'Not set'} />
        <Fact term="Source" value={humanizeSlug(contact.source) ?? 'Unknown'} />
        <Fact term="Owner" value={owner} />
      </dl>
      {contact.stageReason && (contact.stage === 'recycled' || contact.stage === 'disqualified') && (
        <p className="lead__stage-reason">
          {STAGE_LABELS[contact.stage]}: {contact.stageReason}
        </p>
      )}
      <ScoreBlock score={score} />
    </header>
  );
});

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__item">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Score and grade, the fit reasons in view, and every point explained one click away. */
function ScoreBlock({ score }: { score: ScoreResult }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const fit = score.parts.filter((p) => p.kind === 'fit');
  return (
    <div className="score">
      <div className="score__row">
        <span className={`grade grade--${score.grade}`} title="Fit grade: how well the contact matches the ideal buyer">
          Grade {score.grade}
        </span>
        <span className="score__value">
          Score <strong>{score.score}</strong>
        </span>
        {score.qualifiesAsMql && <span className="badge">Qualifies as MQL</span>}
        <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide breakdown' : 'Score breakdown'}
        </button>
      </div>
      {fit.length > 0 && (
        <ul className="score__fit" aria-label="Fit reasons">
          {fit.map((p) => (
            <li key={p.ruleId} className={p.points < 0 ? 'chip chip--negative' : 'chip'}>
              {p.points < 0 ? explainPart(p) : p.label}
            </li>
          ))}
        </ul>
      )}
      <div id={panelId} hidden={!open} className="score__explain">
        {score.parts.length === 0 ? (
          <p>No rule matched yet: the score is 0.</p>
        ) : (
          <ul aria-label="How the score adds up">
            {score.parts.map((p) => (
              <li key={`${p.kind}:${p.ruleId}`}>{explainPart(p)}</li>
            ))}
          </ul>
        )}
        <p className="score__sum">
          Fit {score.fit} + engagement {score.engagement < 0 ? `(\u2212${-score.engagement})` : score.engagement} = {score.score}
        </p>
      </div>
    </div>
  );
}
