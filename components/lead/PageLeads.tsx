import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import type { LookupEntry } from '../../lib/core/model/api';
import { inPanelOrder } from '../../lib/messages/contact-order';
import type { DetectedContact } from '../../lib/messages/protocol';
import { sendTyped } from '../../lib/messages';
import type { PanelContacts } from '../../lib/routing/panel';
import { switcherLines } from '../../lib/view-model/page-contacts';
import { resolveEmails } from '../../lib/sync';
import { useApi } from '../hooks/useApi';
import { useServices } from '../services';
import { LeadByEmail } from './LeadView';
import { LookedUpLead } from './LookedUpLead';
import { NotInLeadside } from './NotInLeadside';

/** Up to this many people, the switcher is a row of buttons (one click); more, a select. */
const MAX_SWITCHER_BUTTONS = 4;

/** The people on the active tab: a switcher when there are several (the external sender first), then the chosen one. */
export function PageLeads({ page }: { page: PanelContacts }) {
  const contacts = inPanelOrder(page.contacts);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = contacts.find((c) => c.email === chosen) ?? contacts[0];
  if (!current) return null;
  return (
    <>
      {contacts.length > 1 && <Switcher contacts={contacts} current={current.email} onChoose={setChosen} />}
      <PageLead key={current.email} contact={current} seenOn={page.url} />
    </>
  );
}

function Switcher({ contacts, current, onChoose }: { contacts: DetectedContact[]; current: string; onChoose: (email: string) => void }) {
  const selectId = useId();
  const { db } = useServices();
  // The company comes from the cache when the person is a lead there: the page gives a name and an address only.
  const emailKey = contacts.map((c) => c.email).join('\n');
  const cached = useLiveQuery(async () => {
    const rows = await db.contacts.where('email').anyOf(emailKey.split('\n')).toArray();
    return new Map(rows.map((r) => [r.email, { name: r.name, company: r.company }]));
  }, [db, emailKey]);
  const lines = (c: DetectedContact) => switcherLines(c, cached?.get(c.email) ?? null);
  if (contacts.length > MAX_SWITCHER_BUTTONS) {
    return (
      <div className="switcher switcher--select">
        <label htmlFor={selectId}>Person on this page</label>
        <select id={selectId} value={current} onChange={(e) => onChoose(e.target.value)}>
          {contacts.map((c) => {
            const { primary, secondary } = lines(c);
            return (
              <option key={c.email} value={c.email}>
                {secondary ? `${primary} · ${secondary}` : primary}
              </option>
            );
          })}
        </select>
      </div>
    );
  }
  return (
    <div role="group" aria-label="People on this page" className="switcher switcher--buttons">
      {contacts.map((c) => {
        const { primary, secondary } = lines(c);
        return (
          <button key={c.email} type="button" aria-pressed={c.email === current} title={`${c.email} (${c.role})`} onClick={() => onChoose(c.email)}>
            <span className="switcher__name">{primary}</span>
            {secondary && (
              <>
                <span className="sr-only">, </span>
                <span className="switcher__sub">{secondary}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}

/** One address: the cached lead when there is one, else what the server says about it. */
function PageLead({ contact, seenOn }: { contact: DetectedContact; seenOn: string }) {
  return <LeadByEmail email={contact.email} notCached={<LookupLead contact={contact} seenOn={seenOn} />} />;
}

type Lookup = { kind: 'working' } | { kind: 'found'; entry: LookupEntry } | { kind: 'unknown' } | { kind: 'failed'; message: string };

/** Asks the server about an address the cache does not hold (its answer is cached too, so a glance later is instant). */
function LookupLead({ contact, seenOn }: { contact: DetectedContact; seenOn: string }) {
  const { db, now, platform } = useServices();
  const api = useApi();
  const [lookup, setLookup] = useState<Lookup>({ kind: 'working' });
  const [attempt, setAttempt] = useState(0);
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    if (api === undefined) return;
    let live = true;
    const slowTimer = setTimeout(() => live && setSlow(true), 400);
    resolveEmails(db, api, [contact.email], now())
      .then(([answer]) => {
        if (!live) return;
        if (answer?.state === 'looked_up') {
          setLookup({ kind: 'found', entry: answer.entry });
          // The lookup put the contact in the rep's scope: pull now rather than at the next alarm.
          void sendTyped(platform.sendMessage, 'sync.request', { reason: 'panel_open' }).catch(() => null);
        } else if (answer?.state === 'unknown' || answer === undefined) {
          setLookup(api === null && answer === undefined ? { kind: 'failed', message: 'You are signed out.' } : { kind: 'unknown' });
        }
        // 'cached': the live query above takes over.
      })
      .catch((err: unknown) => live && setLookup({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }))
      .finally(() => clearTimeout(slowTimer));
    return () => {
      live = false;
      clearTimeout(slowTimer);
    };
  }, [db, api, contact.email, now, platform, attempt]);

  switch (lookup.kind) {
    case 'working':
      return slow ? (
        <p role="status" className="notice">
          Looking up {contact.email}…
        </p>
      ) : null;
    case 'found':
      return <LookedUpLead entry={lookup.entry} />;
    case 'unknown':
      return <NotInLeadside email={contact.email} name={contact.name} seenOn={seenOn} />;
    case 'failed':
      return (
        <div role="alert" className="notice notice--danger">
          <p>
            Could not look up {contact.email}: {lookup.message}
          </p>
          <button
            type="button"
            onClick={() => {
              setLookup({ kind: 'working' });
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      );
  }
}
