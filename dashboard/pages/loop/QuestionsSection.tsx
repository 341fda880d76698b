import { useState } from 'react';
import type { ContentItem } from '../../../lib/core/model/content';
import type { QuestionGroup, QuestionGroupPage } from '../../../lib/core/model/questions';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { usePaged } from '../../shell/usePaged';
import { useLoad } from '../../shell/useLoad';
import { STAGE_LABELS } from './labels';

type Answer = QuestionGroup['answer'];

/**
 * Prospects' questions, most asked first. With `canLink` (marketing, managers, admins) each group can get a library
 * item as its answer, or lose it; a rep's list is their own leads' questions, to read.
 */
export function QuestionsSection({ canLink, title }: { canLink: boolean; title: string }) {
  const { api, formats: f } = useDashboard();
  const [stage, setStage] = useState<LifecycleStage | 'all'>('all');
  const asked = stage === 'all' ? undefined : stage;
  const list = usePaged<QuestionGroupPage>(`questions:${stage}`, (before) => api.questions({ stage: asked, before }));
  const groups = list.pages.flatMap((p) => p.groups);
  return (
    <section className="card" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{title}</h2>
      <div className="inline">
        <label htmlFor="questions-stage">Asked at stage</label>
        <select id="questions-stage" value={stage} onChange={(e) => setStage(e.target.value as LifecycleStage | 'all')}>
          <option value="all">Every stage</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {list.first.state === 'loading' ? (
        <Loading what="the questions" />
      ) : list.first.state === 'error' ? (
        <ErrorState what="the questions" error={list.first.error} retry={list.first.reload} />
      ) : groups.length === 0 ? (
        <Empty title="No questions noted">{stage === 'all' ? 'Questions reps note from their leads show here, most asked first.' : `No question was asked at ${STAGE_LABELS[stage]}.`}</Empty>
      ) : (
        <ol className="question-list">
          {groups.map((g) => (
            <QuestionItem key={g.key} group={g} canLink={canLink} />
          ))}
        </ol>
      )}
      {list.moreError ? (
        <p className="error-text" role="alert">
          Could not load more: {messageOf(list.moreError)}
        </p>
      ) : null}
      {list.hasMore ? (
        <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : `Show more (${f.count(groups.length)} shown)`}
        </button>
      ) : null}
    </section>
  );
}

function QuestionItem({ group, canLink }: { group: QuestionGroup; canLink: boolean }) {
  const { formats: f } = useDashboard();
  // The answer as this page last set it: a link or unlink answers for the group without reloading the list.
  const [answer, setAnswer] = useState<Answer>(group.answer);
  const headingId = `question-${group.key}`;
  return (
    <li className="question" aria-labelledby={headingId}>
      <h3 id={headingId}>“{group.wordings[0] ?? group.key}”</h3>
      <p className="muted small-note">
        Asked {f.count(group.count)} {group.count === 1 ? 'time' : 'times'} by {f.count(group.contacts)} {group.contacts === 1 ? 'contact' : 'contacts'}, last on{' '}
        {f.date(group.lastAskedAt)}
        {stagesOf(group)}
      </p>
      {group.wordings.length > 1 ? <p className="small-note">Also asked as: {group.wordings.slice(1).map((w) => `“${w}”`).join(', ')}</p> : null}
      {canLink ? <AnswerLink groupKey={group.key} answer={answer} onChange={setAnswer} /> : <p>{answer ? `Answer: ${answer.title}` : 'No answer linked yet.'}</p>}
    </li>
  );
}

function stagesOf(group: QuestionGroup): string {
  const at = LIFECYCLE_STAGES.filter((s) => group.byStage[s] > 0).map((s) => `${STAGE_LABELS[s]} ${group.byStage[s]}`);
  return at.length === 0 ? '' : ` (${at.join(', ')})`;
}

/** Link a library item as the group's answer, or unlink it; the server's refusal shows beside the control. */
function AnswerLink({ groupKey, answer, onChange }: { groupKey: string; answer: Answer; onChange(a: Answer): void }) {
  const { api } = useDashboard();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = (work: () => Promise<Answer>) => {
    setBusy(true);
    setError(null);
    work().then(
      (a) => {
        onChange(a);
        setPicking(false);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };
  return (
    <div className="answer">
      {answer ? (
        <p className="inline">
          <span>
            Answer: <strong>{answer.title}</strong>
          </span>
          <button type="button" disabled={busy} onClick={() => run(async () => (await api.unlinkAnswer(groupKey), null))}>
            Unlink
          </button>
        </p>
      ) : null}
      {picking ? (
        <ContentPicker
          busy={busy}
          current={answer?.contentId ?? null}
          onCancel={() => setPicking(false)}
          onPick={(item) =>
            run(async () => {
              const linked = await api.linkAnswer(groupKey, item.id);
              return { contentId: item.id, title: item.title, linkedBy: linked.linkedBy, linkedAt: linked.linkedAt };
            })
          }
        />
      ) : (
        <button type="button" onClick={() => setPicking(true)}>
          {answer ? 'Link another answer' : 'Link an answer'}
        </button>
      )}
      {error ? (
        <p className="error-text" role="alert">
          {messageOf(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The library's items to pick an answer from, loaded when the picker opens. */
function ContentPicker({ busy, current, onPick, onCancel }: { busy: boolean; current: string | null; onPick(item: ContentItem): void; onCancel(): void }) {
  const { api } = useDashboard();
  const library = useLoad('content-library', () => api.contentLibrary());
  const [chosen, setChosen] = useState<string>('');
  if (library.state === 'loading') return <Loading what="the content library" />;
  if (library.state === 'error') return <ErrorState what="the content library" error={library.error} retry={library.reload} />;
  const items = library.data.filter((i) => i.id !== current);
  if (items.length === 0) return <p className="muted">The library has nothing else to link: add content first.</p>;
  const item = items.find((i) => i.id === chosen);
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (item) onPick(item);
      }}
    >
      <label className="sr-only" htmlFor="answer-picker">
        Content to link
      </label>
      <select id="answer-picker" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">Choose an item…</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title} ({i.journeyStage})
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !item}>
        Link
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
