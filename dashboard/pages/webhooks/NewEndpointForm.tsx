import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../../../lib/api/errors';
import { NewWebhookEndpoint, WEBHOOK_EVENT_TYPES, type WebhookEndpointWithSecret, type WebhookEventType } from '../../../lib/core/model/webhooks';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';
import { WEBHOOK_EVENT_LABELS } from './labels';

type Issues = Partial<Record<'url' | 'events' | 'description' | 'form', string>>;

/** Adds an endpoint: checked with the server's own schema first, then the server's refusal shown at its field. */
export function NewEndpointForm({ onMade }: { onMade: (made: WebhookEndpointWithSecret) => void }) {
  const { api } = useDashboard();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [issues, setIssues] = useState<Issues>({});
  const toggle = (e: WebhookEventType) => setEvents((now) => (now.includes(e) ? now.filter((x) => x !== e) : [...now, e]));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const request = { url: url.trim(), events, description };
    const checked = NewWebhookEndpoint.safeParse(request);
    if (!checked.success) {
      setIssues(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
      return;
    }
    setIssues({});
    try {
      onMade(await api.createWebhookEndpoint(checked.data));
      setUrl('');
      setDescription('');
      setEvents([]);
    } catch (err) {
      const found = err instanceof ApiFailure ? err.issues : [];
      setIssues(found.length > 0 ? Object.fromEntries(found.map((i) => [i.path.split('.')[0]!, i.message])) : { form: messageOf(err) });
    }
  };

  return (
    <form className="webhook-form" onSubmit={submit} aria-label="New webhook endpoint" noValidate>
      <label className="field">
        <span>Endpoint URL</span>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={issues.url ? true : undefined} aria-describedby={issues.url ? 'webhook-url-error' : undefined} placeholder="https://example.com/leadside" />
      </label>
      {issues.url ? (
        <p className="error-text" id="webhook-url-error">
          URL {issues.url}
        </p>
      ) : null}
      <label className="field">
        <span>Description (optional)</span>
        <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset className="webhook-events" aria-describedby={issues.events ? 'webhook-events-error' : undefined}>
        <legend>Events to send</legend>
        {WEBHOOK_EVENT_TYPES.map((e) => (
          <label key={e} className="checkbox">
            <input type="checkbox" checked={events.includes(e)} onChange={() => toggle(e)} />
            <span>
              {WEBHOOK_EVENT_LABELS[e]} <code>{e}</code>
            </span>
          </label>
        ))}
        {issues.events ? (
          <span className="error-text" id="webhook-events-error">
            Events: {issues.events}
          </span>
        ) : null}
      </fieldset>
      <button type="submit">Add endpoint</button>
      {issues.form || issues.description ? (
        <p className="error-text" role="alert">
          {issues.form ?? `Description ${issues.description}`}
        </p>
      ) : null}
    </form>
  );
}
