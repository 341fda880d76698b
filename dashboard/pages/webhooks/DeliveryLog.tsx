import { useState } from 'react';
import type { WebhookDelivery } from '../../../lib/core/model/webhooks';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { deliveryStateLabel } from './labels';

/** One endpoint's deliveries, newest first, a page at a time ("Older" asks for the next). */
export function DeliveryLog({ endpointId, version }: { endpointId: string; version: number }) {
  const { api, formats: f } = useDashboard();
  const first = useLoad(`webhook-log:${endpointId}:${version}`, () => api.webhookDeliveries(endpointId));
  const [older, setOlder] = useState<{ rows: WebhookDelivery[]; next: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (first.state === 'loading') return <Loading what="the delivery log" />;
  if (first.state === 'error') return <ErrorState what="the delivery log" error={first.error} retry={first.reload} />;
  const rows = [...first.data.deliveries, ...(older?.rows ?? [])];
  const next = older ? older.next : first.data.next;
  if (rows.length === 0) return <Empty title="Nothing sent yet" />;
  const more = async () => {
    try {
      const page = await api.webhookDeliveries(endpointId, next!);
      setOlder({ rows: [...(older?.rows ?? []), ...page.deliveries], next: page.next });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div className="table-wrap">
      <table aria-label="Delivery log">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Queued</th>
            <th scope="col">State</th>
            <th scope="col">Tries</th>
            <th scope="col">Last answer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`}>
              <th scope="row">
                <code>{d.type}</code>
              </th>
              <td>{f.dateTime(d.createdAt)}</td>
              <td>
                {deliveryStateLabel(d)}
                {d.state === 'pending' && d.nextAttemptAt ? ` (next ${f.dateTime(d.nextAttemptAt)})` : ''}
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? (d.lastStatus !== null ? String(d.lastStatus) : '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next ? (
        <button type="button" onClick={more}>
          Older deliveries
        </button>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
