import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ContentSuggestion } from '../../lib/core/model/derived';
import { nextStep } from '../../lib/core/cadence';
import { leadPicture } from '../../lib/core/lead';
import { policyForLeadType } from '../../lib/core/model/policy';
import { outcomeSettingsOf } from '../../lib/core/model/settings';
import { primaryLogChannel } from '../../lib/view-model/cadence';
import { lastHumanAction } from '../../lib/view-model/last-action';
import { opensFigureNote } from '../../lib/view-model/open-figures';
import { useLeadData, type LeadData } from '../hooks/useLeadData';
import { useMeta } from '../hooks/useMeta';
import { useServices } from '../services';
import { AttemptPanel } from './AttemptPanel';
import { CadenceSection } from './CadenceSection';
import { ContentSection } from './ContentSection';
import { IntelligenceSection } from './IntelligenceSection';
import { QuestionsSection } from './QuestionsSection';
import { LeadHeader } from './LeadHeader';
import { StageSection } from './StageSection';
import { TimelineSection } from './TimelineSection';
import type { Role } from '../../lib/core/model/vocabulary';

/**
 * A cached lead, live from the cache: nothing until the query answers (no empty flash), then the lead. Key it by
 * contact id where the contact can change, so one lead's data never shows under another's name.
 */
export function LeadView({ contactId, focusOnOpen = false }: { contactId: string; focusOnOpen?: boolean }) {
  return (
    <CachedLead
      lead={contactId}
      focusOnOpen={focusOnOpen}
      notCached={
        <p role="status" className="notice">
          This lead is not in your Leadside cache (any more): it may have been reassigned or removed.
        </p>
      }
    />
  );
}

/**
 * The cached lead with this address (a page's person), found and read in one live query; `notCached` when the cache
 * holds no such lead.
 */
export function LeadByEmail({ email, notCached }: { email: string; notCached: ReactNode }) {
  return <CachedLead lead={{ email }} focusOnOpen={false} notCached={notCached} />;
}

/** The one body of both: the lead's card, keyed by the contact's id so one lead's state never shows under another's name. */
function CachedLead({ lead, focusOnOpen, notCached }: { lead: string | { email: string }; focusOnOpen: boolean; notCached: ReactNode }) {
  const data = useLeadData(lead);
  const me = useMeta('me');
  if (data === undefined || me === undefined) return null;
  if (data === null) return <>{notCached}</>;
  return <LeadCard key={data.contact.id} data={data} meId={me?.user.id ?? null} meRole={me?.user.role ?? null} focusOnOpen={focusOnOpen} />;
}

type Attachment = Pick<ContentSuggestion, 'contentId' | 'title'>;

/**
 * The lead card (exported for the panel benchmark's limit, bench/browser/panel-card.tsx). Its picture (summary, score, cadence) comes from lib/core at the time of the last change: a write
 * to the cache, or the countdown telling it the status moved on (due → overdue). The countdown ticks on its own, so
 * this card renders on changes, not every second.
 */
export function LeadCard({ data, meId, meRole, focusOnOpen }: { data: LeadData; meId: string | null; meRole: Role | null; focusOnOpen: boolean }) {
  const { now } = useServices();
  const headingId = useId();
  // Opened from a list (the queue), the keyboard and the screen reader follow into the lead: its name has focus once.
  useEffect(() => {
    if (focusOnOpen) document.getElementById(headingId)?.focus();
  }, [focusOnOpen, headingId]);
  // When the countdown says the status moved on, `refresh` asks lib/core again at the clock's new time.
  const [askedAt, setAskedAt] = useState(now);
  const refresh = useCallback(() => setAskedAt(now()), [now]);
  const picture = useMemo(
    () => leadPicture(data.contact, data.activities, data.attempts, data.settings, new Date(Math.max(now().getTime(), askedAt.getTime()))),
    [data, now, askedAt],
  );
  const policy = useMemo(() => policyForLeadType(data.settings.policies, data.contact.leadType), [data.settings.policies, data.contact.leadType]);
  const opensNote = opensFigureNote(data.settings, data.contact);
  const next = useMemo(() => nextStep(picture.cadence, policy), [picture.cadence, policy]);
  // As of the picture's time, like "Last seen": it moves on when the card is recomputed.
  const lastAction = useMemo(() => lastHumanAction(data.activities, new Date(Math.max(now().getTime(), askedAt.getTime()))), [data.activities, now, askedAt]);

  // "Active now" lapses a few minutes after the last visit: look again each minute while it shows.
  const activeNow = picture.summary.activeNow;
  useEffect(() => {
    if (!activeNow) return;
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, [activeNow, refresh]);

  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const onCopied = useCallback(
    (item: ContentSuggestion) =>
      setAttachments((list) => (list.some((a) => a.contentId === item.contentId) ? list : [...list, { contentId: item.contentId, title: item.title }])),
    [],
  );
  const clearAttachments = useCallback(() => setAttachments([]), []);
  const removeAttachment = useCallback((id: string) => setAttachments((list) => list.filter((a) => a.contentId !== id)), []);

  return (
    <article className="lead" aria-labelledby={headingId}>
      <LeadHeader contact={data.contact} score={picture.score} activeNow={activeNow} meId={meId} headingId={headingId} lastAction={lastAction} />
      <CadenceSection
        cadence={picture.cadence}
        calendar={data.settings.calendar}
        pauses={data.contact.pauses}
        dueSoonMinutes={policy.dueSoonBusinessMinutes}
        stage={data.contact.stage}
        next={next}
        onStatusChange={refresh}
      />
      <AttemptPanel contactId={data.contact.id} ownerId={data.contact.ownerId} viewerId={meId} viewerRole={meRole} attachments={attachments} onAttachmentsUsed={clearAttachments} onRemoveAttachment={removeAttachment} primaryChannel={primaryLogChannel(picture.cadence, next)} />
      <QuestionsSection contactId={data.contact.id} questions={data.questions} />
      <IntelligenceSection summary={picture.summary} activities={data.activities} opensNote={opensNote} />
      <ContentSection
        contact={data.contact}
        activities={data.activities}
        attempts={data.attempts}
        questions={data.questions}
        timeZone={data.settings.calendar.timeZone}
        onCopied={onCopied}
      />
      <StageSection contact={data.contact} cadence={picture.cadence} settings={data.settings} />
      <TimelineSection
        activities={data.activities} attempts={data.attempts} stageChanges={data.stageChanges} queuedStageChanges={data.queuedStageChanges}
        currency={outcomeSettingsOf(data.settings).currency}
      />
    </article>
  );
}
