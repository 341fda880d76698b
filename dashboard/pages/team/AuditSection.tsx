import { useState } from 'react';
import { AUDIT_ACTIONS, AUDIT_AREAS, type AuditEvent, type AuditPage } from '../../../lib/core/model/audit';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';

/** How many events a page of the log shows; "Older events" asks for the next page after the last one shown. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log (admins): who changed what, newest first, one area or action at a time if asked. */
export function AuditSection() {
  const { api } = useDashboard();
  const [action, setAction] = useState('');
  const first = useLoad(`audit:${action}`, () => api.auditPage({ limit: AUDIT_PAGE_SIZE, action: filterOf(action) }));
  return (
    <section className="card" aria-labelledby="team-audit">
      <div className="row-between">
        <h2 id="team-audit">Audit log</h2>
        <label className="inline">
          <span>Show</span>
          <select value={action} onChange={(e) => setAction(e.target.value)} aria-label="Audit action">
            <option value="">every change</option>
            <optgroup label="Areas">
              {AUDIT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
            <optgroup label="Actions">
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>
      {first.state === 'loading' ? (
        <Loading what="the audit log" />
      ) : first.state === 'error' ? (
        <ErrorState what="the audit log" error={first.error} retry={first.reload} />
      ) : first.data.events.length === 0 ? (
        <Empty title="Nothing logged yet">{action === '' ? null : `No ${action} changes.`}</Empty>
      ) : (
        <AuditTable key={`${action}:${first.data.events[0]!.id}`} first={first.data} action={action} />
      )}
    </section>
  );
}

function filterOf(action: string) {
  return action === '' ? undefined : (action as (typeof AUDIT_ACTIONS)[number]);
}

/** The first page, then each older page appended as it is asked for (the cursor of the last one). */
function AuditTable({ first, action }: { first: AuditPage; action: string }) {
  const { api, formats: f } = useDashboard();
  const [pages, setPages] = useState<AuditPage[]>([first]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const last = pages[pages.length - 1]!;
  const older = async () => {
    setLoading(true);
    setError(null);
    try {
      const next = await api.auditPage({ limit: AUDIT_PAGE_SIZE, action: filterOf(action), before: last.next! });
      setPages([...pages, next]);
    } catch (err) {
      setError(messageOf(err));
    }
    setLoading(false);
  };
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {pages.flatMap((p) => p.events).map((e) => (
              <tr key={e.id} data-testid={`audit-${e.id}`}>
                <td>{f.dateTime(e.at)}</td>
                <td>{actorOf(e)}</td>
                <th scope="row">{e.action}</th>
                <td>
                  {e.target.kind} {e.target.id}
                </td>
                <td>{Object.keys(e.changes).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last.more ? (
        <button type="button" onClick={older} disabled={loading}>
          Older events
        </button>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function actorOf(e: AuditEvent): string {
  if (e.actor.kind === 'cli') return 'the CLI';
  if (e.actor.kind === 'system') return 'the server';
  return e.actor.name ?? e.actor.email ?? 'a user';
}
