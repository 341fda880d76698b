import { useEffect, useRef, useState } from 'react';
import type { ContentPerformance } from '../../../lib/core/model/closed-loop';
import type { ContentItem } from '../../../lib/core/model/content';
import type { Role } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { ContentEditor } from './ContentEditor';
import { replacementOf } from './content-form';

/** The roles `POST`/`PUT /v1/content` allow (docs/api.md § Content); everyone else reads. */
export const CONTENT_WRITERS: readonly Role[] = ['marketing', 'admin'];

type Editing = { item: ContentItem | null } | null;

/** The content library: what reps send, with its assists (counted by the server) and its use over the last 30 days. */
export function ContentPage() {
  const { api, session } = useDashboard();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = CONTENT_WRITERS.includes(session.user.role);
  // The editor (or the row's button) is gone once saved: the keyboard's focus goes to what was done.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const library = useLoad(`content:${archived}`, async () => {
    const [items, report] = await Promise.all([api.contentList({ archived }), api.contentReport({})]);
    return { items, report };
  });

  const saved = (item: ContentItem, what: string) => {
    setEditing(null);
    setNotice(`${what} “${item.title}”.`);
    library.reload();
  };

  return (
    <div className="page">
      <div className="page__head">
        <h1>Content library</h1>
        {canWrite && editing === null ? (
          <button type="button" className="primary" onClick={() => setEditing({ item: null })}>
            New item
          </button>
        ) : null}
      </div>
      {notice ? (
        <p className="notice notice--ok" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      ) : null}
      {editing ? (
        <ContentEditor
          key={editing.item?.id ?? 'new'}
          editing={editing.item}
          onSaved={(item) => saved(item, editing.item ? 'Saved' : 'Added')}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <label className="inline">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived items too
      </label>
      {library.state === 'loading' ? (
        <Loading what="the content library" />
      ) : library.state === 'error' ? (
        <ErrorState what="the content library" error={library.error} retry={library.reload} />
      ) : library.data.items.length === 0 ? (
        <Empty title="The library is empty">{canWrite ? 'Add the first item with “New item”.' : 'Marketing adds the content reps send.'}</Empty>
      ) : (
        <ContentTable
          items={library.data.items}
          use={new Map(library.data.report.items.map((p) => [p.contentId, p]))}
          period={library.data.report.period}
          canWrite={canWrite}
          onEdit={(item) => setEditing({ item })}
          onArchived={(item) => saved(item, item.archived ? 'Archived' : 'Restored')}
        />
      )}
    </div>
  );
}

function ContentTable({
  items,
  use,
  period,
  canWrite,
  onEdit,
  onArchived,
}: {
  items: ContentItem[];
  use: Map<string, ContentPerformance>;
  period: { from: string; to: string };
  canWrite: boolean;
  onEdit: (item: ContentItem) => void;
  onArchived: (item: ContentItem) => void;
}) {
  const { formats: f } = useDashboard();
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Use from {f.date(period.from)} to {f.date(period.to)}: people it was sent to, who clicked it and who read it. Assists: customers who read it before they
          were won.
        </caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Stage</th>
            <th scope="col">Personas</th>
            <th scope="col">Topics</th>
            <th scope="col">Assists</th>
            <th scope="col">Sent</th>
            <th scope="col">Clicked</th>
            <th scope="col">Viewed</th>
            {canWrite ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ContentRow key={item.id} item={item} use={use.get(item.id)} canWrite={canWrite} onEdit={onEdit} onArchived={onArchived} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContentRow({
  item,
  use,
  canWrite,
  onEdit,
  onArchived,
}: {
  item: ContentItem;
  use: ContentPerformance | undefined;
  canWrite: boolean;
  onEdit: (item: ContentItem) => void;
  onArchived: (item: ContentItem) => void;
}) {
  const { api, formats: f } = useDashboard();
  const [error, setError] = useState<string | null>(null);
  const toggleArchived = async () => {
    setError(null);
    try {
      onArchived(await api.replaceContent(item.id, replacementOf(item, { archived: !item.archived })));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <tr data-testid={`content-${item.id}`}>
      <th scope="row">
        <a href={item.url} target="_blank" rel="noreferrer">
          {item.title}
        </a>
        {item.archived ? <span className="muted"> (archived)</span> : null}
      </th>
      <td>{item.kind.replace('_', ' ')}</td>
      <td>{item.journeyStage}</td>
      <td>{item.personas.join(', ') || <span className="muted">anyone</span>}</td>
      <td>{item.topics.join(', ')}</td>
      <td>{f.count(item.assists)}</td>
      <td>{f.count(use?.total.sent ?? 0)}</td>
      <td>{f.count(use?.total.clicked ?? 0)}</td>
      <td>{f.count(use?.total.viewed ?? 0)}</td>
      {canWrite ? (
        <td>
          <div className="inline">
            <button type="button" onClick={() => onEdit(item)} aria-label={`Edit ${item.title}`}>
              Edit
            </button>
            <button type="button" onClick={toggleArchived} aria-label={`${item.archived ? 'Restore' : 'Archive'} ${item.title}`}>
              {item.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
