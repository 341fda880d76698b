import { useEffect, useId, useState, type FormEvent } from 'react';
import { parseInput } from '../../lib/core/model/parse';
import { addMailtoSite, MailtoSite, removeMailtoSite } from '../../lib/stored';
import { siteLabel } from '../../lib/view-model/mailto-sites';
import { useMailtoSites } from '../hooks/useMailtoSites';
import { useMeta } from '../hooks/useMeta';
import { useServices } from '../services';

type Status = { kind: 'idle' } | { kind: 'ok'; message: string } | { kind: 'error'; message: string };

/**
 * The sites the `mailto:` reader runs on: add one (asking the browser for that origin only, in the click), allow one
 * whose access was taken back, remove one (the background unregisters the reader there; the origin's access goes back
 * too unless it is the rep's server's).
 */
export function MailtoSites() {
  const { platform } = useServices();
  const sites = useMailtoSites();
  const connection = useMeta('connection');
  const headingId = useId();
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  const sitesKey = (sites ?? []).join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all((sites ?? []).map(async (origin) => [origin, await platform.sites.granted(origin)] as const)).then(
      (pairs) => live && setGranted(Object.fromEntries(pairs)),
    );
    return () => {
      live = false;
    };
    // The list's contents, not its identity, decide what to ask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platform, sitesKey]);

  if (sites === undefined) return null;

  /** Asks for the origin in the gesture, then lists it; a refusal changes nothing. */
  function allow(origin: string, then: () => void = () => undefined) {
    const asked = platform.sites.request(origin);
    void (async () => {
      try {
        if (!(await asked)) {
          setStatus({ kind: 'error', message: `The browser did not allow Leadside on ${siteLabel(origin)}, so nothing changed.` });
          return;
        }
        await addMailtoSite(origin);
        setGranted((g) => ({ ...g, [origin]: true }));
        setStatus({ kind: 'ok', message: `Leadside reads contacts on ${siteLabel(origin)}.` });
        then();
      } catch (err) {
        setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parseInput(MailtoSite, draft.trim(), 'Site');
    if (!parsed.ok) {
      setStatus({ kind: 'error', message: parsed.message });
      return;
    }
    allow(parsed.value, () => setDraft(''));
  }

  async function remove(origin: string) {
    try {
      await removeMailtoSite(origin);
      const server = connection ? new URL(connection.url).origin : null;
      await platform.sites.release(origin, server ? [server] : []);
      setStatus({ kind: 'ok', message: `Leadside no longer reads contacts on ${siteLabel(origin)}.` });
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <section className="mailto-sites" aria-labelledby={headingId}>
      <h2 id={headingId}>Sites whose contacts Leadside reads</h2>
      <p className="options__hint">
        Besides Gmail, Outlook, HubSpot, Salesforce and Pipedrive, Leadside reads the email links (mailto:) on the sites
        listed here, and nothing else on them. The browser asks you for each site.
      </p>
      {sites.length === 0 ? (
        <p>No sites yet.</p>
      ) : (
        <ul className="mailto-sites__list">
          {sites.map((origin) => (
            <li key={origin}>
              <span className="mailto-sites__site">{siteLabel(origin)}</span>{' '}
              {granted[origin] === false ? (
                <>
                  <span className="options__hint">access not allowed</span>{' '}
                  <button type="button" onClick={() => allow(origin)} aria-label={`Allow ${siteLabel(origin)}`}>
                    Allow
                  </button>
                </>
              ) : null}{' '}
              <button type="button" onClick={() => void remove(origin)} aria-label={`Remove ${siteLabel(origin)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="mailto-sites__add" onSubmit={add} noValidate>
        <label htmlFor={inputId}>Site address</label>
        <input
          id={inputId}
          type="url"
          placeholder="https://www.example.com"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={status.kind === 'error' || undefined}
          aria-describedby={status.kind === 'error' ? errorId : undefined}
        />
        <button type="submit">Add site</button>
      </form>
      {status.kind === 'error' && (
        <p id={errorId} role="alert" className="error-text">
          {status.message}
        </p>
      )}
      {status.kind === 'ok' && (
        <p role="status" className="notice notice--ok">
          {status.message}
        </p>
      )}
    </section>
  );
}
