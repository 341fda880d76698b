import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../lib/core/model/api';
import type { SyncState } from '../../lib/db/types';
import { sendTyped } from '../../lib/messages';
import { signedOutReason } from '../../lib/session';
import { pageKey } from '../../lib/view-model/page-contacts';
import { INITIAL_SYNC_STATE } from '../../lib/db/meta';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useActivityStream } from '../hooks/useActivityStream';
import { useMeta } from '../hooks/useMeta';
import { useOpenLeadRequest } from '../hooks/useOpenLeadRequest';
import { usePageContacts } from '../hooks/usePageContacts';
import { useShortcuts } from '../hooks/useShortcuts';
import { useShortcutSettings } from '../hooks/useShortcutSettings';
import { ariaKeyShortcuts, chordLabel } from '../../lib/view-model/keyboard';
import { LeadView } from '../lead/LeadView';
import { PageLeads } from '../lead/PageLeads';
import { PanelShell } from '../PanelShell';
import { QueueView } from '../queue/QueueView';
import { useServices } from '../services';
import { FirstSync } from './FirstSync';
import { ReadThisSite } from './ReadThisSite';
import { RejectedChanges } from './RejectedChanges';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SignedOut } from './SignedOut';
import { SyncNotices } from './SyncNotices';

/**
 * The side panel. Nothing renders until the cache has answered (no flash of a wrong state); then signed out, or the
 * lead on the active tab, or the rep's queue. Opening it asks the background to sync.
 */
export function SidePanel() {
  const { platform } = useServices();
  const connection = useMeta('connection');
  const me = useMeta('me');
  const sync = useMeta('syncState');
  useEffect(() => {
    void sendTyped(platform.sendMessage, 'sync.request', { reason: 'panel_open' }).catch(() => null);
  }, [platform]);

  if (connection === undefined || me === undefined || sync === undefined) return null;
  const signedOut = signedOutReason(Boolean(connection && me), sync);
  if (signedOut || !me) {
    return (
      <PanelShell label="Sign in">
        <SignedOut reason={signedOut ?? { kind: 'not_signed_in' }} />
      </PanelShell>
    );
  }
  return <SignedInPanel me={me} sync={sync ?? INITIAL_SYNC_STATE} />;
}

type View = { kind: 'auto' } | { kind: 'queue' } | { kind: 'contact'; contactId: string };

function SignedInPanel({ me, sync }: { me: Me; sync: SyncState }) {
  const { platform } = useServices();
  const page = usePageContacts();
  useActivityStream();
  const [view, setView] = useState<View>({ kind: 'auto' });
  const [helpOpen, setHelpOpen] = useState(false);

  // The panel follows the active tab: when the page's people change, show them again (even after "Queue").
  const key = pageKey(page ?? null);
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    setView({ kind: 'auto' });
  }

  const showQueue = useCallback(() => setView({ kind: 'queue' }), []);
  // A notification's "Open lead" (lib/alerts/open-lead.ts): that lead, or the queue for a digest.
  useOpenLeadRequest(useCallback((contactId: string | null) => setView(contactId ? { kind: 'contact', contactId } : { kind: 'queue' }), []));
  const singleKeys = useShortcutSettings()?.singleKeys ?? true;
  useShortcuts((action) => {
    if (action.kind === 'queue') {
      showQueue();
      return true;
    }
    if (action.kind === 'help') {
      setHelpOpen((o) => !o);
      return true;
    }
    return false;
  });

  const showing = view.kind === 'contact' ? 'contact' : view.kind === 'queue' || !page ? 'queue' : 'page';
  const nav = (
    <nav className="panel__nav" aria-label="Views">
      <button
        type="button"
        aria-pressed={showing === 'queue'}
        aria-keyshortcuts={ariaKeyShortcuts({ kind: 'queue' }, { singleKeys }) ?? undefined}
        title={`Your follow-up queue (${singleKeys ? 'Q or ' : ''}${chordLabel('q')})`}
        onClick={showQueue}
      >
        Queue
      </button>
      {page && (
        <button type="button" aria-pressed={showing === 'page'} title="The people on the active tab" onClick={() => setView({ kind: 'auto' })}>
          This page
        </button>
      )}
      <ShortcutsHelp open={helpOpen} onToggle={setHelpOpen} />
      <button type="button" className="icon-button" title="Leadside settings" onClick={() => void platform.openOptionsPage()}>
        <span aria-hidden="true">⚙</span>
        <span className="sr-only">Settings</span>
      </button>
    </nav>
  );
  const notices = (
    <>
      <SyncNotices sync={sync} />
      <RejectedChanges />
    </>
  );

  let label: string;
  let body: ReactNode;
  if (page === undefined) {
    label = 'Lead';
    body = null;
  } else if (showing === 'contact' && view.kind === 'contact') {
    label = 'Lead';
    body = (
      <>
        <button type="button" className="link-button back" onClick={showQueue}>
          ← Back to the queue
        </button>
        <LeadView key={view.contactId} contactId={view.contactId} focusOnOpen />
      </>
    );
  } else if (showing === 'page' && page) {
    label = 'Lead';
    body = <PageLeads key={key} page={page} />;
  } else {
    label = 'Queue';
    body =
      sync.lastSyncAt === null ? (
        <FirstSync sync={sync} />
      ) : (
        <>
          {/* No people on this tab: offer to read the site's email links (the mailto: reader). */}
          {!page && <ReadThisSite />}
          <QueueView ownerId={me.user.id} onOpen={(contactId) => setView({ kind: 'contact', contactId })} />
        </>
      );
  }

  return (
    <PanelShell nav={nav} notices={notices} label={label}>
      <ErrorBoundary key={view.kind === 'contact' ? view.contactId : showing} label={label === 'Queue' ? 'The queue' : 'This lead'}>
        {body}
      </ErrorBoundary>
    </PanelShell>
  );
}
