import { useEffect, useId, useState } from 'react';
import { addMailtoSite } from '../../lib/stored';
import { siteOffer } from '../../lib/view-model/mailto-sites';
import { useMailtoSites } from '../hooks/useMailtoSites';
import { useServices } from '../services';

type Outcome = { kind: 'idle' } | { kind: 'on'; label: string } | { kind: 'refused'; message: string };

/**
 * "Read contacts on this site": turns the `mailto:` reader on for the followed tab's site, asking the browser for
 * `scripting` and that one origin in the click (lib/routing/mailto-sites.ts). Shown only where it applies: a web page
 * none of the host readers covers, whose address the browser lets the panel see.
 */
export function ReadThisSite() {
  const { platform } = useServices();
  const sites = useMailtoSites();
  const headingId = useId();
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  // Every routing change (another tab, a navigation) may mean another site: read the followed tab's address again.
  useEffect(() => {
    let live = true;
    const stop = platform.watchPageContacts(() => {
      void platform.sites.activeTabUrl().then((url) => live && setTabUrl(url));
    });
    return () => {
      live = false;
      stop();
    };
  }, [platform]);

  if (sites === undefined) return null;
  const offer = siteOffer(tabUrl, sites);
  if (offer.kind === 'none') return null;

  function turnOn(origin: string, label: string) {
    // The permission request first, inside the click: an await before it would lose the user gesture.
    const asked = platform.sites.request(origin);
    void (async () => {
      try {
        if (!(await asked)) {
          setOutcome({ kind: 'refused', message: `The browser did not allow Leadside on ${label}, so nothing changed.` });
          return;
        }
        await addMailtoSite(origin);
        setOutcome({ kind: 'on', label });
      } catch (err) {
        setOutcome({ kind: 'refused', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }

  return (
    <section className="read-site" aria-labelledby={headingId}>
      <h2 id={headingId} className="read-site__title">
        This site: {offer.label}
      </h2>
      {offer.kind === 'off' ? (
        <>
          <p className="read-site__hint">Leadside can read the people this site links to by email (its mailto: links), nothing else.</p>
          <button type="button" onClick={() => turnOn(offer.origin, offer.label)}>
            Read contacts on this site
          </button>
        </>
      ) : (
        <p role="status" className="read-site__hint">
          {outcome.kind === 'on' ? `Reading contacts on ${outcome.label}. ` : 'Leadside reads contacts on this site. '}
          No email links with an address here yet.{' '}
          <button type="button" className="link-button" onClick={() => void platform.openOptionsPage()}>
            Manage sites
          </button>
        </p>
      )}
      {outcome.kind === 'refused' && (
        <p role="alert" className="error-text">
          Not turned on: {outcome.message}
        </p>
      )}
    </section>
  );
}
