import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useMemo, useState } from 'react';
import { ApiFailure } from '../../lib/api/errors';
import type { Activity } from '../../lib/core/model/activity';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentSuggestion } from '../../lib/core/model/derived';
import type { Question } from '../../lib/core/model/questions';
import { suggestContent } from '../../lib/core/content-suggestions';
import { useApi } from '../hooks/useApi';
import { useServices } from '../services';

export interface ContentSectionProps {
  contact: Contact;
  activities: readonly Activity[];
  attempts: readonly Attempt[];
  /** The contact's questions: an item marketing linked as an answer to one goes first. */
  questions: readonly Question[];
  /** The work calendar's zone, for the day a question was asked. */
  timeZone: string;
  /** A link was copied: the item goes with the next attempt logged. */
  onCopied: (item: ContentSuggestion) => void;
}

type CopyNote = { contentId: string; kind: 'tracked' | 'plain' | 'failed'; text: string };

/** The few library pieces to send next, each with the reason to say out loud, and a one-click tracked link. */
export const ContentSection = memo(function ContentSection({ contact, activities, attempts, questions, timeZone, onCopied }: ContentSectionProps) {
  const { db, now, platform } = useServices();
  const api = useApi();
  const headingId = useId();
  const library = useLiveQuery(() => db.content.toArray(), [db]);
  const answers = useLiveQuery(() => db.answers.toArray(), [db]);
  const [note, setNote] = useState<CopyNote | null>(null);
  const suggestions = useMemo(
    () =>
      library && answers
        ? suggestContent({ contact, library, activities, attempts, questions, answers, timeZone, now: now(), limit: 3 })
        : undefined,
    [library, answers, contact, activities, attempts, questions, timeZone, now],
  );
  if (suggestions === undefined) return null;

  async function copy(item: ContentSuggestion) {
    let url = item.url;
    let result: CopyNote;
    try {
      if (!api) throw new ApiFailure('offline', 'signed out');
      const link = await api.trackedLink(contact.id, { contentId: item.contentId });
      url = link.url;
      result = link.tracked
        ? { contentId: item.contentId, kind: 'tracked', text: `Copied a tracked link to “${item.title}”.` }
        : { contentId: item.contentId, kind: 'plain', text: 'Copied the plain link — this contact is not tracked (tracking is off, or they opted out).' };
    } catch (err) {
      result = { contentId: item.contentId, kind: 'plain', text: plainLinkNote(err) };
    }
    try {
      await platform.writeClipboard(url);
      onCopied(item);
    } catch (err) {
      result = { contentId: item.contentId, kind: 'failed', text: `Could not copy: ${err instanceof Error ? err.message : String(err)}. The link is ${url}` };
    }
    setNote(result);
  }

  return (
    <section className="section content" aria-labelledby={headingId}>
      <h3 id={headingId}>Send next</h3>
      {suggestions.length === 0 ? (
        <p className="muted">Nothing in the library fits this lead right now.</p>
      ) : (
        <ol className="suggestions">
          {suggestions.map((s) => (
            <li key={s.contentId} className="suggestion">
              <div className="suggestion__text">
                <a href={s.url} target="_blank" rel="noreferrer noopener" className="suggestion__title">
                  {s.title}
                </a>
                <p className="suggestion__reason">{s.reason}</p>
              </div>
              <button type="button" aria-label={`Copy link to ${s.title}`} onClick={() => void copy(s)}>
                Copy link
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className={`small-note${note?.kind === 'failed' ? ' error-text' : ''}`}>
        {note?.text}
      </p>
    </section>
  );
});

function plainLinkNote(err: unknown): string {
  if (err instanceof ApiFailure) {
    if (err.kind === 'not_found') return 'Copied the plain link — tracked links need the server to support them.';
    if (err.kind === 'offline') return 'Copied the plain link — the server is out of reach, so this one is not tracked.';
    return `Copied the plain link — the server could not make a tracked one (${err.message}).`;
  }
  return 'Copied the plain link — the server could not make a tracked one.';
}
