import { useState } from 'react';
import type { WebhookEndpointWithSecret } from '../../../lib/core/model/webhooks';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { OnceSecret } from '../team/OnceSecret';
import { EndpointCard } from './EndpointCard';
import { NewEndpointForm } from './NewEndpointForm';

/**
 * Webhooks (admins): the endpoints other tools hear Leadside's events at, signed per Standard Webhooks with a secret
 * each (shown once, when made or rotated), retried for a day and turned off after a day of failures.
 */
export function WebhooksPage() {
  const { api } = useDashboard();
  const endpoints = useLoad('webhook-endpoints', () => api.webhookEndpoints());
  const [made, setMade] = useState<WebhookEndpointWithSecret | null>(null);
  return (
    <div className="page webhooks-page">
      <h1>Webhooks</h1>
      <p className="muted">
        Leadside posts each chosen event as JSON (<code>{'{type, timestamp, data}'}</code>) with <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
        <code>webhook-signature</code> headers (Standard Webhooks). A receiver that fails is retried for about a day.
      </p>
      <section className="card" aria-labelledby="webhooks-new">
        <h2 id="webhooks-new">Add an endpoint</h2>
        <NewEndpointForm
          onMade={(m) => {
            setMade(m);
            endpoints.reload();
          }}
        />
        {made ? <OnceSecret label={`Signing secret for ${made.endpoint.url}`} value={made.secret} note="Shown this once: put it in the receiver's verifier. Rotate it to get a new one." /> : null}
      </section>
      {endpoints.state === 'loading' ? (
        <Loading what="the webhook endpoints" />
      ) : endpoints.state === 'error' ? (
        <ErrorState what="the webhook endpoints" error={endpoints.error} retry={endpoints.reload} />
      ) : endpoints.data.length === 0 ? (
        <Empty title="No webhook endpoints yet" />
      ) : (
        endpoints.data.map((e) => <EndpointCard key={e.id} endpoint={e} onChanged={endpoints.reload} />)
      )}
    </div>
  );
}
