import { useState } from 'react';
import type { WebhookEndpoint } from '../../../lib/core/model/webhooks';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';
import { OnceSecret } from '../team/OnceSecret';
import { DeliveryLog } from './DeliveryLog';
import { WEBHOOK_EVENT_LABELS } from './labels';

/** One endpoint: its events and state (with the server's notice when it turned it off), and what an admin does to it. */
export function EndpointCard({ endpoint, onChanged }: { endpoint: WebhookEndpoint; onChanged: () => void }) {
  const { api, formats: f } = useDashboard();
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setSaid(null);
    try {
      await work();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const headingId = `webhook-${endpoint.id}`;
  return (
    <section className="card webhook-card" aria-labelledby={headingId} data-testid={`endpoint-${endpoint.id}`}>
      <h2 id={headingId} className="webhook-url">
        {endpoint.url}
      </h2>
      {endpoint.description ? <p className="muted">{endpoint.description}</p> : null}
      <p>
        <strong>{endpoint.enabled ? 'On' : 'Off'}</strong> · sends {endpoint.events.map((e) => WEBHOOK_EVENT_LABELS[e].toLowerCase()).join(', ')} · secret made {f.dateTime(endpoint.secretCreatedAt)}
      </p>
      {endpoint.disabledReason ? (
        <p className="notice notice--danger" role="status">
          Turned off by Leadside {endpoint.disabledAt ? f.dateTime(endpoint.disabledAt) : ''}: {endpoint.disabledReason}. Fix the receiver, send a test event, then turn it on.
        </p>
      ) : null}
      <div className="inline">
        <button type="button" onClick={() => act(async () => (await api.updateWebhookEndpoint(endpoint.id, { enabled: !endpoint.enabled }), onChanged()))}>
          {endpoint.enabled ? 'Turn off' : 'Turn on'}
        </button>
        <button type="button" onClick={() => act(async () => setSecret((await api.rotateWebhookSecret(endpoint.id)).secret))}>
          Rotate secret
        </button>
        <button
          type="button"
          onClick={() =>
            act(async () => {
              await api.sendWebhookTest(endpoint.id);
              setSaid('Test event queued: it goes out within seconds; see the delivery log.');
              setLogVersion((v) => v + 1);
            })
          }
        >
          Send a test event
        </button>
        <button type="button" aria-expanded={showLog} onClick={() => setShowLog((s) => !s)}>
          {showLog ? 'Hide delivery log' : 'Delivery log'}
        </button>
        <button type="button" className="danger" onClick={() => act(async () => (await api.deleteWebhookEndpoint(endpoint.id), onChanged()))}>
          Delete
        </button>
      </div>
      {secret ? <OnceSecret label={`New signing secret for ${endpoint.url}`} value={secret} note="Shown this once. The old secret keeps signing too for 24 hours, while you put this one in the receiver." /> : null}
      {said ? (
        <p className="muted" role="status">
          {said}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {showLog ? <DeliveryLog endpointId={endpoint.id} version={logVersion} /> : null}
    </section>
  );
}
