/**
 * The panel figure's limit card (../browser/panel-measure.ts): the panel's own lead card component (LeadCard) rendered
 * to static markup from rows the limit read raw from IndexedDB, with the same services the panel gives it. Bundled by
 * ../figures/panel.ts into the built extension as bench-card.js; the measuring page imports it.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { browser } from 'wxt/browser';
import { LeadCard } from '../../components/lead/LeadView';
import { ServicesProvider } from '../../components/services';
import type { LeadData } from '../../components/hooks/useLeadData';
import type { Me } from '../../lib/core/model/api';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { leadsideDb } from '../../lib/db/database';
import type { OutboxEntry } from '../../lib/db/types';
import { browserPlatform } from '../../lib/platform';
import { queuedStageChanges } from '../../lib/view-model/stage-history';

const services = { db: leadsideDb(), platform: browserPlatform(browser), now: () => new Date() };

/** Rows as the limit reads them: the contact's own, the pending outbox, and the meta rows' values. */
export interface RawLeadRows extends Omit<LeadData, 'queuedStageChanges' | 'settings'> {
  pending: OutboxEntry[];
  settings: WorkspaceSettings;
  me: Me;
}

/** The card's markup, as the panel would render it for these rows (the queued stage changes worked out the same way). */
export function renderCardMarkup(rows: RawLeadRows): string {
  const { pending, me, ...data } = rows;
  const queued = queuedStageChanges(pending, data.contact.id, me.user, data.stageChanges);
  return renderToStaticMarkup(
    <ServicesProvider services={services}>
      <LeadCard data={{ ...data, queuedStageChanges: queued }} meId={me.user.id} meRole={me.user.role} focusOnOpen={false} />
    </ServicesProvider>,
  );
}
