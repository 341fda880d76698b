import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useMemo, useState, type FormEvent } from 'react';
import { QUESTION_MAX_CHARS, QuestionText, type Question } from '../../lib/core/model/questions';
import { noteQuestion } from '../../lib/db/writes';
import { formatMoment } from '../../lib/view-model/format';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useServices } from '../services';

export interface QuestionsSectionProps {
  contactId: string;
  questions: readonly Question[];
}

/**
 * The questions this prospect asked, newest first, and a one-line field to note another: Enter (or Note) writes it to
 * the cache and the outbox at once, offline too, and marketing sees it grouped with everyone else's. When marketing
 * linked an answer to one of them, the line names it (and "Send next" offers it first).
 */
export const QuestionsSection = memo(function QuestionsSection({ contactId, questions }: QuestionsSectionProps) {
  const { db, now } = useServices();
  const write = useLocalWrite();
  const headingId = useId();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const answers = useLiveQuery(async () => {
    const linked = await db.answers.bulkGet([...new Set(questions.map((q) => q.key))]);
    const items = await db.content.bulkGet(linked.flatMap((a) => (a?.contentId ? [a.contentId] : [])));
    const titles = new Map(items.flatMap((i) => (i && !i.archived ? [[i.id, i.title] as const] : [])));
    return new Map(linked.flatMap((a) => (a?.contentId && titles.has(a.contentId) ? [[a.key, titles.get(a.contentId)!] as const] : [])));
  }, [db, questions]);
  const newestFirst = useMemo(() => [...questions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)), [questions]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = QuestionText.safeParse(text);
    if (!checked.success) {
      setMessage({ kind: 'error', text: checked.error.issues[0]?.message ?? 'this question cannot be noted' });
      return;
    }
    setBusy(true);
    try {
      await write((ctx) => noteQuestion(ctx, { contactId, text: checked.data }));
      setText('');
      setMessage({ kind: 'status', text: 'Question noted: marketing will see it with the others like it.' });
    } catch (err) {
      setMessage({ kind: 'error', text: `Could not note it: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  }

  const at = now();
  return (
    <section className="section questions" aria-labelledby={headingId}>
      <h3 id={headingId}>Questions they asked</h3>
      <form className="question-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={fieldId} className="sr-only">
          A question they asked
        </label>
        <input
          id={fieldId}
          type="text"
          value={text}
          maxLength={QUESTION_MAX_CHARS}
          placeholder="A question they asked…"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message?.kind === 'error' ? true : undefined}
        />
        <button type="submit" disabled={busy || text.trim() === ''}>
          Note
        </button>
      </form>
      <p role={message?.kind === 'error' ? 'alert' : 'status'} className={`small-note${message?.kind === 'error' ? ' error-text' : ''}`}>
        {message?.text}
      </p>
      {newestFirst.length > 0 && (
        <ul className="question-list">
          {newestFirst.map((q) => (
            <li key={q.id} className="question">
              <span className="question__text">{q.text}</span>
              <span className="question__meta">
                {formatMoment(new Date(q.at), at)} · as {STAGE_LABELS[q.stage]}
                {answers?.has(q.key) ? ` · answered by “${answers.get(q.key)}”` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
