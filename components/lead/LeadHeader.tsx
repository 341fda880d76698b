import { memo, useEffect, useId, useState } from 'react';
import type { Contact } from '../../lib/core/model/contact';
import type { ScoreResult } from '../../lib/core/model/derived';
import { explainPart } from '../../lib/core/scoring';
import { telHref } from '../../lib/view-model/format';
import { humanizeSlug, showsMqlBadge, STAGE_LABELS } from '../../lib/view-model/labels';
import { usePersonName } from '../hooks/usePeople';
import { useServices } from '../services';

export interface LeadHeaderProps {
  contact: Contact;
  score: ScoreResult;
  activeNow: boolean;
  /** The signed-in rep's id, to say "You" for the owner. */
  meId: string | null;
  /** The id of the heading naming the lead (the article is labelled by it). */
  headingId: string;
  /** The latest thing the person did, in words ("Viewed Pricing 2 h ago"); null when nothing yet. */
  lastAction: string | null;
}

/** Who the lead is, where it stands, and how good it looks: the first thing a rep reads on a call. */
export const LeadHeader = memo(function LeadHeader({ contact, score, activeNow, meId, headingId, lastAction }: LeadHeaderProps) {
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  // Another rep's lead says whose it is (a manager's view); "Another rep" only until the next pull brings the name.
  const ownerName = usePersonName(contact.ownerId === meId ? null : contact.ownerId);
  const owner = contact.ownerId === null ? 'Unassigned' : contact.ownerId === meId ? 'You' : (ownerName ?? 'Another rep');
  return (
    <header className="lead__who">
      <div className="lead__name-row">
        {/* tabIndex -1: the panel moves focus here when a lead is opened from the queue (LeadView's focusOnOpen). */}
        <h2 id={headingId} className="lead__name" tabIndex={-1}>
          {contact.name ?? contact.email}
        </h2>
        <span role="status" className="lead__live-slot">
          {activeNow && <span className="badge badge--live">Active now</span>}
        </span>
      </div>
      {lastAction && <p className="lead__last-action">{lastAction}</p>}
      {role && <p className="lead__role">{role}</p>}
      {contact.name && <p className="lead__email">{contact.email}</p>}
      {contact.phone && <Phone phone={contact.phone} />}
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
      <ScoreBlock score={score} mqlBadge={showsMqlBadge(contact.stage)} />
    </header>
  );
});

/** How long "Copied" stays beside the button. */
const COPIED_MS = 2_000;

/** The number as the record has it, a tel: link (the OS places the call), and a copy button for a desk phone. */
function Phone({ phone }: { phone: string }) {
  const { platform } = useServices();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await platform.writeClipboard(phone);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <p className="lead__phone">
      <a href={telHref(phone)} aria-label={`Call ${phone}`}>
        {phone}
      </a>
      <button type="button" className="link-button" aria-label="Copy phone number" onClick={() => void copy()}>
        Copy
      </button>
      <span role="status" className="lead__phone-copied">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy' : ''}
      </span>
    </p>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__item">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Score and grade, the fit reasons in view, and every point explained one click away. */
function ScoreBlock({ score, mqlBadge }: { score: ScoreResult; mqlBadge: boolean }) {
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
        {mqlBadge && score.qualifiesAsMql && <span className="badge">Qualifies as MQL</span>}
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
